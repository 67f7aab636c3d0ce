import type { SavedView, SavedViewStore } from '@getimmutable/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { SavedViews } from './SavedViews.js';

const current = {
  filters: { action: 'document.*', actor_id: 'user_2hG9kLm' },
  columnVisibility: { location: false },
  mode: 'infinite' as const,
};

function memoryStore(initial: SavedView[] = []) {
  const views = [...initial];
  const store: SavedViewStore = {
    list: vi.fn(async () => [...views]),
    save: vi.fn(async (view: SavedView) => {
      const at = views.findIndex((v) => v.id === view.id);
      if (at === -1) views.push(view);
      else views[at] = view;
    }),
    remove: vi.fn(async (id: string) => {
      views.splice(
        views.findIndex((v) => v.id === id),
        1,
      );
    }),
  };
  return { store, views };
}

const saved = (id: string, name: string): SavedView => ({
  id,
  name,
  filters: { resource: 'invoice' },
  saved_at: '2026-03-01T00:00:00.000Z',
});

function renderViews(store: SavedViewStore, onApply = vi.fn()) {
  const utils = renderWithViewer(
    <SavedViews current={current} onApply={onApply} />,
    viewerFor('org_acme'),
    {
      savedViewStore: store,
    },
  );
  return { ...utils, onApply, user: userEvent.setup() };
}

afterEach(() => vi.restoreAllMocks());

describe('SavedViews', () => {
  it('saves the current filters, columns and mode under a name, and lists the view', async () => {
    const { store, views } = memoryStore();
    const { user } = renderViews(store);
    await user.click(screen.getByRole('button', { name: 'Views' }));
    const panel = await screen.findByRole('region', { name: 'Saved views' });
    expect(await within(panel).findByText(/No saved views yet/)).toBeInTheDocument();
    await user.type(within(panel).getByLabelText('Name of this view'), '  Acme deletions {Enter}');
    expect(
      await within(panel).findByRole('button', { name: 'Apply view Acme deletions' }),
    ).toBeInTheDocument();
    expect(views).toEqual([
      expect.objectContaining({
        name: 'Acme deletions',
        ...current,
        id: expect.stringMatching(/^view_/),
      }),
    ]);
    expect(within(panel).getByRole('status')).toHaveTextContent('Saved view “Acme deletions”.');
    expect(within(panel).getByLabelText('Name of this view')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Views (1)' })).toBeInTheDocument();
  });

  it('refuses an empty or taken name, naming the field, and saves nothing', async () => {
    const { store } = memoryStore([saved('v1', 'Invoices')]);
    const { user } = renderViews(store);
    await user.click(screen.getByRole('button', { name: /^Views/ }));
    const input = await screen.findByLabelText('Name of this view');
    await user.click(screen.getByRole('button', { name: 'Save current view' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Name: give the view a name.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Name: give the view a name.');
    await user.type(input, 'invoices{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Name: a view called "invoices" exists already.',
    );
    expect(store.save).not.toHaveBeenCalled();
  });

  it('keeps the typed name when the store refuses, and says why', async () => {
    const { store } = memoryStore();
    vi.mocked(store.save).mockRejectedValueOnce(new Error('The quota has been exceeded.'));
    const { user } = renderViews(store);
    await user.click(screen.getByRole('button', { name: 'Views' }));
    await user.type(await screen.findByLabelText('Name of this view'), 'Mine{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The quota has been exceeded.');
    expect(screen.getByLabelText('Name of this view')).toHaveValue('Mine');
  });

  it('applies a view, renames one by keyboard, and deletes one with an undo', async () => {
    const { store, views } = memoryStore([saved('v1', 'Invoices'), saved('v2', 'Logins')]);
    const { user, onApply } = renderViews(store);
    await user.click(screen.getByRole('button', { name: /^Views/ }));
    await user.click(await screen.findByRole('button', { name: 'Apply view Invoices' }));
    expect(onApply).toHaveBeenCalledWith(saved('v1', 'Invoices'));
    // Applied, the panel closes and focus is back on Views.
    expect(screen.queryByRole('region', { name: 'Saved views' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Views (2)' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await user.click(screen.getByRole('button', { name: 'Rename Logins' }));
    const field = screen.getByRole('textbox', { name: 'New name for Logins' });
    expect(field).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Rename Logins' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Control>}a{/Control}Sign-ins{Enter}');
    expect(await screen.findByRole('button', { name: 'Apply view Sign-ins' })).toBeInTheDocument();
    expect(views.map((v) => v.name)).toEqual(['Invoices', 'Sign-ins']);

    await user.click(screen.getByRole('button', { name: 'Delete Invoices' }));
    await waitFor(() => expect(views.map((v) => v.id)).toEqual(['v2']));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Deleted view “Invoices”.');
    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Apply view Invoices' })).toBeInTheDocument();
  });

  it('copies a link that carries the view’s filters', async () => {
    const { store } = memoryStore([saved('v1', 'Invoices')]);
    const { user } = renderViews(store); // user-event puts a clipboard of its own in place
    await user.click(screen.getByRole('button', { name: /^Views/ }));
    await user.click(await screen.findByRole('button', { name: 'Copy link to Invoices' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Link copied.'));
    const link = new URL(await navigator.clipboard.readText());
    expect(link.searchParams.get('imv.resource')).toBe('invoice');
  });

  it('shows a store that cannot list, with a retry', async () => {
    const { store } = memoryStore([saved('v1', 'Invoices')]);
    vi.mocked(store.list).mockRejectedValueOnce(new Error('This browser gives no localStorage.'));
    const { user } = renderViews(store);
    await user.click(screen.getByRole('button', { name: 'Views' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load views: This browser gives no localStorage.',
    );
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('button', { name: 'Apply view Invoices' })).toBeInTheDocument();
  });

  it('closes on Escape with focus back on the Views button; keeps views in localStorage by default', async () => {
    const user = userEvent.setup();
    const first = renderWithViewer(
      <SavedViews current={current} onApply={vi.fn()} />,
      viewerFor('org_acme'),
    );
    await user.click(screen.getByRole('button', { name: 'Views' }));
    await user.type(await screen.findByLabelText('Name of this view'), 'Kept{Enter}');
    await screen.findByRole('button', { name: 'Apply view Kept' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Saved views' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Views (1)' })).toHaveFocus();
    first.unmount();
    renderWithViewer(<SavedViews current={current} onApply={vi.fn()} />, viewerFor('org_acme'));
    expect(await screen.findByRole('button', { name: 'Views (1)' })).toBeInTheDocument();
  });

  it('has no axe violations with the panel open', async () => {
    const { store } = memoryStore([saved('v1', 'Invoices')]);
    const { user, container } = renderViews(store);
    await user.click(screen.getByRole('button', { name: /^Views/ }));
    await screen.findByRole('button', { name: 'Apply view Invoices' });
    const results = await axe.run(container);
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
