import { AlertsList } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { errorHandlers, loadingHandlers, withServer } from './support/handlers.js';
import { SCENARIO_TITLES, StateGrid } from './support/StateGrid.js';
import { expiredTokenViewer, failFast } from './support/story-helpers.js';

const items = (root: HTMLElement) =>
  Array.from(root.querySelectorAll<HTMLElement>('[data-slot="alert"]'));

const meta = {
  title: 'Components/AlertsList',
  component: AlertsList,
  args: { onEventSelect: fn(), pageSize: 10 },
  parameters: {
    docs: {
      story: { inline: false, height: '480px' },
      description: {
        component:
          "The tenant's security alerts, newest first: filter by rule, page through, open the event. The story server is the real emulator in the page, raising them at ingest: new_country when an actor shows up from a new country, sensitive_action for *.deleted.",
      },
    },
  },
} satisfies Meta<typeof AlertsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Filter by rule, then open an alert's event. */
export const Default: Story = {
  play: async ({ canvas, canvasElement, args, step }) => {
    await waitFor(() => expect(items(canvasElement).length).toBeGreaterThan(0));

    await step('Filter by the Sensitive action rule', async () => {
      await userEvent.selectOptions(
        canvas.getByRole('combobox', { name: 'Rule' }),
        'sensitive_action',
      );
      await waitFor(() => {
        const list = items(canvasElement);
        expect(list.length).toBeGreaterThan(0);
        expect(
          list.every((item) => item.getAttribute('data-rule-type') === 'sensitive_action'),
        ).toBe(true);
      });
    });

    await step("View the first alert's event", async () => {
      const first = items(canvasElement)[0]!;
      await userEvent.click(within(first).getByRole('button', { name: 'View event' }));
      await expect(args.onEventSelect).toHaveBeenCalledTimes(1);
    });
  },
};

/** Next and Previous page through the alerts. */
export const Paging: Story = {
  args: { pageSize: 5 },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(items(canvasElement)).toHaveLength(5));
    const firstId = items(canvasElement)[0]!.textContent;
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
    await expect(await canvas.findByText('Page 2')).toBeVisible();
    await waitFor(() => expect(items(canvasElement)[0]!.textContent).not.toBe(firstId));
  },
};

/**
 * An actor id with a right-to-left override (rendered raw, "nimda" reads "admin"): it shows as
 * its code point, and the actor and the server's reason are each isolated, so "by" and the time
 * around them keep their order.
 */
export const RightToLeftNames: Story = {
  beforeEach: withServer('hostileText'),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(items(canvasElement).length).toBeGreaterThan(0));
    const first = items(canvasElement)[0]!;
    const isolated = Array.from(first.querySelectorAll('bdi'), (el) => el.textContent);
    await expect(isolated).toContain('user_U+202Enimda');
    await expect(first).toHaveTextContent('by user_U+202Enimda');
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(...loadingHandlers());
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading alerts');
  },
};

export const Empty: Story = {
  beforeEach: withServer('empty'),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-slot="alerts"]')).toHaveAttribute(
        'data-state',
        'empty',
      ),
    );
  },
};

export const Error: Story = {
  parameters: { viewer: failFast },
  beforeEach({ msw }) {
    msw.use(...errorHandlers('server'));
  },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

export const ExpiredToken: Story = {
  parameters: { viewer: expiredTokenViewer() },
  play: async ({ canvas, canvasElement, parameters }) => {
    await waitFor(() => expect(items(canvasElement).length).toBeGreaterThan(0));
    await expect(parameters.viewer.getToken).toHaveBeenCalled();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(items(canvasElement).length).toBeGreaterThan(0));
  },
};

export const AllStates: Story = {
  args: { pageSize: 3 },
  render: (args) => (
    <StateGrid scenarios={['default', 'loading', 'empty', 'error', 'expired']} minWidth={480}>
      {(scenario) => (
        // Several lists on one page: each paging landmark gets its own name.
        <AlertsList {...args} paginationLabel={`Alert pages (${SCENARIO_TITLES[scenario]})`} />
      )}
    </StateGrid>
  ),
  play: async ({ canvasElement }) => {
    const state = (scenario: string) =>
      canvasElement.querySelector(`[data-scenario="${scenario}"] [data-slot="alerts"]`);
    await waitFor(() => {
      expect(state('default')).toHaveAttribute('data-state', 'ready');
      expect(state('expired')).toHaveAttribute('data-state', 'ready');
      expect(state('empty')).toHaveAttribute('data-state', 'empty');
      expect(state('error')).toHaveAttribute('data-state', 'error');
    });
    await expect(state('loading')).toHaveAttribute('data-state', 'loading');
  },
};
