import { AuditLogTable } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ingest, server } from './support/fixtures.js';
import { errorHandlers, loadingHandlers, preloadServers, withServer } from './support/handlers.js';
import { StateGrid, panelLabels } from './support/StateGrid.js';
import {
  eventRows,
  expiredTokenViewer,
  expiringTokenViewer,
  failFast,
} from './support/story-helpers.js';

const meta = {
  title: 'Components/AuditLogTable',
  component: AuditLogTable,
  args: { onEventSelect: fn() },
  parameters: {
    docs: {
      story: { inline: false, height: '640px' },
      description: {
        component:
          'The events as a table: paged or infinite, a Columns menu, ✓/✗ integrity marks recomputed in the browser, and rows that open by click, Enter or Space (one tab stop; arrows move between rows).',
      },
    },
  },
} satisfies Meta<typeof AuditLogTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Arrow keys move between rows; Enter selects; Next pages on. */
export const Default: Story = {
  play: async ({ canvas, canvasElement, args, step }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));
    const rows = eventRows(canvasElement);
    // Integrity is checked after the rows paint: the mark reads "Verifying…" until then.
    await expect(
      await within(rows[0]!).findByRole('img', { name: 'Hash matches content' }),
    ).toBeVisible();

    await step('Arrow down, then Enter', async () => {
      rows[0]!.focus();
      await userEvent.keyboard('{ArrowDown}');
      await expect(canvasElement.ownerDocument.activeElement).toBe(rows[1]);
      await userEvent.keyboard('{Enter}');
      await expect(args.onEventSelect).toHaveBeenCalledWith(
        expect.objectContaining({ id: rows[1]!.getAttribute('data-event-id') }),
      );
    });

    await step('Next page', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
      await waitFor(() => expect(eventRows(canvasElement)[0]).not.toBe(rows[0]));
      await expect(await canvas.findByText('Page 2')).toBeVisible();
    });
  },
};

export const Filtered: Story = {
  args: { filters: { action: 'auth.*', search: 'sso' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement).length).toBeGreaterThan(0));
    for (const row of eventRows(canvasElement))
      await expect(row.getAttribute('aria-label')).toMatch(/^auth\./);
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(...loadingHandlers());
  },
  play: async ({ canvas }) => {
    // The loading frame comes once the first load has lasted FIRST_ROWS_WAIT_MS.
    await expect(await canvas.findByRole('table', { name: 'Audit events' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    await expect(canvas.getByText('Loading events…')).toBeInTheDocument();
  },
};

export const Empty: Story = {
  beforeEach: withServer('empty'),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No events yet.')).toBeVisible();
  },
};

/** Filters that match nothing: the empty state names them. */
export const EmptyFiltered: Story = {
  args: { filters: { action: 'nothing.*' } },
  play: async ({ canvas }) => {
    // The filter's value sits in its own <bdi> (an isolate), so the sentence spans elements.
    const status = canvas.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('No events match action "nothing.*".'));
    await expect(status).toBeVisible();
  },
};

export const Error: Story = {
  parameters: { viewer: failFast },
  beforeEach({ msw }) {
    msw.use(...errorHandlers('server'));
  },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load events.');
    await expect(alert).toHaveTextContent('The audit service is unavailable (HTTP 500).');
  },
};

export const BrokenChain: Story = {
  beforeEach: withServer('broken'),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));
    // Integrity is checked after the rows paint: wait until no mark is pending.
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-slot="table-hash"][data-state="pending"]')).toBe(
        null,
      ),
    );
    const bad = canvasElement.querySelectorAll('[data-slot="table-hash"][data-state="bad"]');
    await expect(bad).toHaveLength(1);
    await expect(bad[0]!.closest('tr')).toHaveAttribute(
      'data-event-id',
      server('broken').tamperedEventId,
    );
  },
};

export const ExpiredToken: Story = {
  parameters: { viewer: expiredTokenViewer() },
  play: async ({ canvas, canvasElement, parameters }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));
    await expect(parameters.viewer.getToken).toHaveBeenCalled();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Hide a column from the Columns menu. */
export const Columns: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));
    await userEvent.click(canvas.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'Location' }));
    await waitFor(() =>
      expect(canvas.queryByRole('columnheader', { name: /Location/ })).toBeNull(),
    );
  },
};

export const Infinite: Story = {
  args: { mode: 'infinite' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement).length).toBeGreaterThan(0));
  },
};

