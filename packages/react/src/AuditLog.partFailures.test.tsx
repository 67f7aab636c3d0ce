import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { viewerFor } from '../test/emulatorFixture.js';

// The modules <AuditLog /> loads with import() when they are needed: each fails while its name
// is in `failing`, as a chunk does when the network drops or a deploy removed the file.
const failing = new Set<string>();
/** How many times each part's module was imported. */
const imports = new Map<string, number>();
const PARTS = {
  drawer: './drawer/EventDetailDrawer.js',
  columns: './table/ColumnsPanel.js',
  views: './views/SavedViewsPanel.js',
  help: './shortcuts/ShortcutsHelp.js',
  integrity: './table/integrityIndex.js',
  live: './live/LiveTail.js',
};

/** Run once, just after a part's load has failed (see the integrity test below). */
let afterFailure: (() => void) | null = null;

afterEach(() => {
  failing.clear();
  imports.clear();
  afterFailure = null;
});

const microtasksLater = async (hops: number) => {
  for (let i = 0; i < hops; i++) await Promise.resolve();
};

const eventRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-event-id'));
/**
 * A fresh page's kit (its modules loaded anew: a part whose code loaded in an earlier test
 * would be kept), rendering the log.
 */
const loadedLog = async (props: { live?: { intervalMs: number } } = {}) => {
  vi.resetModules();
  // Mocked anew each time: Vitest keeps a mocked module that has loaded.
  for (const [name, path] of Object.entries(PARTS)) {
    vi.doMock(path, async (importOriginal) => {
      imports.set(name, (imports.get(name) ?? 0) + 1);
      if (failing.has(name)) {
        const then = afterFailure;
        afterFailure = null;
        // After the kit's handlers of this failure have run (microtasks), and before React renders
        // what they set (a task).
        if (then) void microtasksLater(50).then(then);
        throw new Error(`Failed to fetch dynamically imported module: ${path}`);
      }
      return importOriginal();
    });
  }
  const [{ AuditLog }, { ImmutableViewerProvider }] = await Promise.all([
    import('./AuditLog.js'),
    import('./ImmutableViewerProvider.js'),
  ]);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ImmutableViewerProvider client={viewerFor('org_acme')} queryClient={queryClient}>
      <AuditLog {...props} />
    </ImmutableViewerProvider>,
  );
  await waitFor(() => expect(eventRows()).toHaveLength(25));
  // The toolbar comes after the rows, with its own code.
  await screen.findByRole('button', { name: /^Views/ });
};

describe('<AuditLog /> when the code of a part cannot load', () => {
  it('the detail drawer: says so where it would open, with Retry focused, and keeps the log', async () => {
    failing.add('drawer');
    const user = userEvent.setup();
    await loadedLog();
    await user.click(eventRows()[0]!);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      "The event's details could not load. Retry, or reload the page.",
    );
    expect(within(alert).getByRole('button', { name: 'Retry' })).toHaveFocus();
    expect(eventRows()).toHaveLength(25);

    failing.delete('drawer');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the detail drawer: Close takes the message away and leaves no event selected', async () => {
    failing.add('drawer');
    const user = userEvent.setup();
    await loadedLog();
    await user.click(eventRows()[1]!);
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(eventRows().filter((r) => r.getAttribute('aria-selected') === 'true')).toHaveLength(0);
  });

  it('the columns panel: says so in its place, and Close returns focus to the Columns button', async () => {
    failing.add('columns');
    const user = userEvent.setup();
    await loadedLog();
    const columns = screen.getByRole('button', { name: 'Columns' });
    await user.click(columns);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This panel could not load. Retry, or reload the page.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toHaveFocus();
    await user.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(columns).toHaveFocus();
    expect(eventRows()).toHaveLength(25);
  });

  it('the columns panel: Escape takes the message away too, and focus returns to the button', async () => {
    failing.add('columns');
    const user = userEvent.setup();
    await loadedLog();
    const columns = screen.getByRole('button', { name: 'Columns' });
    await user.click(columns);
    await screen.findByRole('alert');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(columns).toHaveFocus();
  });

  it('the saved views panel: says so, and Retry opens it once its code loads', async () => {
    failing.add('views');
    const user = userEvent.setup();
    await loadedLog();
    await user.click(screen.getByRole('button', { name: /^Views/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This panel could not load. Retry, or reload the page.');
    failing.delete('views');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('textbox', { name: /name/i })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the keyboard shortcuts list: says so on ?, and Close takes it away', async () => {
    failing.add('help');
    const user = userEvent.setup();
    await loadedLog();
    eventRows()[0]!.focus();
    await user.keyboard('?');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This panel could not load. Retry, or reload the page.');
    await user.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the integrity checks: each row says it is not checked, not "Verifying…" for ever; back online, they check', async () => {
    failing.add('integrity');
    await loadedLog();
    await waitFor(() =>
      expect(
        screen.getAllByRole('img', {
          name: 'Not checked: the integrity checks could not load. Reload the page to check.',
        }),
      ).toHaveLength(25),
    );
    expect(screen.queryByRole('img', { name: 'Verifying…' })).toBeNull();
    // Other rows (the next page) are not checked either, and do not fetch the file again.
    const user = userEvent.setup();
    const firstId = eventRows()[0]!.getAttribute('data-event-id');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(eventRows()[0]!.getAttribute('data-event-id')).not.toBe(firstId));
    await waitFor(() =>
      expect(
        screen.getAllByRole('img', {
          name: 'Not checked: the integrity checks could not load. Reload the page to check.',
        }),
      ).toHaveLength(eventRows().length),
    );
    expect(imports.get('integrity')).toBe(1);

    failing.delete('integrity');
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() =>
      expect(screen.getAllByRole('img', { name: 'Hash matches content' })).toHaveLength(25),
    );
  });

  it('the integrity checks: back online the moment they failed, before that failure rendered, they check', async () => {
    failing.add('integrity');
    afterFailure = () => {
      failing.delete('integrity');
      window.dispatchEvent(new Event('online'));
    };
    await loadedLog();
    await waitFor(() =>
      expect(screen.getAllByRole('img', { name: 'Hash matches content' })).toHaveLength(25),
    );
    expect(imports.get('integrity')).toBe(2);
  });
});

// Last: clicking Retry here starts the drawer's preload (pointer in the log), which may still be
// in flight when a next test resets the modules, and would land in that test's registry.
describe("<AuditLog live /> when the live tail's code cannot load", () => {
  it('the live tail: its code is not loaded without live', async () => {
    await loadedLog();
    expect(imports.get('live')).toBeUndefined();
    expect(imports.get('columns')).toBeUndefined(); // nor any other part not opened
  });

  it('the live tail: says so in the toolbar, keeps the log, and Retry brings it', async () => {
    failing.add('live');
    const user = userEvent.setup();
    await loadedLog({ live: { intervalMs: 50 } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'New events cannot be watched: that part could not load. Retry, or reload the page.',
    );
    expect(eventRows()).toHaveLength(25);
    failing.delete('live');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(document.querySelector('[data-slot="live-tail"]')).toHaveAttribute(
        'data-state',
        'watching',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
