import { defaultMessages as messages } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
// Not exported by the package: what a part of <AuditLog /> shows in its place when its code,
// loaded on demand, cannot load (a dropped network, a deploy that removed the old files).
import { PartLoadFailed } from '../src/onDemand/PartLoadFailed.js';

/** Each on-demand part's failure, as <AuditLog /> shows it, with its own message. */
function LoadFailures({ onRetry, onClose }: { onRetry(): void; onClose(): void }) {
  const error = new Error('Failed to fetch dynamically imported module: /assets/chunk-3f9a.js');
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 640 }}>
      <PartLoadFailed
        message={messages.chromeLoadFailed}
        error={error}
        slot="audit-log-chrome-error"
        onRetry={onRetry}
      />
      <PartLoadFailed
        message={messages.drawerLoadFailed}
        error={error}
        slot="event-detail-error"
        onRetry={onRetry}
        onClose={onClose}
      />
      <PartLoadFailed
        message={messages.panelLoadFailed}
        error={error}
        slot="table-columns-error"
        onRetry={onRetry}
        onClose={onClose}
      />
      <PartLoadFailed
        message={messages.checkpointLoadFailed}
        error={new Error('Load failed')}
        slot="receipt-actions-error"
        onRetry={onRetry}
      />
      <PartLoadFailed
        message={messages.liveTailLoadFailed}
        error={error}
        slot="live-tail-error"
        onRetry={onRetry}
      />
    </div>
  );
}

const meta = {
  title: 'Components/AuditLog/Load failures',
  component: LoadFailures,
  args: { onRetry: fn(), onClose: fn() },
  parameters: {
    docs: {
      description: {
        component:
          "The filters and toolbar, the detail drawer, the panels (columns, saved views, shortcuts), the checkpoint's details and the live tail load on demand. When one cannot load, it says so in its place with the error's own words and Retry (and Close, for a part the user opened, whose Retry takes focus), and the log keeps its rows. A row's integrity mark says \"Not checked\" when the checks' code cannot load.",
      },
    },
  },
} satisfies Meta<typeof LoadFailures>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every part's failure; Retry and Close reach their handlers. */
export const AllParts: Story = {
  play: async ({ canvas, args }) => {
    const alerts = canvas.getAllByRole('alert');
    await expect(alerts).toHaveLength(5);
    await expect(alerts[0]).toHaveTextContent(
      'The filters and toolbar could not load. Retry, or reload the page.',
    );
    await expect(within(alerts[0]!).queryByRole('button', { name: 'Close' })).toBeNull();
    await userEvent.click(within(alerts[1]!).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
    await userEvent.click(within(alerts[1]!).getByRole('button', { name: 'Close' }));
    await expect(args.onClose).toHaveBeenCalledTimes(1);
  },
};
