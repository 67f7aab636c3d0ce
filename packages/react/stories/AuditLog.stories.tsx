import { AuditLog } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { server } from './support/fixtures.js';
import { errorHandlers, loadingHandlers, preloadServers, withServer } from './support/handlers.js';
import { StateGrid, panelLabels } from './support/StateGrid.js';
import { eventRows, expiredTokenViewer, failFast } from './support/story-helpers.js';

const meta = {
  title: 'Components/AuditLog',
  component: AuditLog,
  parameters: {
    docs: {
      story: { inline: false, height: '760px' },
      description: {
        component:
          'The drop-in audit log: filters, the verify badge, export, the event table and the detail drawer. Every story talks to the real emulator running in the page (SQLite in WebAssembly, no server), over 600 events from its seed generator written through its own ingest.',
      },
    },
  },
} satisfies Meta<typeof AuditLog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Filter by a glob, open a row from the keyboard, see its hash recomputed, close with Esc. */
export const Default: Story = {
  play: async ({ canvas, canvasElement, step }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));

    await step('Filter the action by document.*', async () => {
      await userEvent.type(
        await canvas.findByRole('textbox', { name: 'Action' }),
        'document.*{Enter}',
      );
      await waitFor(() => {
        const labels = eventRows(canvasElement).map((row) => row.getAttribute('aria-label') ?? '');
        expect(labels.length).toBeGreaterThan(0);
        expect(labels.every((label) => label.startsWith('document.'))).toBe(true);
      });
    });

    const first = eventRows(canvasElement)[0]!;
    await step('Open the first row with Enter', async () => {
      first.focus();
      await userEvent.keyboard('{Enter}');
      const dialog = await canvas.findByRole('dialog', { name: 'Event details' });
      await expect(await within(dialog).findByText(/matches ✓/)).toBeVisible();
    });

    await step('Esc closes and focus returns to the row', async () => {
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
      await waitFor(() =>
        expect(canvasElement.ownerDocument.activeElement).toBe(eventRows(canvasElement)[0]),
      );
    });
  },
};

/** j/k move between rows, ? lists the shortcuts; none fire while typing in a field. */
export const KeyboardShortcuts: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));
    await userEvent.keyboard('jj');
    await expect(canvasElement.ownerDocument.activeElement).toBe(eventRows(canvasElement)[1]);
    await userEvent.keyboard('?');
    const help = await canvas.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(within(help).getByText('Next event')).toBeVisible();
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(...loadingHandlers());
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Loading events…')).toBeInTheDocument();
    // The loading frame comes once the first load has lasted FIRST_ROWS_WAIT_MS.
    await expect(await canvas.findByRole('table', { name: 'Audit events' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    await expect(
      canvasElement.querySelectorAll('[data-slot="table-skeleton-row"]').length,
    ).toBeGreaterThan(0);
    await expect(await canvas.findByText('Verifying…')).toBeVisible();
  },
};

export const Empty: Story = {
  beforeEach: withServer('empty'),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No events yet.')).toBeVisible();
    await expect(await canvas.findByText('Verified: 0 events')).toBeVisible();
  },
};

/** Every endpoint answers 500; the client's retries are off so the error shows at once. */
export const Error: Story = {
  parameters: { viewer: failFast },
  beforeEach({ msw }) {
    msw.use(...errorHandlers('server'));
  },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load events.');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(await canvas.findByText(/Could not verify/)).toBeVisible();
  },
};

/** The connection is refused (a network error, status 0). */
export const Refused: Story = {
  parameters: { viewer: failFast },
  beforeEach({ msw }) {
    msw.use(...errorHandlers('refused'));
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not load events.');
  },
};

/** One stored event was rewritten after hashing: ✗ in its row, the badge names the break, and opens it. */
export const BrokenChain: Story = {
  beforeEach: withServer('broken'),
  play: async ({ canvas, canvasElement, step }) => {
    const tampered = server('broken').tamperedEventId!;
    await waitFor(() => expect(eventRows(canvasElement).length).toBe(25));
    const row = canvasElement.querySelector<HTMLElement>(`tr[data-event-id="${tampered}"]`)!;
    // Integrity is checked after the rows paint: wait for the mark.
    await expect(
      await within(row).findByRole('img', { name: 'Hash does not match content' }),
    ).toHaveTextContent('✗');

    await step('Open the first break from the badge', async () => {
      await userEvent.click(
        await canvas.findByRole('button', { name: /^First: hash mismatch at #\d+$/ }),
      );
      const dialog = await canvas.findByRole('dialog', { name: 'Event details' });
      await expect(within(dialog).getByText(tampered)).toBeVisible();
      await expect(await within(dialog).findByText(/does not match ✗/)).toBeVisible();
    });
  },
};

/** The server says the token expired; the client refreshes it once and the log loads without an error. */
export const ExpiredToken: Story = {
  parameters: { viewer: expiredTokenViewer() },
  play: async ({ canvas, canvasElement, parameters }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));
    await expect(parameters.viewer.getToken).toHaveBeenCalled();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** The newest event carries deep, long metadata: the drawer's JSON tree pages and collapses it. */
export const LongMetadata: Story = {
  beforeEach: withServer('longMetadata'),
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement).length).toBeGreaterThan(0));
    await userEvent.click(eventRows(canvasElement)[0]!);
    const dialog = await canvas.findByRole('dialog', { name: 'Event details' });
    await expect(await within(dialog).findByText(/matches ✓/)).toBeVisible();
    const more = within(dialog).getByRole('button', { name: /^Show 50 more/ });
    await userEvent.click(more);
    await waitFor(() =>
      expect(within(dialog).queryByRole('button', { name: /^Show 50 more/ })).toBeNull(),
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));
    await expect(await canvas.findByText(/^Verified: \d+ events$/)).toBeVisible();
  },
};

/** Infinite mode: a virtualized, fixed-height list that loads the next page as it scrolls. */
export const Infinite: Story = {
  args: { mode: 'infinite' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement).length).toBeGreaterThan(0));
  },
};

/** Each instance's own landmark names, through its `messages`: a page may hold several logs. */
const landmarks = panelLabels((title) => ({
  filtersLabel: `Filter events (${title})`,
  paginationLabel: `Pagination (${title})`,
}));

/** Six scenarios side by side, each under its own token. */
export const AllStates: Story = {
  args: { pageSize: 5, showExport: false },
  beforeEach: preloadServers('broken'),
  render: (args) => (
    <StateGrid
      scenarios={['default', 'loading', 'empty', 'error', 'broken', 'expired']}
      minWidth={640}
    >
      {(scenario) => <AuditLog {...args} messages={landmarks[scenario]} />}
    </StateGrid>
  ),
  play: async ({ canvasElement }) => {
    const panel = (scenario: string) =>
      canvasElement.querySelector<HTMLElement>(`[data-scenario="${scenario}"]`)!;
    await waitFor(() => {
      expect(eventRows(panel('default'))).toHaveLength(5);
      expect(eventRows(panel('expired'))).toHaveLength(5);
      expect(within(panel('empty')).getByText('No events yet.')).toBeVisible();
      expect(within(panel('error')).getByText('Could not load events.')).toBeVisible();
      expect(within(panel('broken')).getByText('Chain broken: 1 break')).toBeVisible();
    });
    await expect(within(panel('loading')).getByText('Loading events…')).toBeInTheDocument();
  },
};
