import type { AuditEvent } from '@getimmutable/client';
import { EventDetailDrawer } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  brokenDataset,
  hostileTextDataset,
  longMetadataDataset,
  manyTargetsDataset,
  seedDataset,
  tenantEvents,
  type Dataset,
} from './support/fixtures.js';
import { errorHandlers, loadingHandlers } from './support/handlers.js';
import { expiredTokenViewer, failFast, page } from './support/story-helpers.js';

/** An event of the story tenant and its predecessor in the chain (for the link check). */
function pair(data: Dataset, pick: (events: AuditEvent[]) => AuditEvent | undefined) {
  const events = tenantEvents(data);
  const event = pick(events) ?? events[0]!;
  const previous =
    events.find((e) => e.integrity.sequence === event.integrity.sequence - 1) ?? null;
  return { event, previousEvent: previous };
}

const meta = {
  title: 'Components/EventDetailDrawer',
  component: EventDetailDrawer,
  args: { onOpenChange: fn() },
  parameters: {
    docs: {
      // A modal drawer covers the page: in docs each one renders inside its own frame.
      story: { inline: false, height: '640px' },
      description: {
        component:
          'One event in a modal side drawer: every field, targets, context, metadata as a safe JSON tree, and its hash and chain link recomputed in the browser. Focus moves in on open, stays inside, and returns on close.',
      },
    },
  },
} satisfies Meta<typeof EventDetailDrawer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A document.shared event (targets and metadata), checked against its predecessor. */
export const Default: Story = {
  render: (args) => (
    <EventDetailDrawer
      {...args}
      {...pair(seedDataset(), (events) => events.find((e) => e.action === 'document.shared'))}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(within(dialog).getByText(/matches ✓/)).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(args.onOpenChange).toHaveBeenCalledWith(false);
    await waitFor(() => expect(within(page(canvasElement)).queryByRole('dialog')).toBeNull());
  },
};

/** An event with no targets and no metadata. */
export const Empty: Story = {
  render: (args) => (
    <EventDetailDrawer
      {...args}
      {...pair(seedDataset(), (events) =>
        events.find((e) => e.targets.length === 0 && Object.keys(e.metadata).length === 0),
      )}
    />
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(within(dialog).getByText('No targets')).toBeVisible();
    await expect(within(dialog).getByText('No metadata')).toBeVisible();
  },
};

/** Given only an id, the drawer fetches the event; here the server never answers. */
export const Loading: Story = {
  args: { eventId: 'c0ffee00-0000-4000-8000-000000000000' },
  beforeEach({ msw }) {
    msw.use(...loadingHandlers());
  },
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(within(dialog).getByText('Loading event…')).toBeVisible();
  },
};

/** Fetched by id from the story server. */
export const FetchedById: Story = {
  render: (args) => <EventDetailDrawer {...args} eventId={tenantEvents(seedDataset())[0]!.id} />,
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(await within(dialog).findByText(tenantEvents(seedDataset())[0]!.id)).toBeVisible();
  },
};

export const Error: Story = {
  args: { eventId: 'c0ffee00-0000-4000-8000-000000000000' },
  parameters: { viewer: failFast },
  beforeEach({ msw }) {
    msw.use(...errorHandlers('server'));
  },
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not load this event.',
    );
  },
};

/** The tampered event: its content no longer hashes to its stored event_hash. */
export const BrokenChain: Story = {
  render: (args) => (
    <EventDetailDrawer
      {...args}
      {...pair(brokenDataset(), (events) =>
        events.find((e) => e.id === brokenDataset().tamperedEventId),
      )}
    />
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(within(dialog).getByText(/does not match ✗/)).toBeVisible();
    await expect(within(dialog).getByText(brokenDataset().tamperedEventId!)).toBeVisible();
  },
};

/** Fetched by id with a token the server calls expired: one refresh, then the event. */
export const ExpiredToken: Story = {
  parameters: { viewer: expiredTokenViewer() },
  render: (args) => <EventDetailDrawer {...args} eventId={tenantEvents(seedDataset())[1]!.id} />,
  play: async ({ canvasElement, parameters }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(await within(dialog).findByText(tenantEvents(seedDataset())[1]!.id)).toBeVisible();
    await expect(parameters.viewer.getToken).toHaveBeenCalled();
    await expect(within(dialog).queryByRole('alert')).toBeNull();
  },
};

/** 150 diff entries, a 12-level tree, a long string, odd keys: paged and collapsed, never all at once. */
export const LongMetadata: Story = {
  render: (args) => (
    <EventDetailDrawer {...args} {...pair(longMetadataDataset(), (events) => events[0])} />
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(within(dialog).getByText(/matches ✓/)).toBeVisible();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Show 50 more in metadata.diff' }),
    );
    await expect(
      within(dialog).queryByRole('button', { name: 'Show 50 more in metadata.diff' }),
    ).toBeNull();
    const expand = within(dialog).getAllByRole('button', {
      description: /^metadata\.nested/,
      expanded: false,
    })[0]!;
    await userEvent.click(expand);
    await expect(expand).toHaveAttribute('aria-expanded', 'true');
  },
};

/** 240 targets, 50 at a time: "Show more" says how many it adds and how many are still hidden. */
export const ManyTargets: Story = {
  render: (args) => (
    <EventDetailDrawer {...args} {...pair(manyTargetsDataset(), (events) => events[0])} />
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    const d = within(dialog);
    await expect(d.queryAllByText(/^doc_\d{4}$/)).toHaveLength(50);
    // Focus moves in (to Close) in an effect: wait for it, or it lands after ours.
    await waitFor(() => expect(d.getByRole('button', { name: 'Close' })).toHaveFocus());
    const more = d.getByRole('button', { name: 'Show 50 more targets (190 not shown)' });
    more.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(d.queryAllByText(/^doc_\d{4}$/)).toHaveLength(100));
    await expect(more).toHaveFocus();
    await expect(more).toHaveAccessibleName('Show 50 more targets (140 not shown)');
  },
};

/**
 * Names with a right-to-left override ("nimda" reads "admin", a file name seems to end in .pdf),
 * a Hebrew name, a stray isolate end: each value is isolated, the labels and ids beside it keep
 * their order.
 */
export const RightToLeftText: Story = {
  render: (args) => (
    <EventDetailDrawer {...args} {...pair(hostileTextDataset(), (events) => events[0])} />
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    const event = tenantEvents(hostileTextDataset())[0]!;
    const isolated = Array.from(dialog.querySelectorAll('bdi'), (el) => el.textContent);
    await expect(isolated).toEqual(
      expect.arrayContaining([event.actor_name, event.actor_id, event.resource_name]),
    );
    await expect(within(dialog).getByText(/matches ✓/)).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  render: (args) => (
    <EventDetailDrawer
      {...args}
      {...pair(seedDataset(), (events) => events.find((e) => e.action === 'document.updated'))}
    />
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(within(dialog).getByText(/matches ✓/)).toBeVisible();
  },
};
