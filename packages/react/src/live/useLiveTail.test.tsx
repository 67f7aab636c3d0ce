import { createViewerClient, type AuditEvent } from '@getimmutable/client';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { emulatorUrl, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { LiveTailNotice } from './LiveTailNotice.js';
import { useLiveTail, type UseLiveTailOptions } from './useLiveTail.js';

function Watch(props: UseLiveTailOptions) {
  const live = useLiveTail(props);
  return <LiveTailNotice live={live} onShow={() => undefined} data-status={live.status} />;
}

/** An event as the list would show it: only what the watch reads matters here. */
const shown = (sequence: number): AuditEvent =>
  ({
    id: `evt_${sequence}`,
    tenant_id: 'org_x',
    created_at: '2026-03-01T00:00:00.000Z',
    integrity: { sequence, event_hash: 'a'.repeat(64), previous_event_hash: null },
  }) as AuditEvent;

/** A client whose fetch answers from memory (no network, so fake timers can run the clock). */
function countingClient(answer: () => Response) {
  const calls: string[] = [];
  const client = createViewerClient({
    baseUrl: 'https://api.example.test',
    token: 'header.eyJ0ZW5hbnRfaWQiOiJvcmdfeCJ9.signature',
    retry: false,
    fetch: async (input) => {
      calls.push(String(input));
      return answer();
    },
  });
  return { client, calls };
}

const empty = () =>
  new Response(JSON.stringify({ data: [], pagination: { has_more: false, next_cursor: null } }), {
    headers: { 'content-type': 'application/json' },
  });

const setHidden = (hidden: boolean) => {
  Object.defineProperty(document, 'visibilityState', {
    value: hidden ? 'hidden' : 'visible',
    configurable: true,
  });
  document.dispatchEvent(new Event('visibilitychange'));
};

afterEach(() => {
  vi.useRealTimers();
  setHidden(false);
});

describe('useLiveTail', () => {
  it('asks once per interval, and not at all while the tab is hidden', async () => {
    vi.useFakeTimers();
    const { client, calls } = countingClient(empty);
    renderWithViewer(<Watch newest={shown(5)} intervalMs={10_000} />, client);
    await act(() => vi.advanceTimersByTimeAsync(35_000));
    expect(calls).toHaveLength(3);
    expect(new URL(calls[0]!).searchParams.get('from')).toBe('2026-03-01T00:00:00.000Z');
    setHidden(true);
    await act(() => vi.advanceTimersByTimeAsync(120_000));
    expect(calls).toHaveLength(3);
    setHidden(false);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.length).toBeLessThanOrEqual(5);
  });

  it('waits twice as long after each failure, and says it failed', async () => {
    vi.useFakeTimers();
    const { client, calls } = countingClient(
      () => new Response(JSON.stringify({ message: 'down', code: 'unavailable' }), { status: 503 }),
    );
    const { container } = renderWithViewer(<Watch newest={shown(5)} intervalMs={10_000} />, client);
    await act(() => vi.advanceTimersByTimeAsync(70_000));
    // at 10 s (fails: next in 20), 30 s (next in 40), 70 s — not seven
    expect(calls).toHaveLength(3);
    expect(container.querySelector('[data-status]')).toHaveAttribute('data-status', 'error');
  });

  const refusing = (retryAfter: string) => () =>
    new Response(JSON.stringify({ message: 'Slow down', code: 'rate_limited' }), {
      status: 429,
      headers: { 'Retry-After': retryAfter },
    });

  it("waits as long as the server's Retry-After asks, past its own longest pause", async () => {
    vi.useFakeTimers();
    const { client, calls } = countingClient(refusing('300'));
    renderWithViewer(
      <Watch newest={shown(5)} intervalMs={10_000} maxIntervalMs={60_000} />,
      client,
    );
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(calls).toHaveLength(1);
    // Its own backoff would ask again at 30 s, and then every minute.
    await act(() => vi.advanceTimersByTimeAsync(299_000));
    expect(calls).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(calls).toHaveLength(2);
  });

  it('does not poll in a loop when the Retry-After is longer than a timer can hold', async () => {
    vi.useFakeTimers();
    const { client, calls } = countingClient(refusing('99999999999'));
    renderWithViewer(<Watch newest={shown(5)} intervalMs={10_000} />, client);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(calls).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(600_000));
    expect(calls).toHaveLength(1);
  });

  it('asks nothing for a range that ended before the newest event, or with no rows', async () => {
    vi.useFakeTimers();
    const { client, calls } = countingClient(empty);
    const { rerender } = renderWithViewer(
      <Watch newest={shown(5)} filters={{ to: '2026-01-01' }} intervalMs={1_000} />,
      client,
    );
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    rerender(<Watch newest={undefined} intervalMs={1_000} />);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(calls).toHaveLength(0);
  });

  it('counts an event that arrives on the server, in a polite live region', async () => {
    const tenant = 'org_live';
    const post = (action: string) =>
      fetch(`${emulatorUrl()}/api/v1/events`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${inject('apiKey')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ tenant_id: tenant, actor_id: 'user_liv', action }),
      }).then((r) => r.json() as Promise<{ data: AuditEvent }>);
    const { data: first } = await post('document.viewed');
    renderWithViewer(<Watch newest={first} intervalMs={50} />, viewerFor(tenant));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.getByRole('status')).toHaveTextContent('');
    await post('document.created');
    await post('document.deleted');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 new events'));
    expect(screen.getByRole('button', { name: 'Show' })).toBeInTheDocument();
  });
});
