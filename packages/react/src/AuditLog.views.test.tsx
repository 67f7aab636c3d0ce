import type { SavedView, SavedViewStore } from '@getimmutable/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithViewer, viewerFor } from '../test/emulatorFixture.js';
import { AuditLog } from './AuditLog.js';
import { dataRows, loaded } from './table/tableTestQueries.js';

const LOGINS: SavedView = {
  id: 'view_logins',
  name: 'Logins',
  filters: { action: 'auth.*' },
  columnVisibility: { targets: false },
  mode: 'infinite',
  saved_at: '2026-03-01T00:00:00.000Z',
};

function storeWith(views: SavedView[]): SavedViewStore & { views: SavedView[] } {
  return {
    views,
    list: async () => [...views],
    save: async (view) => void views.push(view),
    remove: async (id) =>
      void views.splice(
        views.findIndex((v) => v.id === id),
        1,
      ),
  };
}

const actions = () =>
  dataRows().map((row) => row.querySelector('[data-column-id="action"]')?.textContent);

describe('<AuditLog /> with saved views and shortcuts', () => {
  it('applies a saved view: its filters, hidden columns and mode', async () => {
    const user = userEvent.setup();
    const onFiltersChange = vi.fn();
    renderWithViewer(<AuditLog onFiltersChange={onFiltersChange} />, viewerFor('org_acme'), {
      savedViewStore: storeWith([LOGINS]),
    });
    await loaded();
    expect(screen.getByRole('columnheader', { name: 'Targets' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /^Views/ }));
    await user.click(await screen.findByRole('button', { name: 'Apply view Logins' }));
    expect(onFiltersChange).toHaveBeenLastCalledWith({ action: 'auth.*' });
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: 'Targets' })).toBeNull());
    await waitFor(() => expect(actions().every((a) => a?.startsWith('auth.'))).toBe(true));
    expect(actions().length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull(); // infinite: no pager
  });

  it('saves what is on screen now, filters and hidden columns included', async () => {
    const user = userEvent.setup();
    const store = storeWith([]);
    renderWithViewer(
      <AuditLog
        defaultFilters={{ resource: 'document' }}
        defaultColumnVisibility={{ location: false }}
      />,
      viewerFor('org_acme'),
      { savedViewStore: store },
    );
    await loaded();
    await user.click(await screen.findByRole('button', { name: 'Views' }));
    await user.type(await screen.findByLabelText('Name of this view'), 'Documents{Enter}');
    await screen.findByRole('button', { name: 'Apply view Documents' });
    expect(store.views).toEqual([
      expect.objectContaining({
        name: 'Documents',
        filters: { resource: 'document' },
        columnVisibility: { location: false },
        mode: 'pages',
      }),
    ]);
  });

  it('answers its keyboard shortcuts, and none with keyboardShortcuts={false}', async () => {
    const user = userEvent.setup();
    const { rerender } = renderWithViewer(<AuditLog />, viewerFor('org_acme'));
    const rows = await loaded();
    await user.keyboard('j');
    expect(rows[0]).toHaveFocus();
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Next page')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(rows[0]).toHaveFocus();
    await user.keyboard('/');
    expect(document.activeElement?.tagName).toBe('INPUT');

    rerender(<AuditLog keyboardShortcuts={false} />);
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('j?');
    expect(document.body).toHaveFocus();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('<AuditLog toolbarExtra />', () => {
  it('puts the host’s parts in the toolbar, after Export', async () => {
    renderWithViewer(
      <AuditLog showVerify={false} toolbarExtra={<button type="button">Check a file</button>} />,
      viewerFor('org_acme'),
    );
    const extra = await screen.findByRole('button', { name: 'Check a file' });
    const toolbar = extra.closest('[data-slot="audit-log-toolbar"]')!;
    expect(toolbar).not.toBeNull();
    expect(toolbar.lastElementChild).toBe(extra);
    expect(
      within(toolbar as HTMLElement).getByRole('group', { name: 'Export' }),
    ).toBeInTheDocument();
  });
});
