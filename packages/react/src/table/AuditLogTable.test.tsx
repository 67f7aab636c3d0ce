import { createViewerClient, type AuditEvent } from '@getimmutable/client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, inject, it, vi } from 'vitest';
import { emulatorUrl, mint, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import type { AuditFilters } from '../auditFilters.js';
import { AuditLogTable, type AuditLogTableStatus } from './AuditLogTable.js';
import { auditColumnHelper } from './auditColumns.js';

/** The data rows (the second rowgroup; the first holds the header row). */
function dataRows() {
  const body = screen.getAllByRole('rowgroup')[1]!;
  return within(body).queryAllByRole('row');
}

async function loaded() {
  await waitFor(() => expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy'));
  return dataRows();
}

async function noViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

describe('AuditLogTable', () => {
  it('renders the first page with column headers, naming the time zone', async () => {
    renderWithViewer(<AuditLogTable />, viewerFor('org_acme'), { timeZone: 'UTC' });
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      'Time (UTC)',
      'Actor',
      'Action',
      'Resource',
      'Targets',
      'Location',
      'Integrity',
    ]);
    const rows = await loaded();
    expect(rows).toHaveLength(25);
    expect(screen.getByRole('table', { name: 'Audit events' })).toBeInTheDocument();
  });

  it('shows each row’s data: relative time with the absolute time in the zone, actor and action', async () => {
    let events: AuditEvent[] = [];
    renderWithViewer(
      <AuditLogTable defaultPageSize={10} onStateChange={(s) => (events = s.events)} />,
      viewerFor('org_acme'),
      { timeZone: 'UTC' },
    );
    const rows = await loaded();
    expect(rows).toHaveLength(10);
    const first = events[0]!;
    const row = rows[0]!;
    expect(row).toHaveAccessibleName(
      `${first.action} by ${first.actor_name ?? first.actor_id}: open details`,
    );
    expect(within(row).getByText(first.action)).toBeInTheDocument();
    const time = row.querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', first.created_at);
    expect(time.getAttribute('title')).toMatch(/\(UTC\)$/);
    expect(within(row).getByText(/ago$/)).toBeInTheDocument();
    // The absolute time is the row's description, so it is announced on focus, not only on hover.
    expect(row).toHaveAccessibleDescription(time.getAttribute('title')!);
  });

  it('shows a loading skeleton and a "Loading events…" status before the data arrives', async () => {
    const { container } = renderWithViewer(<AuditLogTable />, viewerFor('org_acme'));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading events…');
    expect(dataRows()).toHaveLength(0); // skeleton rows are hidden from assistive tech
    expect(screen.getAllByRole('rowgroup')[1]!.children.length).toBeGreaterThan(0);
    await loaded();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('pages forward and back through cursors, with the page number and disabled ends', async () => {
    const user = userEvent.setup();
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, viewerFor('org_acme'));
    const first = (await loaded()).map((r) => r.getAttribute('data-event-id'));
    const previous = screen.getByRole('button', { name: 'Previous' });
    const next = screen.getByRole('button', { name: 'Next' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(next).not.toHaveAttribute('aria-disabled');
    expect(screen.getByText('Page 1')).toBeInTheDocument();

    await user.click(next);
    await waitFor(() => expect(screen.getByText('Page 2')).toBeInTheDocument());
    await waitFor(() => expect(dataRows()[0]).not.toHaveAttribute('data-event-id', first[0]));
    await loaded();
    const second = dataRows().map((r) => r.getAttribute('data-event-id'));
    expect(second).toHaveLength(10);
    expect(second.some((id) => first.includes(id))).toBe(false);
    expect(previous).not.toHaveAttribute('aria-disabled');

    await user.click(previous);
    await waitFor(() =>
      expect(dataRows().map((r) => r.getAttribute('data-event-id'))).toEqual(first),
    );
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('keeps the old page visible and busy while the next page loads', async () => {
    const user = userEvent.setup();
    // Hold every request for a later page until the test lets it through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      getToken: () => mint('org_acme'),
      fetch: async (input, init) => {
        if (String(input).includes('cursor=')) await held;
        return fetch(input, init);
      },
    });
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, client);
    const first = (await loaded()).map((r) => r.getAttribute('data-event-id'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('Page 2')).toBeInTheDocument());
    // The same rows, marked busy: never an empty table or a skeleton.
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(dataRows().map((r) => r.getAttribute('data-event-id'))).toEqual(first);
    release();
    await loaded();
    expect(dataRows()[0]).not.toHaveAttribute('data-event-id', first[0]);
  });

  it('changes the page size from the select and starts again at page 1', async () => {
    const user = userEvent.setup();
    const onPageSizeChange = vi.fn();
    renderWithViewer(<AuditLogTable onPageSizeChange={onPageSizeChange} />, viewerFor('org_acme'));
    expect(await loaded()).toHaveLength(25);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('Page 2')).toBeInTheDocument());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '10');
    expect(onPageSizeChange).toHaveBeenCalledWith(10);
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    await waitFor(() => expect(dataRows()).toHaveLength(10));
  });

  it('shows only matching rows when the filters change, back on page 1', async () => {
    const user = userEvent.setup();
    const client = viewerFor('org_acme');
    const { rerender } = renderWithViewer(<AuditLogTable defaultPageSize={10} />, client);
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('Page 2')).toBeInTheDocument());
    const filters: AuditFilters = { action: 'auth.*' };
    rerender(<AuditLogTable defaultPageSize={10} filters={filters} />);
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    for (const row of dataRows()) expect(row).toHaveAccessibleName(/^auth\./);
  });

  it('names the active filters in the empty state', async () => {
    const filters: AuditFilters = { action: 'document.*', search: 'no-such-thing-anywhere' };
    const { container } = renderWithViewer(
      <AuditLogTable filters={filters} />,
      viewerFor('org_acme'),
    );
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByRole('status')).toHaveTextContent(
      'No events match action "document.*" and search "no-such-thing-anywhere".',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await noViolations(container);
  });

  it('isolates the filter values in the empty-state sentence, so an override in one stays inside it', async () => {
    const search = 'x\u202Eevil';
    const { container } = renderWithViewer(
      <AuditLogTable filters={{ action: 'nothing.*', search }} />,
      viewerFor('org_acme'),
    );
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'empty'));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(`No events match action "nothing.*" and search "${search}".`);
    const isolates = Array.from(status.querySelectorAll('bdi')).map((el) => el.textContent);
    // Each value alone in its <bdi>: the quotes, "and" and the full stop stay outside.
    expect(isolates).toEqual(['nothing.*', search]);
  });

  it('isolates user-supplied text in the cells, so a right-to-left override cannot reach the next one', async () => {
    const RLO = '\u202E';
    const payload = {
      tenant_id: 'org_bidi_table',
      actor_id: `user${RLO}`,
      actor_name: `Mallory${RLO}`,
      action: `document.viewed${RLO}`,
      resource: `document${RLO}`,
      resource_name: `${RLO}gpj.exe`,
      targets: [{ type: `folder${RLO}`, name: `Shared${RLO}` }],
      context: { country: `${RLO}DE`, ip_address: `10.0.0.1${RLO}` },
    };
    const res = await fetch(`${emulatorUrl()}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('apiKey')}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(201);
    renderWithViewer(<AuditLogTable />, viewerFor('org_bidi_table'));
    const [row] = await loaded();
    const isolates = Array.from(row!.querySelectorAll('bdi')).map((el) => el.textContent);
    expect(isolates).toEqual(
      expect.arrayContaining([
        payload.actor_name,
        payload.actor_id,
        payload.action,
        payload.resource,
        payload.resource_name,
        `folder${RLO}`,
        `Shared${RLO}`,
        payload.context.country,
        payload.context.ip_address,
      ]),
    );
  });

  it('says "No events yet." for an empty tenant without filters', async () => {
    const { container } = renderWithViewer(<AuditLogTable />, viewerFor('org_nobody_here'));
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByRole('status')).toHaveTextContent(/^No events yet\.$/);
  });

  it('shows no pager on an empty first page: nowhere to go back or forward to', async () => {
    const { container } = renderWithViewer(<AuditLogTable />, viewerFor('org_nobody_here'));
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'empty'));
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Previous' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
    expect(screen.queryByText('Page 1')).not.toBeInTheDocument();
  });

  it('shows the Columns button only once there is data, not while loading or on error', async () => {
    const { unmount } = renderWithViewer(<AuditLogTable />, viewerFor('org_acme'));
    expect(screen.getByRole('status')).toHaveTextContent('Loading events…');
    expect(screen.queryByRole('button', { name: 'Columns' })).not.toBeInTheDocument();
    await loaded();
    expect(screen.getByRole('button', { name: 'Columns' })).toBeInTheDocument();
    unmount();

    const failing = createViewerClient({
      baseUrl: emulatorUrl(),
      getToken: () => mint('org_acme'),
      retry: false,
      fetch: () => Promise.reject(new TypeError('Network down')),
    });
    renderWithViewer(<AuditLogTable />, failing);
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Columns' })).not.toBeInTheDocument();
  });

  it('names its pagination landmark from paginationLabel, so two tables on one page differ', async () => {
    const client = viewerFor('org_acme');
    renderWithViewer(
      <>
        <AuditLogTable defaultPageSize={10} />
        <AuditLogTable defaultPageSize={10} paginationLabel="Admin events pages" />
      </>,
      client,
    );
    await waitFor(() => expect(screen.getAllByRole('navigation')).toHaveLength(2));
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toBeInTheDocument();
    const named = screen.getByRole('navigation', { name: 'Admin events pages' });
    expect(within(named).getByRole('button', { name: 'Next' })).toBeInTheDocument();
  });

  it('shows the absolute time inside the time cell, as the row’s accessible description', async () => {
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, viewerFor('org_acme'), {
      timeZone: 'UTC',
    });
    const rows = await loaded();
    for (const row of rows) {
      const absolute = row.querySelector('time')!.getAttribute('title')!;
      expect(absolute).toMatch(/\(UTC\)$/);
      const timeCell = within(row).getAllByRole('cell')[0]!;
      // In the cell's own text (not a popup over the next row), and what the row is described by.
      expect(within(timeCell).getByText(absolute)).toBeInTheDocument();
      expect(row).toHaveAccessibleDescription(absolute);
    }
  });

  it('shows the error with its message and a Retry that recovers', async () => {
    const user = userEvent.setup();
    let failures = 1;
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      getToken: () => mint('org_acme'),
      retry: false,
      fetch: (input, init) => {
        if (String(input).includes('/events') && failures > 0) {
          failures--;
          return Promise.reject(new TypeError('Network down'));
        }
        return fetch(input, init);
      },
    });
    const { container } = renderWithViewer(<AuditLogTable />, client);
    const alert = await screen.findByRole('alert');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    expect(alert).toHaveTextContent('Could not load events.');
    expect(alert).toHaveTextContent('Network down');
    await noViolations(container);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await loaded()).toHaveLength(25);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('moves row focus with the arrow keys and opens the focused row with Enter or Space', async () => {
    const user = userEvent.setup();
    const onEventSelect = vi.fn();
    let events: AuditEvent[] = [];
    renderWithViewer(
      <AuditLogTable
        defaultPageSize={10}
        onEventSelect={onEventSelect}
        onStateChange={(s) => (events = s.events)}
      />,
      viewerFor('org_acme'),
    );
    const rows = await loaded();
    // One tab stop: only the first row is in the tab order.
    expect(rows.filter((r) => r.tabIndex === 0)).toEqual([rows[0]]);
    await user.tab(); // the Columns button
    await user.tab();
    expect(rows[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
    expect(rows[1]).toHaveAttribute('tabindex', '0');
    expect(rows[0]).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{Enter}');
    expect(onEventSelect).toHaveBeenLastCalledWith(events[1]);
    await user.keyboard('{End}');
    expect(rows[9]).toHaveFocus();
    await user.keyboard('{ArrowDown}'); // stays on the last row
    expect(rows[9]).toHaveFocus();
    await user.keyboard('{Home}{ArrowDown}{ArrowDown}{ArrowUp} ');
    expect(rows[1]).toHaveFocus();
    expect(onEventSelect).toHaveBeenCalledTimes(2);
    expect(onEventSelect).toHaveBeenLastCalledWith(events[1]);
  });

  it('opens a row on click and marks the selected event', async () => {
    const user = userEvent.setup();
    const onEventSelect = vi.fn();
    let events: AuditEvent[] = [];
    const client = viewerFor('org_acme');
    const { rerender } = renderWithViewer(
      <AuditLogTable
        defaultPageSize={10}
        onEventSelect={onEventSelect}
        onStateChange={(s) => (events = s.events)}
      />,
      client,
    );
    const rows = await loaded();
    await user.click(within(rows[3]!).getAllByRole('cell')[2]!);
    expect(onEventSelect).toHaveBeenCalledWith(events[3]);
    rerender(
      <AuditLogTable
        defaultPageSize={10}
        onEventSelect={onEventSelect}
        selectedEventId={events[3]!.id}
      />,
    );
    expect(rows[3]).toHaveAttribute('aria-selected', 'true');
    expect(rows[3]).toHaveAttribute('data-state', 'selected');
    expect(rows[2]).toHaveAttribute('aria-selected', 'false');
  });

  it('returns focus to the activated row when the detail view closes', async () => {
    const user = userEvent.setup();
    const client = viewerFor('org_acme');
    let events: AuditEvent[] = [];
    const { rerender } = renderWithViewer(
      <AuditLogTable defaultPageSize={10} onStateChange={(s) => (events = s.events)} />,
      client,
    );
    const rows = await loaded();
    await user.click(rows[4]!);
    rerender(<AuditLogTable defaultPageSize={10} selectedEventId={events[4]!.id} />);
    (document.activeElement as HTMLElement).blur(); // a drawer took focus and was removed
    expect(document.body).toHaveFocus();
    rerender(<AuditLogTable defaultPageSize={10} selectedEventId={null} />);
    expect(rows[4]).toHaveFocus();
  });

  it('hides a column from the Columns menu, by keyboard', async () => {
    const user = userEvent.setup();
    const onColumnVisibilityChange = vi.fn();
    renderWithViewer(
      <AuditLogTable onColumnVisibilityChange={onColumnVisibilityChange} />,
      viewerFor('org_acme'),
    );
    await loaded();
    const button = screen.getByRole('button', { name: 'Columns' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const group = screen.getByRole('group', { name: 'Visible columns' });
    expect(within(group).getByRole('checkbox', { name: 'Time' })).toHaveFocus();
    await user.tab(); // Actor
    await user.keyboard(' ');
    expect(within(group).getByRole('checkbox', { name: 'Actor' })).not.toBeChecked();
    expect(onColumnVisibilityChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ actor: false }),
    );
    expect(screen.queryByRole('columnheader', { name: 'Actor' })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Action' })).toBeInTheDocument();
    expect(within(dataRows()[0]!).getAllByRole('cell')).toHaveLength(6);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Visible columns' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('follows controlled column visibility', async () => {
    renderWithViewer(
      <AuditLogTable columnVisibility={{ location: false, targets: false }} />,
      viewerFor('org_acme'),
    );
    await loaded();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      expect.stringMatching(/^Time/),
      'Actor',
      'Action',
      'Resource',
      'Integrity',
    ]);
  });

  it('renders custom columns and custom cell renderers', async () => {
    const session = auditColumnHelper.accessor((e) => e.session_id ?? 'no session', {
      id: 'session',
      header: 'Session',
      cell: (info) => <em>{info.getValue()}</em>,
    });
    let events: AuditEvent[] = [];
    renderWithViewer(
      <AuditLogTable
        defaultPageSize={10}
        extraColumns={[session]}
        renderCell={{ actor: (e) => <strong>{`👤 ${e.actor_id}`}</strong> }}
        onStateChange={(s) => (events = s.events)}
      />,
      viewerFor('org_acme'),
    );
    const rows = await loaded();
    expect(screen.getAllByRole('columnheader').at(-1)).toHaveTextContent('Session');
    const cells = within(rows[0]!).getAllByRole('cell');
    expect(cells.at(-1)).toHaveTextContent(events[0]!.session_id ?? 'no session');
    expect(cells[1]).toHaveTextContent(`👤 ${events[0]!.actor_id}`);
  });

  it('replaces the columns with the `columns` prop', async () => {
    const id = auditColumnHelper.accessor('id', { id: 'id', header: 'Event ID' });
    const action = auditColumnHelper.accessor('action', { id: 'action', header: 'What' });
    renderWithViewer(<AuditLogTable columns={[id, action]} />, viewerFor('org_acme'));
    await loaded();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Event ID',
      'What',
    ]);
  });

  it('marks each row’s hash ✓ in a sound tenant and links neighbours when unfiltered', async () => {
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, viewerFor('org_acme'));
    const rows = await loaded();
    for (const row of rows) {
      expect(within(row).getByRole('img', { name: 'Hash matches content' })).toHaveTextContent('✓');
    }
    // The oldest row's predecessor is on the next page: neither linked nor broken.
    for (const row of rows.slice(0, -1))
      expect(
        within(row).getByRole('img', { name: 'Linked to the previous event' }),
      ).toBeInTheDocument();
    expect(
      within(rows.at(-1)!).getByRole('img', { name: 'Previous event not on this page' }),
    ).toBeInTheDocument();
  });

  it('shows no neighbour links for a filtered list', async () => {
    renderWithViewer(
      <AuditLogTable defaultPageSize={10} filters={{ action: 'auth.*' }} />,
      viewerFor('org_acme'),
    );
    const rows = await loaded();
    expect(within(rows[0]!).getByRole('img', { name: 'Hash matches content' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /previous event/i })).not.toBeInTheDocument();
  });

  it('marks the tampered event ✗ and only it', async () => {
    const tampered = inject('tamperedEventId');
    renderWithViewer(<AuditLogTable />, viewerFor('org_broken'));
    const rows = await loaded();
    expect(rows).toHaveLength(12);
    const bad = screen.getAllByRole('img', { name: 'Hash does not match content' });
    expect(bad).toHaveLength(1);
    expect(bad[0]).toHaveTextContent('✗');
    expect(bad[0]!.closest('tr')).toHaveAttribute('data-event-id', tampered);
    expect(screen.getAllByRole('img', { name: 'Hash matches content' })).toHaveLength(11);
  });

  it('reports its state to a parent that stores it, without render loops', async () => {
    function Host() {
      const [status, setStatus] = useState<AuditLogTableStatus | null>(null);
      return (
        <>
          <output aria-label="table state">
            {status ? `${status.state}:${status.events.length}` : 'none'}
          </output>
          <AuditLogTable defaultPageSize={10} onStateChange={setStatus} />
        </>
      );
    }
    renderWithViewer(<Host />, viewerFor('org_acme'));
    expect(screen.getByRole('status', { name: 'table state' })).toHaveTextContent('loading:0');
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'table state' })).toHaveTextContent('ready:10'),
    );
  });

  it('has no axe violations once loaded', async () => {
    const { container } = renderWithViewer(
      <AuditLogTable selectedEventId={null} />,
      viewerFor('org_acme'),
    );
    await loaded();
    await noViolations(container);
  });
});

/**
 * jsdom has no layout: give every element a 400px client height (the scroll container's view),
 * room to scroll, and a scrollTo that scrolls and fires `scroll`, as a browser does.
 */
function fakeLayout() {
  // virtual-core reads the view's height from clientHeight (3.14+) or offsetHeight (3.13).
  const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
  const offsetHeight = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(400);
  // A scroll container is as tall as its rows (44px each, the estimate).
  const scrollHeight = vi
    .spyOn(HTMLElement.prototype, 'scrollHeight', 'get')
    .mockImplementation(function (this: HTMLElement) {
      return Number(this.querySelector('table')?.getAttribute('aria-rowcount') ?? 0) * 44;
    });
  Object.defineProperty(HTMLElement.prototype, 'scrollTo', {
    configurable: true,
    value(this: HTMLElement, options: ScrollToOptions) {
      this.scrollTop = options.top ?? 0;
      this.dispatchEvent(new Event('scroll'));
    },
  });
  return () => {
    height.mockRestore();
    offsetHeight.mockRestore();
    scrollHeight.mockRestore();
    delete (HTMLElement.prototype as Partial<HTMLElement>).scrollTo;
  };
}

describe('AuditLogTable in infinite mode', () => {
  it('renders only the rows in view of many loaded events, with table semantics', async () => {
    const user = userEvent.setup();
    const restoreLayout = fakeLayout();
    try {
      let status: AuditLogTableStatus | undefined;
      const { container } = renderWithViewer(
        <AuditLogTable mode="infinite" defaultPageSize={50} onStateChange={(s) => (status = s)} />,
        viewerFor('org_acme'),
      );
      await waitFor(() => expect(status?.events.length).toBeGreaterThanOrEqual(50));
      await waitFor(() =>
        expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument(),
      );
      await user.click(screen.getByRole('button', { name: 'Load more' }));
      await waitFor(() => expect(status?.events.length).toBeGreaterThanOrEqual(100));
      await waitFor(() =>
        expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument(),
      );
      await user.click(screen.getByRole('button', { name: 'Load more' }));
      await waitFor(() => expect(status?.events.length).toBeGreaterThanOrEqual(150));

      const loadedCount = status!.events.length;
      const table = screen.getByRole('table');
      await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', String(loadedCount + 1)));
      const rows = dataRows();
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.length).toBeLessThan(40);
      expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
      expect(screen.getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
      await noViolations(container);

      // Scrolling to the middle swaps the rows in the DOM for the ones in view.
      const scroller = table.parentElement!;
      scroller.scrollTop = 80 * 44;
      fireEvent.scroll(scroller);
      await waitFor(() => expect(dataRows()[0]).not.toHaveAttribute('aria-rowindex', '2'));
      const indexes = dataRows().map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(indexes).toContain(82);
      expect(indexes.length).toBeLessThan(40);
    } finally {
      restoreLayout();
    }
  });

  it('moves focus to the last loaded row with End, rendering it on the way', async () => {
    const user = userEvent.setup();
    const restoreLayout = fakeLayout();
    try {
      let status: AuditLogTableStatus | undefined;
      renderWithViewer(
        <AuditLogTable mode="infinite" defaultPageSize={100} onStateChange={(s) => (status = s)} />,
        viewerFor('org_acme'),
      );
      await waitFor(() => expect(status?.events.length).toBeGreaterThanOrEqual(100));
      await waitFor(() => expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy'));
      const count = status!.events.length;
      dataRows()[0]!.focus();
      await user.keyboard('{End}');
      await waitFor(() =>
        expect(document.activeElement).toHaveAttribute('aria-rowindex', String(count + 1)),
      );
      // Reaching the end loads the next page; the focused row stays where it is.
      await waitFor(() => expect(status!.events.length).toBeGreaterThan(count));
      expect(document.activeElement).toHaveAttribute(
        'data-event-id',
        status!.events[count - 1]!.id,
      );
    } finally {
      restoreLayout();
    }
  });
});
