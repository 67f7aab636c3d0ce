import { VerifyBadge } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
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
