import type { AuditEvent } from '@getimmutable/client';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode, createRef, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { EventDetailDrawer, type EventDetailDrawerProps } from './EventDetailDrawer.js';

let acme: AuditEvent[] = [];
/** A seeded event with targets, context and metadata, and the one before it in the chain. */
let rich: AuditEvent;
let richPrevious: AuditEvent | undefined;

beforeAll(async () => {
  acme = (await viewerFor('org_acme').events.list({ limit: 100 })).data;
  rich =
    acme.find((e) => e.targets.length > 0 && e.context && Object.keys(e.metadata).length > 0) ??
    acme[0]!;
  richPrevious = acme.find((e) => e.integrity.sequence === rich.integrity.sequence - 1);
});

const originalClipboard = Object.getOwnPropertyDescriptor(globalThis.navigator, 'clipboard');
afterEach(() => {
  if (originalClipboard)
    Object.defineProperty(globalThis.navigator, 'clipboard', originalClipboard);
  else delete (globalThis.navigator as { clipboard?: unknown }).clipboard;
});

function setClipboard(value: unknown) {
  Object.defineProperty(globalThis.navigator, 'clipboard', { value, configurable: true });
}

/** A row-like opener and a controlled drawer, as a table would use it. */
function Harness(
  props: Omit<EventDetailDrawerProps, 'open' | 'onOpenChange'> & {
    onOpenChange?: (open: boolean) => void;
  },
) {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <button type="button" onClick={() => setOpen(true)}>
        Open the event
      </button>
      <button type="button">Something after</button>
      <EventDetailDrawer
        {...props}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          props.onOpenChange?.(next);
        }}
      />
    </main>
  );
}

async function openDrawer(ui = <Harness event={rich} />, client = viewerFor('org_acme')) {
  const user = userEvent.setup();
  const result = renderWithViewer(ui, client, { timeZone: 'UTC' });
  await user.click(screen.getByRole('button', { name: 'Open the event' }));
  const dialog = await screen.findByRole('dialog', { name: 'Event details' });
  return { user, dialog, ...result };
}

