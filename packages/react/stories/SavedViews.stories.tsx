import { SavedViews } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { memorySavedViewStore } from './support/savedViewStores.js';

const VIEWS = [
  {
    id: 'view_1',
    name: 'Deletions this month',
    filters: { action: '*.deleted', from: '2026-03-01' },
    saved_at: '2026-03-02T09:00:00.000Z',
  },
  {
    id: 'view_2',
    name: 'Sarah’s sign-ins',
    filters: { actor_id: 'user_2hG9kLm', action: 'auth.*' },
    columnVisibility: { targets: false },
    mode: 'infinite' as const,
    saved_at: '2026-03-03T09:00:00.000Z',
  },
];

const meta = {
  title: 'Components/SavedViews',
  component: SavedViews,
  args: {
    current: { filters: { action: 'document.*' }, columnVisibility: {}, mode: 'pages' },
    onApply: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          'Named views of the log — filters, column visibility and mode — kept in the provider’s `savedViewStore` (localStorage by default; a host can keep them per user on its backend). Save, apply, copy a link, rename, delete with Undo.',
      },
    },
  },
} satisfies Meta<typeof SavedViews>;

export default meta;
type Story = StoryObj<typeof meta>;

const openPanel = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: /^Views/ }));
  return within(await canvas.findByRole('region', { name: 'Saved views' }));
};

/** Two saved views; applying one hands it to the host. */
export const Default: Story = {
  parameters: { viewer: { savedViewStore: memorySavedViewStore(VIEWS) } },
  play: async ({ canvasElement, args }) => {
    const panel = await openPanel(canvasElement);
    await userEvent.click(
      await panel.findByRole('button', { name: 'Apply view Deletions this month' }),
    );
    await expect(args.onApply).toHaveBeenCalledWith(VIEWS[0]);
  },
};

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement);
    await expect(await panel.findByText(/No saved views yet/)).toBeVisible();
  },
};

/** A name already taken: the message names the field and nothing is saved. */
export const NameTaken: Story = {
  parameters: { viewer: { savedViewStore: memorySavedViewStore(VIEWS) } },
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement);
    await userEvent.type(panel.getByLabelText('Name of this view'), 'deletions this month{Enter}');
    await expect(await panel.findByRole('alert')).toHaveTextContent(
      'Name: a view called "deletions this month" exists already.',
    );
  },
};

/** The store refuses (a full localStorage, a backend down). */
export const Error: Story = {
  parameters: {
    viewer: { savedViewStore: memorySavedViewStore([], 'The quota has been exceeded.') },
  },
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement);
    await expect(await panel.findByRole('alert')).toHaveTextContent(
      'Could not load views: The quota has been exceeded.',
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { viewer: { savedViewStore: memorySavedViewStore(VIEWS) } },
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement);
    await expect(
      await panel.findByRole('button', { name: 'Rename Sarah’s sign-ins' }),
    ).toBeVisible();
  },
};
