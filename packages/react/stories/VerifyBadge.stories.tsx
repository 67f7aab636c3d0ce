import { VerifyBadge } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { memoryCheckpointStore } from './support/checkpointStores.js';
import { server } from './support/fixtures.js';
import { errorHandlers, loadingHandlers, preloadServers, withServer } from './support/handlers.js';
import { StateGrid } from './support/StateGrid.js';
import { expiredTokenViewer, failFast } from './support/story-helpers.js';

const meta = {
  title: 'Components/VerifyBadge',
  component: VerifyBadge,
  args: { onBreakSelect: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'Verifies the hash chain of a date range on the server (following `next_cursor` to the end) and says how it went. The story server is the real emulator in the page: its own walk over 600 seeded events.',
      },
    },
  },
} satisfies Meta<typeof VerifyBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^Verified: \d+ events$/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Verify again' })).toBeEnabled();
  },
};

/** A small `limit` makes the badge page through the chain, reporting progress on the way. */
export const WithProgress: Story = {
  args: { limit: 40 },
  beforeEach: withServer('broken', { latencyMs: 250 }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^Checked \d+ events…$/)).toBeVisible();
    await expect(
      await canvas.findByText(/^Chain broken: 1 break$/, {}, { timeout: 10_000 }),
    ).toBeVisible();
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(...loadingHandlers());
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Verifying…');
    await expect(canvasElement.querySelector('[data-slot="verify-badge"]')).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

export const Empty: Story = {
  beforeEach: withServer('empty'),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Verified: 0 events')).toBeVisible();
  },
};

export const Error: Story = {
  parameters: { viewer: failFast },
  beforeEach({ msw }) {
    msw.use(...errorHandlers('server'));
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText(/Could not verify/)).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="verify-badge"]')).toHaveAttribute(
      'data-state',
      'error',
    );
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

export const Refused: Story = {
  parameters: { viewer: failFast },
  beforeEach({ msw }) {
    msw.use(...errorHandlers('refused'));
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/Could not verify/)).toBeVisible();
  },
};

/** One event's stored content was rewritten after it was hashed: the walk finds a hash mismatch. */
export const BrokenChain: Story = {
  beforeEach: withServer('broken'),
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByText('Chain broken: 1 break')).toBeVisible();
    const { events, tamperedEventId } = server('broken');
    const sequence = events.find((e) => e.id === tamperedEventId)!.integrity.sequence;
    const first = canvas.getByRole('button', { name: `First: hash mismatch at #${sequence}` });
    await expect(first).toHaveAccessibleDescription('Open the first broken event');
    await userEvent.click(first);
    await expect(args.onBreakSelect).toHaveBeenCalledWith(tamperedEventId);
  },
};

/**
 * The tenant's history was rewritten after this viewer's last verify — an event edited and every
 * later hash recomputed — so the server's walk finds nothing; the checkpoint kept from the
 * last verify does: its event now has another hash. Only a confirmed accept replaces it.
 */
export const HistoryChanged: Story = {
  beforeEach: withServer('rewritten'),
  parameters: {
    viewer: {
      checkpointStore: memoryCheckpointStore(() => server('rewritten').checkpointBefore),
    },
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(
      await canvas.findByText(/^History changed since you verified it on /),
    ).toBeVisible();
    const before = server('rewritten').checkpointBefore!;
    await expect(await canvas.findByText(before.event!.event_hash)).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="verify-badge"]')).toHaveAttribute(
      'data-state',
      'changed',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Accept current history…' }));
    await expect(canvas.getByRole('button', { name: 'Accept current history' })).toHaveFocus();
  },
};

/** A later verify that finds the history it verified before: the checkpoint moves on. */
export const HistoryUnchanged: Story = {
  beforeEach: withServer('seed'),
  parameters: {
    viewer: {
      checkpointStore: memoryCheckpointStore(() => {
        const [newest] = server('seed').events;
        const { sequence, event_hash } = newest!.integrity;
        return {
          kind: 'immutable.checkpoint',
          version: 1,
          scope: { base_url: 'https://api.example.test', tenant_id: 'org_acme', actor_id: null },
          head: { sequence, event_hash },
          event: { id: newest!.id, sequence, event_hash },
          verified_at: new Date(Date.now() - 86_400_000).toISOString(),
        };
      }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^unchanged since /)).toBeVisible();
    await userEvent.click(await canvas.findByText('Receipt'));
    await expect(canvas.getByRole('button', { name: 'Download receipt' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Check a receipt' })).toBeVisible();
  },
};

/** The checkpoint store fails (a full or refused localStorage): verify shows as ever. */
export const CheckpointsUnavailable: Story = {
  parameters: {
    viewer: {
      checkpointStore: {
        get: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
        set: () => undefined,
      },
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^Verified: \d+ events$/)).toBeVisible();
    await expect(
      await canvas.findByText(
        'Not compared with your last verification: The quota has been exceeded.',
      ),
    ).toBeVisible();
  },
};

export const ExpiredToken: Story = {
  parameters: { viewer: expiredTokenViewer() },
  play: async ({ canvas, parameters }) => {
    await expect(await canvas.findByText(/^Verified: \d+ events$/)).toBeVisible();
    await expect(parameters.viewer.getToken).toHaveBeenCalled();
    await expect(canvas.queryByText(/Could not verify/)).toBeNull();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  beforeEach: withServer('broken'),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Chain broken: 1 break')).toBeVisible();
  },
};

export const AllStates: Story = {
  beforeEach: preloadServers('broken'),
  render: (args) => (
    <StateGrid scenarios={['default', 'loading', 'empty', 'error', 'broken', 'expired']}>
      {() => <VerifyBadge {...args} />}
    </StateGrid>
  ),
  play: async ({ canvasElement }) => {
    const panel = (scenario: string) =>
      within(canvasElement.querySelector<HTMLElement>(`[data-scenario="${scenario}"]`)!);
    await waitFor(async () => {
      await expect(panel('default').getByText(/^Verified: \d+ events$/)).toBeVisible();
      await expect(panel('empty').getByText('Verified: 0 events')).toBeVisible();
      await expect(panel('error').getByText(/Could not verify/)).toBeVisible();
      await expect(panel('broken').getByText('Chain broken: 1 break')).toBeVisible();
      await expect(panel('expired').getByText(/^Verified: \d+ events$/)).toBeVisible();
    });
    await expect(panel('loading').getByText('Verifying…')).toBeVisible();
  },
};
