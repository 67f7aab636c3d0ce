import { createViewerClient } from '@getimmutable/client';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { emulatorUrl, mint, renderWithViewer, viewerFor } from '../test/emulatorFixture.js';
import { AuditLog } from './AuditLog.js';
import { defaultMessages } from './messages/defaultMessages.js';
import type { Messages } from './messages/Messages.js';

const dataRows = () =>
  screen.getAllByRole('row').filter((row) => row.hasAttribute('data-event-id'));

/** A viewer token signed as the emulator signs them, expiring `inSeconds` from now. */
function shortLivedToken(tenant_id: string, inSeconds: number): string {
  const secret = crypto
    .createHmac('sha256', inject('apiKey'))
    .update('immutable-viewer-token-v1')
    .digest();
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ typ: 'viewer', tenant_id, iat: now, exp: now + inSeconds, jti: crypto.randomUUID() })}`;
  return `${body}.${crypto.createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('<AuditLog />', () => {
  it('filters, opens an event from the keyboard, shows its integrity, and returns focus to the row', async () => {
    const user = userEvent.setup();
    renderWithViewer(<AuditLog showExport={false} />, viewerFor('org_acme'));
    await waitFor(() => expect(dataRows().length).toBe(25));

    // The filters come just after the first rows have painted.
    await user.type(await screen.findByRole('textbox', { name: /^action/i }), 'document.*{Enter}');
    await waitFor(() => {
      const actions = dataRows().map(
        (row) => row.getAttribute('aria-label') ?? row.textContent ?? '',
      );
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.every((text) => text.includes('document.'))).toBe(true);
    });

    const first = dataRows()[0]!;
    act(() => first.focus());
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: /event details/i });
    expect(within(dialog).getAllByText(/^[0-9a-f]{64}$/).length).toBeGreaterThanOrEqual(1);
    expect(within(dialog).getByText(/matches ✓/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('data-event-id')).toBe(
        first.getAttribute('data-event-id'),
      ),
    );
  });

  it('shows every string through `messages`: replaced, no default text is left on screen', async () => {
    const user = userEvent.setup();
    // Each message becomes a marker naming its key (functions return one too).
    const marked = Object.fromEntries(
      Object.entries(defaultMessages).map(([key, value]) => [
        key,
        typeof value === 'function'
          ? () => `«${key}»`
          : typeof value === 'string'
            ? `«${key}»`
            : value,
      ]),
    ) as Partial<Messages>;
    renderWithViewer(<AuditLog />, viewerFor('org_acme'), { messages: marked });
    await waitFor(() => expect(dataRows().length).toBe(25));
    await waitFor(() => expect(screen.getByText('«verified»')).toBeInTheDocument(), {
      timeout: 10_000,
    });
    act(() => dataRows()[0]!.focus());
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: '«eventDetails»' });

    expect(screen.getByRole('table', { name: '«tableLabel»' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /«columnActor»/ })).toBeInTheDocument();
    // What a user reads or hears, piece by piece: text nodes and names, placeholders, titles.
    // (Whole pieces, not substrings: event data such as a user agent's "Version/17.0" is not UI.)
    const shown = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      shown.add(node.textContent!.trim());
    for (const el of document.body.querySelectorAll('*')) {
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr);
        if (value) shown.add(value.trim());
      }
    }
    const leftovers = Object.entries(defaultMessages).filter(
      ([, value]) => typeof value === 'string' && value.length > 1 && shown.has(value),
    );
    expect(leftovers).toEqual([]);
  });

  it('shows the verify badge verified for an intact tenant', async () => {
    renderWithViewer(<AuditLog showExport={false} />, viewerFor('org_acme'));
    await waitFor(() => expect(screen.getByText(/verified: \d+ events/i)).toBeInTheDocument(), {
      timeout: 10_000,
    });
  });

  it('opens the first broken event from the verify badge', async () => {
    const user = userEvent.setup();
    renderWithViewer(<AuditLog showExport={false} />, viewerFor('org_broken'));
    const open = await screen.findByRole(
      'button',
      { name: /open the first broken event|hash mismatch/i },
      { timeout: 10_000 },
    );
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: /event details/i });
    expect(within(dialog).getByText(inject('tamperedEventId'))).toBeInTheDocument();
    expect(within(dialog).getByText(/does not match ✗/)).toBeInTheDocument();
  });

  it('keeps filters and page when the token expires mid-session, without showing an error', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      // First a token the server will soon call expired, while the client believes it is good.
      getToken: async () => {
        calls.push('getToken');
        if (calls.length === 1)
          return {
            token: shortLivedToken('org_acme', 2),
            expires_at: Math.floor(Date.now() / 1000) + 3600,
          };
        return mint('org_acme');
      },
    });
    const { container } = renderWithViewer(
      <AuditLog showVerify={false} showExport={false} pageSize={10} />,
      client,
    );
    const errors: string[] = [];
    const watch = new MutationObserver(() => {
      for (const alert of container.querySelectorAll('[role="alert"]'))
        errors.push(alert.textContent ?? '');
    });
    watch.observe(container, { childList: true, subtree: true });

    await waitFor(() => expect(dataRows().length).toBe(10));
    await user.type(await screen.findByRole('textbox', { name: /^action/i }), 'auth.*{Enter}');
    await waitFor(() =>
      expect(
        dataRows().every((row) => (row.getAttribute('aria-label') ?? '').includes('auth.')),
      ).toBe(true),
    );
    await user.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() => expect(screen.getByText(/page 2/i)).toBeInTheDocument());
    const secondPage = dataRows().map((row) => row.getAttribute('data-event-id'));

    await new Promise((resolve) => setTimeout(resolve, 2500)); // the first token is now expired on the server
    await user.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() => expect(screen.getByText(/page 3/i)).toBeInTheDocument());
    await waitFor(() =>
      expect(dataRows()[0]?.getAttribute('data-event-id')).not.toBe(secondPage[0]),
    );
    expect(calls).toHaveLength(2);
    expect(screen.getByRole('textbox', { name: /^action/i })).toHaveValue('auth.*');
    expect(
      dataRows().every((row) => (row.getAttribute('aria-label') ?? '').includes('auth.')),
    ).toBe(true);
    watch.disconnect();
    expect(errors).toEqual([]);
  });

  it("opens a row's event from the cache without a request, and checks its link to a predecessor on another loaded page", async () => {
    const user = userEvent.setup();
    const { token } = await mint('org_acme');
    const paths: string[] = [];
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      token,
      fetch: (input, init) => {
        paths.push(new URL(String(input)).pathname);
        return fetch(input, init);
      },
    });
    renderWithViewer(<AuditLog showVerify={false} showExport={false} pageSize={10} />, client);
    await waitFor(() => expect(dataRows().length).toBe(10));
    const firstPage = dataRows().map((row) => row.getAttribute('data-event-id'));
    // Page 2 loaded once, then back: the last row's predecessor is only on page 2.
    await user.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() => expect(screen.getByText(/page 2/i)).toBeInTheDocument());
    await waitFor(() =>
      expect(dataRows()[0]?.getAttribute('data-event-id')).not.toBe(firstPage[0]),
    );
    await user.click(screen.getByRole('button', { name: /previous/i }));
    await waitFor(() => expect(dataRows()[0]?.getAttribute('data-event-id')).toBe(firstPage[0]));

    act(() => dataRows()[9]!.focus());
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: /event details/i });
    expect(within(dialog).getByText(firstPage[9]!)).toBeInTheDocument();
    expect(within(dialog).getByText(defaultMessages.linkOk)).toBeInTheDocument();
    expect(paths.filter((path) => /\/events\/[^/]+$/.test(path))).toEqual([]);
  });

  it('fetches and shows a selected event that no loaded list holds', async () => {
    const client = viewerFor('org_acme');
    const { token } = await mint('org_acme');
    const reader = createViewerClient({ baseUrl: emulatorUrl(), token });
    const far = (await reader.events.list({ limit: 100 })).data[80]!;
    renderWithViewer(
      <AuditLog showVerify={false} showExport={false} selectedEventId={far.id} />,
      client,
    );
    const dialog = await screen.findByRole('dialog', { name: /event details/i });
    expect(await within(dialog).findByText(far.id)).toBeInTheDocument();
  });

  it('has no axe violations once loaded', async () => {
    const { container } = renderWithViewer(<AuditLog />, viewerFor('org_acme'));
    await waitFor(() => expect(dataRows().length).toBe(25));
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });

  it('refuses to render outside a provider with an error naming both parts', async () => {
    const { render } = await import('@testing-library/react');
    const spy = console.error;
    console.error = () => {};
    try {
      expect(() => render(<AuditLog />)).toThrow(
        /AuditLog must be used within <ImmutableViewerProvider/,
      );
    } finally {
      console.error = spy;
    }
  });
});
