import { readChanges } from '@getimmutable/client';
import { EventDetailDrawer } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { pair, server, tenantEvents } from './support/fixtures.js';
import { errorHandlers, loadingHandlers, withServer } from './support/handlers.js';
import { expiredTokenViewer, failFast, page } from './support/story-helpers.js';

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
  beforeEach: withServer('seed'),
  render: (args) => (
    <EventDetailDrawer
      {...args}
      {...pair('seed', (events) => events.find((e) => e.action === 'document.shared'))}
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
  beforeEach: withServer('seed'),
  render: (args) => (
    <EventDetailDrawer
      {...args}
      {...pair('seed', (events) =>
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
  beforeEach: withServer('seed'),
  render: (args) => <EventDetailDrawer {...args} eventId={tenantEvents('seed')[0]!.id} />,
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(await within(dialog).findByText(tenantEvents('seed')[0]!.id)).toBeVisible();
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
  beforeEach: withServer('broken'),
  render: (args) => (
    <EventDetailDrawer
      {...args}
      {...pair('broken', (events) => events.find((e) => e.id === server('broken').tamperedEventId))}
    />
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(within(dialog).getByText(/does not match ✗/)).toBeVisible();
    await expect(within(dialog).getByText(server('broken').tamperedEventId!)).toBeVisible();
  },
};

/** Fetched by id with a token the server calls expired: one refresh, then the event. */
export const ExpiredToken: Story = {
  parameters: { viewer: expiredTokenViewer() },
  beforeEach: withServer('seed'),
  render: (args) => <EventDetailDrawer {...args} eventId={tenantEvents('seed')[1]!.id} />,
  play: async ({ canvasElement, parameters }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(await within(dialog).findByText(tenantEvents('seed')[1]!.id)).toBeVisible();
    await expect(parameters.viewer.getToken).toHaveBeenCalled();
    await expect(within(dialog).queryByRole('alert')).toBeNull();
  },
};

/** 150 diff entries, a 12-level tree, a long string, odd keys: paged and collapsed, never all at once. */
/** An update that records what it changed: a field-by-field diff above the metadata. */
export const WhatChanged: Story = {
  beforeEach: withServer('seed'),
  render: (args) => (
    <EventDetailDrawer
      {...args}
      {...pair('seed', (events) => events.find((e) => readChanges(e.metadata) !== null))}
    />
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    const diff = await within(dialog).findByRole('table', { name: /^\d+ fields? changed$/ });
    await expect(diff).toBeVisible();
    await expect(within(diff).getAllByRole('row').length).toBeGreaterThan(1);
  },
};

export const LongMetadata: Story = {
  beforeEach: withServer('longMetadata'),
  render: (args) => (
    <EventDetailDrawer {...args} {...pair('longMetadata', (events) => events[0])} />
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

/**
 * 100 targets (the most the API takes), 50 at a time: "Show more" says how many it adds and how
 * many are still hidden, and the last one hands focus to the first target it revealed.
 */
export const ManyTargets: Story = {
  beforeEach: withServer('manyTargets'),
  render: (args) => <EventDetailDrawer {...args} {...pair('manyTargets', (events) => events[0])} />,
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    const d = within(dialog);
    await expect(d.queryAllByText(/^doc_\d{4}$/)).toHaveLength(50);
    // Focus moves in (to Close) in an effect: wait for it, or it lands after ours.
    await waitFor(() => expect(d.getByRole('button', { name: 'Close' })).toHaveFocus());
    const more = d.getByRole('button', { name: 'Show 50 more targets (50 not shown)' });
    more.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(d.queryAllByText(/^doc_\d{4}$/)).toHaveLength(100));
    await expect(more).not.toBeInTheDocument();
    await waitFor(() =>
      expect(dialog.ownerDocument.activeElement).toHaveTextContent(/^document doc_0051/),
    );
  },
};

/**
 * Names with a right-to-left override (rendered raw, "nimda" reads "admin" and a file name seems
 * to end in .pdf), a Hebrew name, a stray isolate end: each value is isolated, each override or
 * isolate shows as its code point (U+202E), and a note says why.
 */
export const RightToLeftText: Story = {
  beforeEach: withServer('hostileText'),
  render: (args) => <EventDetailDrawer {...args} {...pair('hostileText', (events) => events[0])} />,
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    const event = tenantEvents('hostileText')[0]!;
    const isolated = Array.from(dialog.querySelectorAll('bdi'), (el) => el.textContent);
    const shown = (text: string | null) => text!.replaceAll('\u202E', 'U+202E');
    await expect(isolated).toEqual(
      expect.arrayContaining([event.actor_name, event.actor_id, event.resource_name].map(shown)),
    );
    await expect(dialog.textContent).not.toContain('\u202E');
    await expect(within(dialog).getByRole('note')).toBeVisible();
    await expect(within(dialog).getByText(/matches ✓/)).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  beforeEach: withServer('seed'),
  render: (args) => (
    <EventDetailDrawer
      {...args}
      {...pair('seed', (events) => events.find((e) => e.action === 'document.updated'))}
    />
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(page(canvasElement)).findByRole('dialog', {
      name: 'Event details',
    });
    await expect(within(dialog).getByText(/matches ✓/)).toBeVisible();
  },
};