/**
 * Live: events that arrive while the reader is scrolled down are counted ("3 new events") and
 * inserted only on Show — above the rows in view, which stay exactly where they were.
 */
export const LiveTail: Story = {
  args: { mode: 'infinite', live: { intervalMs: 200 } },
  beforeEach: withServer('live'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(eventRows(canvasElement).length).toBeGreaterThan(10));
    const scroller = canvasElement.querySelector<HTMLElement>('[data-slot="table-scroll"]')!;
    scroller.scrollTop = 600;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    const top = scroller.getBoundingClientRect().top;
    const inView = eventRows(canvasElement).find(
      (row) => row.getBoundingClientRect().bottom > top,
    )!;
    const id = inView.getAttribute('data-event-id')!;
    const before = inView.getBoundingClientRect().top;

    const arrived = await ingest('live', 3);
    await expect(await canvas.findByText('3 new events', {}, { timeout: 5_000 })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Show' })).toBeNull());
    const row = () => canvasElement.querySelector(`[data-event-id="${id}"]`)!;
    await waitFor(() =>
      expect(Math.abs(row().getBoundingClientRect().top - before)).toBeLessThan(1),
    );
    scroller.scrollTop = 0;
    await waitFor(() =>
      expect(eventRows(canvasElement)[0]).toHaveAttribute('data-event-id', arrived.at(-1)!.id),
    );
  },
};

const expiring = expiringTokenViewer();

/**
 * Infinite mode, scrolled down, when the token expires on the server: the next page's request is
 * refused, the client gets a new token and repeats it, and the reader sees only more rows — no
 * error, no jump in scroll position.
 */
export const InfiniteTokenExpires: Story = {
  args: { mode: 'infinite' },
  parameters: { viewer: expiring },
  beforeEach: () => expiring.reset,
  play: async ({ canvasElement, step }) => {
    const table = () => within(canvasElement).getByRole('table', { name: 'Audit events' });
    // Loaded and settled: the first pages (enough to fill the view and the look-ahead) are in.
    await waitFor(() => expect(table()).toHaveAttribute('aria-rowcount', '51'), { timeout: 5000 });
    await waitFor(() => expect(table()).not.toHaveAttribute('aria-busy'));
    const scroller = canvasElement.querySelector<HTMLElement>('[data-slot="table-scroll"]')!;
    let alerts = 0;
    const watch = new MutationObserver(() => {
      alerts += canvasElement.querySelectorAll('[role="alert"]').length;
    });
    watch.observe(canvasElement, { childList: true, subtree: true, attributes: true });
    const refreshes = expiring.getToken.mock.calls.length;

    await step('the token expires, then the reader scrolls on', async () => {
      expiring.expire();
      scroller.scrollTop = 30 * 44; // row 30 of 50 at the top: the next page is due
      scroller.dispatchEvent(new Event('scroll'));
      await waitFor(() => expect(table()).toHaveAttribute('aria-rowcount', '76'), {
        timeout: 5000,
      });
    });

    watch.disconnect();
    await expect(expiring.getToken.mock.calls.length).toBeGreaterThan(refreshes);
    await expect(alerts).toBe(0);
    await expect(scroller.scrollTop).toBeCloseTo(30 * 44, 0);
    await expect(canvasElement.querySelector('[data-slot="table-root"]')).toHaveAttribute(
      'data-state',
      'ready',
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  beforeEach: withServer('broken'),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));
  },
};

export const AllStates: Story = {
  args: { defaultPageSize: 10 },
  beforeEach: preloadServers('broken'),
  render: (args) => (
    <StateGrid
      scenarios={['default', 'loading', 'empty', 'error', 'broken', 'expired']}
      minWidth={640}
      messages={panelLabels((title) => ({ paginationLabel: `Pagination (${title})` }))}
    >
      {() => <AuditLogTable {...args} />}
    </StateGrid>
  ),
  play: async ({ canvasElement }) => {
    const panel = (scenario: string) =>
      canvasElement.querySelector<HTMLElement>(`[data-scenario="${scenario}"]`)!;
    await waitFor(() => {
      expect(eventRows(panel('default'))).toHaveLength(10);
      expect(eventRows(panel('expired'))).toHaveLength(10);
      expect(
        panel('broken').querySelectorAll('[data-slot="table-hash"][data-state="bad"]'),
      ).toHaveLength(1);
      expect(within(panel('empty')).getByText('No events yet.')).toBeVisible();
      expect(within(panel('error')).getByText('Could not load events.')).toBeVisible();
    });
  },
};
