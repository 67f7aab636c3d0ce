import { createViewerClient } from '@getimmutable/client';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emulatorUrl, mint, renderWithViewer } from '../../test/emulatorFixture.js';
import { FIRST_ROWS_WAIT_MS } from '../firstRowsWait.js';
import { AuditLogTable } from './AuditLogTable.js';
import { dataRows, loaded, noViolations } from './tableTestQueries.js';

const SKELETON_ROW = '[data-slot="table-skeleton-row"]';

/** A client whose event list requests wait until `release()`; `hold()` makes the next ones wait. */
function heldClient() {
  let release = () => {};
  let held = Promise.resolve();
  const hold = () => {
    held = new Promise<void>((resolve) => (release = resolve));
  };
  hold();
  const client = createViewerClient({
    baseUrl: emulatorUrl(),
    getToken: () => mint('org_acme'),
    fetch: async (input, init) => {
      if (new URL(String(input)).pathname.endsWith('/events')) await held;
      return fetch(input, init);
    },
  });
  return { client, hold, release: () => release() };
}

/** A client that answers a list request it has answered before from memory, at once. */
function memoryClient() {
  const answers = new Map<string, Response>();
  const client = createViewerClient({
    baseUrl: emulatorUrl(),
    getToken: () => mint('org_acme'),
    fetch: async (input, init) => {
      const url = String(input);
      const known = answers.get(url);
      if (known) return known.clone();
      const response = await fetch(input, init);
      if (new URL(url).pathname.endsWith('/events')) answers.set(url, response.clone());
      return response;
    },
  });
  return { client };
}

/** Records whether a skeleton row was ever in `root`, however briefly. */
function watchForSkeleton(root: HTMLElement) {
  const seen = { skeleton: root.querySelector(SKELETON_ROW) !== null };
  const observer = new MutationObserver(() => {
    if (root.querySelector(SKELETON_ROW)) seen.skeleton = true;
  });
  observer.observe(root, { childList: true, subtree: true });
  return { seen, stop: () => observer.disconnect() };
}

describe('AuditLogTable, first load', () => {
  it('paints rows that come within the wait with no loading frame before them', async () => {
    // The answers from memory, as a cache or a fast server gives them: a first mount records
    // them, a second one (a new query cache, the same client and token) is timed.
    const { client } = memoryClient();
    const first = renderWithViewer(<AuditLogTable />, client);
    await loaded();
    first.unmount();
    const { container } = renderWithViewer(<AuditLogTable />, client);
    const watch = watchForSkeleton(container);
    // The load is announced at once; the frame (head, skeleton, pager) is held back.
    expect(container.firstElementChild).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('status')).toHaveTextContent('Loading events…');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(await loaded()).toHaveLength(25);
    watch.stop();
    expect(watch.seen.skeleton).toBe(false);
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toBeInTheDocument();
  });

  it('shows the skeleton and an inert pager once a slower first load has lasted the wait', async () => {
    const { client, release } = heldClient();
    const { container } = renderWithViewer(<AuditLogTable />, client);
    const table = await screen.findByRole('table', undefined, { timeout: FIRST_ROWS_WAIT_MS * 20 });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(container.querySelectorAll(SKELETON_ROW).length).toBeGreaterThan(0);
    expect(dataRows()).toHaveLength(0); // skeleton rows are hidden from assistive tech
    expect(screen.getByRole('status')).toHaveTextContent('Loading events…');
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
    await noViolations(container);
    release();
    expect(await loaded()).toHaveLength(25);
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('keeps the frame through a later load, so focus on the page size stays', async () => {
    const { client, hold, release } = heldClient();
    const { container } = renderWithViewer(<AuditLogTable />, client);
    release();
    await loaded();
    hold();
    const select = screen.getByRole('combobox', { name: /per page/i });
    await userEvent.selectOptions(select, '10');
    // A new list: loading again, its skeleton at once, the select still there with focus.
    await waitFor(() =>
      expect(container.firstElementChild).toHaveAttribute('data-state', 'loading'),
    );
    expect(container.querySelectorAll(SKELETON_ROW).length).toBeGreaterThan(0);
    expect(screen.getByRole('combobox', { name: /per page/i })).toBe(select);
    expect(select).toHaveFocus();
    act(() => release());
    expect(await loaded()).toHaveLength(10);
  });
});
