import { ExportButton } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { errorHandlers, loadingHandlers, withServer } from './support/handlers.js';
import { StateGrid } from './support/StateGrid.js';
import { expiredTokenViewer, failFast } from './support/story-helpers.js';

const meta = {
  title: 'Components/ExportButton',
  component: ExportButton,
  // The story saves nothing: onDownload receives the signed URL instead of clicking a link.
  args: { filters: { action: 'document.*' }, onDownload: fn() },
  // The emulator in the page writes 600 events' file at once: 300 ms per answer lets progress show.
  beforeEach: withServer('seed', { latencyMs: 300 }),
  parameters: {
    docs: {
      description: {
        component:
          'Exports the current filters on the server (`POST /exports`), follows the job with progress (`GET /exports/:id`), can be cancelled, and downloads the signed file. The story server is the real emulator in the page, answering 300 ms late so progress shows; its files are kept in memory.',
      },
    },
  },
} satisfies Meta<typeof ExportButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Click Export: progress, then completed, and the signed URL goes to onDownload. */
export const Default: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await expect(await canvas.findByRole('progressbar', { name: 'Export progress' })).toBeVisible();
    await expect(
      await canvas.findByText('Export ready — downloading', {}, { timeout: 10_000 }),
    ).toBeVisible();
    await expect(args.onDownload).toHaveBeenCalledWith(
      expect.stringMatching(
        /^https:\/\/api\.example\.test\/api\/v1\/exports\/exp_\w+\/download\?expires=\d+&signature=/,
      ),
    );
    await expect(canvas.getByRole('button', { name: 'Download again' })).toBeVisible();
  },
};

/** Pick NDJSON; the job is created in that format. */
export const NdjsonFormat: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: 'Export format' }),
      'ndjson',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(args.onDownload).toHaveBeenCalled(), { timeout: 10_000 });
  },
};

/** The job was created but never reports back: progress stays at "Preparing". */
export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(...loadingHandlers('infinite', 'get'));
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await expect(await canvas.findByText('Preparing export…')).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Export' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

/** Cancel while it runs; focus stays on Export. */
export const Cancelled: Story = {
  beforeEach: withServer('seed', { stallExportPolls: true }),
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel export' }));
    await expect(await canvas.findByText('Export cancelled')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Export' })).toHaveFocus();
    await expect(args.onDownload).not.toHaveBeenCalled();
  },
};

/** Nothing matches: the export still completes, with zero rows. */
export const Empty: Story = {
  beforeEach: withServer('empty'),
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await expect(
      await canvas.findByText('Export ready — downloading', {}, { timeout: 10_000 }),
    ).toBeVisible();
  },
};

/** The server refuses the export with a 500. */
export const Error: Story = {
  parameters: { viewer: failFast },
  beforeEach({ msw }) {
    msw.use(...errorHandlers('server'));
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Export failed: The audit service is unavailable (HTTP 500).',
    );
  },
};

/** The job itself fails on the server (its files cannot be written), with its error_message. */
export const JobFailed: Story = {
  beforeEach: withServer('failingExports'),
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      'Export failed: The export worker ran out of disk space.',
    );
  },
};

export const ExpiredToken: Story = {
  parameters: { viewer: expiredTokenViewer() },
  play: async ({ canvas, parameters }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await expect(
      await canvas.findByText('Export ready — downloading', {}, { timeout: 10_000 }),
    ).toBeVisible();
    await expect(parameters.viewer.getToken).toHaveBeenCalledTimes(1);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  beforeEach: withServer('seed', { stallExportPolls: true }),
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await expect(await canvas.findByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  },
};

/** Every panel's Export is clicked: running, completed, failed, refreshed. */
export const AllStates: Story = {
  render: (args) => (
    <StateGrid scenarios={['default', 'loading', 'error', 'expired']}>
      {() => <ExportButton {...args} />}
    </StateGrid>
  ),
  play: async ({ canvasElement }) => {
    const panel = (scenario: string) =>
      within(canvasElement.querySelector<HTMLElement>(`[data-scenario="${scenario}"]`)!);
    for (const scenario of ['default', 'loading', 'error', 'expired'])
      await userEvent.click(panel(scenario).getByRole('button', { name: 'Export' }));
    await waitFor(
      () => {
        expect(panel('default').getByText('Export ready — downloading')).toBeVisible();
        expect(panel('expired').getByText('Export ready — downloading')).toBeVisible();
        expect(panel('error').getByRole('alert')).toHaveTextContent('Export failed');
      },
      { timeout: 10_000 },
    );
    await expect(panel('loading').getByText('Preparing export…')).toBeVisible();
  },
};