describe('EventDetailDrawer', () => {
  it('shows every field of a real event, its 64-hex hashes and that its hash recomputes here', async () => {
    const { dialog } = await openDrawer();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    // The seed gives this event every optional part; the assertions below rely on it.
    expect(rich.targets.length).toBeGreaterThan(0);
    expect(
      rich.context?.ip_address && rich.context.country && rich.actor_name && rich.resource_id,
    ).toBeTruthy();
    const d = within(dialog);
    expect(d.getByText(rich.id)).toBeInTheDocument();
    expect(d.getByText(rich.actor_id)).toBeInTheDocument();
    expect(d.getByText(rich.action)).toBeInTheDocument();
    expect(d.getByText(rich.actor_name!, { exact: false })).toBeInTheDocument();
    expect(d.getByText(rich.resource_id!)).toBeInTheDocument();
    expect(d.getByText(rich.tenant_id!)).toBeInTheDocument();
    const target = rich.targets[0]!;
    expect(d.getByRole('heading', { name: 'Targets' })).toBeInTheDocument();
    expect(d.getAllByText(target.type).length).toBeGreaterThan(0);
    expect(d.getByText(rich.context!.ip_address!)).toBeInTheDocument();
    expect(d.getByText(rich.context!.country!)).toBeInTheDocument();
    // Time: absolute in the chosen zone, and relative.
    const time = dialog.querySelector('time')!;
    expect(time).toHaveAttribute('datetime', rich.created_at);
    expect(time.textContent).toContain('(UTC)');
    expect(d.getByText(/ago$/)).toBeInTheDocument();
    // Integrity.
    expect(rich.integrity.event_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(d.getByText(rich.integrity.event_hash)).toBeInTheDocument();
    if (rich.integrity.previous_event_hash)
      expect(d.getByText(rich.integrity.previous_event_hash)).toBeInTheDocument();
    expect(d.getByText('Recomputed here: matches ✓')).toBeInTheDocument();
    expect(d.queryByText('Recomputed here: does not match ✗')).toBeNull();
    // Metadata as a tree.
    expect(d.getByRole('heading', { name: 'Metadata' })).toBeInTheDocument();
    const firstKey = Object.keys(rich.metadata)[0]!;
    expect(d.getAllByText(firstKey).length).toBeGreaterThan(0);
  });

  it('checks the link to the previous event when it is given', async () => {
    if (!richPrevious) throw new Error('seed: the previous event should be on the first 100');
    const { dialog } = await openDrawer(<Harness event={rich} previousEvent={richPrevious} />);
    expect(within(dialog).getByText('Linked to the previous event')).toBeInTheDocument();
  });

  it('says "does not match" for the tampered event of org_broken, and shows the recomputed hash', async () => {
    const client = viewerFor('org_broken');
    const tampered = (await client.events.get(inject('tamperedEventId'))).data;
    const { dialog } = await openDrawer(<Harness event={tampered} />, client);
    const d = within(dialog);
    expect(d.getByText('Recomputed here: does not match ✗')).toBeInTheDocument();
    expect(d.queryByText('Recomputed here: matches ✓')).toBeNull();
    expect(d.getByText('Recomputed hash')).toBeInTheDocument();
    expect(d.getByText(tampered.integrity.event_hash)).toBeInTheDocument();
  });

  it('fetches the event itself when given only an eventId', async () => {
    const user = userEvent.setup();
    renderWithViewer(<Harness eventId={rich.id} />, viewerFor('org_acme'));
    await user.click(screen.getByRole('button', { name: 'Open the event' }));
    const dialog = await screen.findByRole('dialog', { name: 'Event details' });
    expect(await within(dialog).findByText(rich.integrity.event_hash)).toBeInTheDocument();
    expect(within(dialog).getByText('Recomputed here: matches ✓')).toBeInTheDocument();
  });

  it('moves focus in on open, keeps Tab and Shift+Tab inside, and Esc closes and returns focus to the opener', async () => {
    const { user, dialog } = await openDrawer();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    // Walk forward further than there are tabbable elements: focus never leaves and wraps to Close.
    const stops = new Set<Element>();
    let wrapped = false;
    for (let i = 0; i < 200 && !wrapped; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
      if (document.activeElement === close) wrapped = true;
      stops.add(document.activeElement!);
    }
    expect(wrapped).toBe(true);
    expect(stops.size).toBeGreaterThan(3);
    // Backwards from the first element goes to the last one, still inside.
    await user.tab({ shift: true });
    expect(document.activeElement).not.toBe(close);
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.tab();
    expect(close).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open the event' })).toHaveFocus();
  });

  it('manages focus the same under StrictMode (effects run twice)', async () => {
    const { user, dialog } = await openDrawer(
      <StrictMode>
        <Harness event={rich} />
      </StrictMode>,
    );
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open the event' })).toHaveFocus();
  });

  it('closes with the Close button, tells onOpenChange, and returns focus to the opener', async () => {
    const onOpenChange = vi.fn();
    const { user, dialog } = await openDrawer(<Harness event={rich} onOpenChange={onOpenChange} />);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(screen.getByRole('button', { name: 'Open the event' })).toHaveFocus();
  });

  it('closes on a press outside the panel, and returns focus to the opener', async () => {
    const { user } = await openDrawer();
    const overlay = document.querySelector('[data-slot="drawer-overlay"]')!;
    await user.pointer({ keys: '[MouseLeft]', target: overlay });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Open the event' })).toHaveFocus(),
    );
  });

  it('makes the page behind inert and still while open, and restores it exactly on close', async () => {
    const html = document.documentElement;
    html.style.overflow = 'auto';
    const pageOwn = document.createElement('aside');
    pageOwn.setAttribute('inert', ''); // the page's own: must stay inert after close
    document.body.append(pageOwn);
    try {
      const { user, dialog, container } = await openDrawer();
      const root = dialog.closest('[data-slot="drawer-root"]')!;
      expect(root.parentElement).toBe(document.body);
      // Every sibling of the portal's root is inert; the drawer's own tree is not.
      expect(container).toHaveAttribute('inert');
      expect(pageOwn).toHaveAttribute('inert');
      expect(root.closest('[inert]')).toBeNull();
      expect(html.style.overflow).toBe('hidden');
      await user.keyboard('{Escape}');
      expect(container).not.toHaveAttribute('inert');
      expect(pageOwn).toHaveAttribute('inert');
      expect(html.style.overflow).toBe('auto');
      expect(screen.getByRole('button', { name: 'Open the event' })).toHaveFocus();
    } finally {
      pageOwn.remove();
      html.removeAttribute('style');
    }
  });

  it('keeps a themed container reachable: inert goes on the siblings at each level up to <body>', async () => {
    const user = userEvent.setup();
    const themed = document.createElement('div');
    const beside = document.createElement('p');
    const shell = document.createElement('div');
    shell.append(beside, themed);
    document.body.append(shell);
    try {
      renderWithViewer(<Harness event={rich} container={themed} />, viewerFor('org_acme'));
      await user.click(screen.getByRole('button', { name: 'Open the event' }));
      await screen.findByRole('dialog');
      expect(beside).toHaveAttribute('inert');
      expect(themed).not.toHaveAttribute('inert');
      expect(shell).not.toHaveAttribute('inert');
      await user.keyboard('{Escape}');
      expect(beside).not.toHaveAttribute('inert');
      expect(document.querySelectorAll('[inert]')).toHaveLength(0);
    } finally {
      shell.remove();
    }
  });

  it('is open whenever an event is given when uncontrolled, and stays closed after Esc until another event comes', async () => {
    const user = userEvent.setup();
    const other = acme.find((e) => e.id !== rich.id)!;
    const { rerender } = renderWithViewer(
      <EventDetailDrawer event={rich} />,
      viewerFor('org_acme'),
    );
    expect(screen.getByRole('dialog', { name: 'Event details' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(<EventDetailDrawer event={other} />);
    expect(within(screen.getByRole('dialog')).getByText(other.id)).toBeInTheDocument();
    rerender(<EventDetailDrawer event={null} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('copies the event hash to the clipboard and announces "Copied"', async () => {
    const { user, dialog } = await openDrawer();
    const writeText = vi.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    await user.click(within(dialog).getByRole('button', { name: 'Copy Event hash' }));
    expect(writeText).toHaveBeenCalledWith(rich.integrity.event_hash);
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Copied'));
  });

  it('copes without a clipboard: no crash, the hash is selected and the failure announced', async () => {
    const { user, dialog } = await openDrawer();
    setClipboard(undefined);
    await user.click(within(dialog).getByRole('button', { name: 'Copy Sequence' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('status')).toHaveTextContent(/Could not copy/),
    );
    expect(document.getSelection()?.toString()).toBe(String(rich.integrity.sequence));
  });

  it('forwards its ref to the dialog, merges className and spreads other props onto it', async () => {
    const ref = createRef<HTMLDivElement>();
    renderWithViewer(
      <EventDetailDrawer event={rich} ref={ref} className="mine" data-testid="panel" />,
      viewerFor('org_acme'),
    );
    const dialog = screen.getByRole('dialog');
    expect(ref.current).toBe(dialog);
    expect(dialog).toHaveClass('imv-drawer', 'mine');
    expect(dialog).toHaveAttribute('data-testid', 'panel');
    expect(dialog).toHaveAttribute('data-state', 'open');
  });

  it('shows 5,000 targets 50 at a time: Show more, by keyboard, adds the next 50 and keeps focus on it', async () => {
    const targets = Array.from({ length: 5000 }, (_, i) => ({
      type: 'document',
      id: `doc_${i}`,
      name: null,
      metadata: null,
    }));
    const { user, dialog } = await openDrawer(<Harness event={{ ...rich, targets }} />);
    const d = within(dialog);
    expect(d.queryAllByText(/^doc_\d+$/)).toHaveLength(50);
    const more = d.getByRole('button', { name: 'Show 50 more targets (4950 not shown)' });
    expect(more).toHaveTextContent(/^Show 50 more$/);
    more.focus();
    await user.keyboard('{Enter}');
    expect(d.queryAllByText(/^doc_\d+$/)).toHaveLength(100);
    expect(d.getByText('doc_99')).toBeInTheDocument();
    expect(more).toHaveFocus();
    expect(more).toHaveAccessibleName('Show 50 more targets (4900 not shown)');
  });

  it('moves focus to the first newly shown target when the last Show more goes away', async () => {
    const targets = Array.from({ length: 70 }, (_, i) => ({
      type: 'document',
      id: `doc_${i}`,
      name: null,
      metadata: null,
    }));
    const { user, dialog } = await openDrawer(<Harness event={{ ...rich, targets }} />);
    const d = within(dialog);
    d.getByRole('button', { name: 'Show 20 more targets (20 not shown)' }).focus();
    await user.keyboard(' ');
    expect(d.queryAllByText(/^doc_\d+$/)).toHaveLength(70);
    expect(d.queryByRole('button', { name: /more targets/ })).toBeNull();
    expect(document.activeElement).toHaveTextContent('doc_50');
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('isolates user-supplied text in <bdi>, each override or isolate shown as its code point, and says why', async () => {
    const RLO = '\u202E';
    const hostile: AuditEvent = {
      ...rich,
      tenant_id: `org${RLO}x`,
      actor_name: `Mallory${RLO}`,
      actor_type: `user${RLO}`,
      action: `document.${RLO}detaerc`,
      resource: `doc${RLO}`,
      resource_id: `id${RLO}`,
      resource_name: `${RLO}gpj.exe`,
      session_id: `s${RLO}`,
      targets: [
        { type: `type${RLO}`, id: `target${RLO}`, name: `\u2067name\u2069`, metadata: null },
      ],
      context: { ip_address: `10.0.0.1${RLO}`, user_agent: `ua\u2066`, country: `${RLO}DE` },
      metadata: { [`key${RLO}`]: `value\u200B${RLO}` },
    };
    const { dialog } = await openDrawer(<Harness event={hostile} />);
    const isolated = (text: string) => {
      const holders = Array.from(dialog.querySelectorAll('bdi')).filter(
        (el) => el.textContent === text,
      );
      expect(holders, `a <bdi> holding exactly ${JSON.stringify(text)}`).toHaveLength(1);
      return holders[0]!;
    };
    for (const text of [
      'orgU+202Ex',
      'MalloryU+202E',
      'userU+202E',
      'document.U+202Edetaerc',
      'docU+202E',
      'idU+202E',
      'U+202Egpj.exe',
      'sU+202E',
      'typeU+202E',
      'targetU+202E',
      'U+2067nameU+2069',
      '10.0.0.1U+202E',
      'uaU+2066',
      'U+202EDE',
    ])
      isolated(text);
    // Metadata's keys and strings show theirs too (the JSON tree isolates them by CSS).
    const tree = dialog.querySelector('[data-slot="drawer-metadata"] [data-slot="json-tree"]')!;
    expect(tree).toHaveTextContent('keyU+202E: "valueU+200BU+202E"');
    // Nothing the writer chose reaches the page as a control, and the drawer says why marks show.
    expect(dialog.textContent).not.toMatch(/[\u200B\u202E\u2066\u2067\u2069]/);
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      /invisible or direction-changing characters/,
    );
    // The actor id follows the name in the same field, outside the name's isolate.
    const name = isolated('MalloryU+202E');
    const actorField = name.closest('dd')!;
    expect(actorField).toHaveTextContent(`MalloryU+202E ${hostile.actor_id}`);
    expect(name).not.toContainElement(within(actorField).getByText(hostile.actor_id));
  });

  it('says nothing of hidden characters for an event without any', async () => {
    const { dialog } = await openDrawer(<Harness event={rich} />);
    expect(within(dialog).queryByRole('note')).toBeNull();
    expect(dialog.querySelector('[data-slot="hidden-char"]')).toBeNull();
  });

  it('has no axe violations while open', async () => {
    await openDrawer(<Harness event={rich} previousEvent={richPrevious ?? null} />);
    const result = await act(() =>
      axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } }),
    );
    expect(result.violations).toEqual([]);
  });
});
