import { createViewerClient, type RetryOptions } from '@getimmutable/client';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { QueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { emulatorUrl, mint } from '../test/emulatorFixture.js';
import { auditKeys } from './auditKeys.js';
import { auditQueries } from './auditQueries.js';
import { ImmutableViewerProvider } from './ImmutableViewerProvider.js';
import { useAuditEvent } from './useAuditEvent.js';
import { useAuditEvents } from './useAuditEvents.js';
import { useInfiniteAuditEvents } from './useInfiniteAuditEvents.js';

/** A viewer client of org_acme that counts its requests by path (`/events`, `/events/:id`, …). */
async function countingClient(options: { failLists?: boolean; retry?: RetryOptions } = {}) {
  const { token } = await mint('org_acme');
  const requests: string[] = [];
  const client = createViewerClient({
    baseUrl: emulatorUrl(),
    token,
    ...(options.retry ? { retry: options.retry } : {}),
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const path = url.pathname.replace(/^\/api\/v1/, '');
      requests.push(path);
      if (options.failLists && path === '/events') {
        return new Response(JSON.stringify({ message: 'Unavailable', code: 'server_error' }), {
          status: 503,
          headers: { 'content-type': 'application/json' },
        });
      }
      return fetch(input, init);
    },
  });
  const count = (path: string) => requests.filter((p) => p === path).length;
  return { client, requests, count };
}

const provider =
  (client: ReturnType<typeof createViewerClient>, queryClient: QueryClient) =>
  ({ children }: { children: ReactNode }) => (
    <ImmutableViewerProvider client={client} queryClient={queryClient}>
      {children}
    </ImmutableViewerProvider>
  );

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('auditQueries', () => {
  it('prefetches a page that the hook then shows without a second request, under react-query defaults', async () => {
    const { client, count } = await countingClient();
    const queryClient = new QueryClient(); // a host's defaults: staleTime 0, retry 3
    const filters = { action: 'document.*' };
    const page = await queryClient.fetchQuery(
      auditQueries(client).events(filters, { pageSize: 5 }),
    );
    expect(count('/events')).toBe(1);

    // The hook spells the filters differently (blanks, spaces): the same key all the same.
    const { result } = renderHook(
      () => useAuditEvents({ filters: { action: ' document.* ', actor_id: '' }, pageSize: 5 }),
      { wrapper: provider(client, queryClient) },
    );
    expect(result.current.status).toBe('success');
    expect(result.current.events.map((e) => e.id)).toEqual(page.data.map((e) => e.id));
    await settle();
    expect(count('/events')).toBe(1);
    queryClient.clear();
  });

  it('prefetches an infinite list that useInfiniteAuditEvents then shows without a request', async () => {
    const { client, count } = await countingClient();
    const queryClient = new QueryClient();
    await queryClient.prefetchInfiniteQuery(auditQueries(client).eventPages({}, { pageSize: 20 }));
    const { result } = renderHook(() => useInfiniteAuditEvents({ pageSize: 20 }), {
      wrapper: provider(client, queryClient),
    });
    expect(result.current.events).toHaveLength(20);
    await settle();
    expect(count('/events')).toBe(1);
    queryClient.clear();
  });

  it("refetches through the public keys: the client's prefix, and only that client's", async () => {
    const a = await countingClient();
    const b = await countingClient();
    expect(a.client.id).not.toBe(b.client.id);
    const queryClient = new QueryClient();
    const first = renderHook(() => useAuditEvents({ pageSize: 5 }), {
      wrapper: provider(a.client, queryClient),
    });
    const second = renderHook(() => useAuditEvents({ pageSize: 5 }), {
      wrapper: provider(b.client, queryClient),
    });
    await waitFor(() => expect(first.result.current.status).toBe('success'));
    await waitFor(() => expect(second.result.current.status).toBe('success'));
    expect([a.count('/events'), b.count('/events')]).toEqual([1, 1]);

    await queryClient.invalidateQueries({ queryKey: auditQueries(a.client).all });
    expect([a.count('/events'), b.count('/events')]).toEqual([2, 1]);
    await queryClient.invalidateQueries({ queryKey: auditKeys.events(b.client) });
    expect([a.count('/events'), b.count('/events')]).toEqual([2, 2]);
    // No argument: every client's entries.
    await queryClient.invalidateQueries({ queryKey: auditKeys.all() });
    expect([a.count('/events'), b.count('/events')]).toEqual([3, 3]);
    queryClient.clear();
  });

  it('suspends with useSuspenseQuery on an event and shows it', async () => {
    const { client, count } = await countingClient();
    const { data } = await client.events.list({ limit: 1 });
    const id = data[0]!.id;
    const queryClient = new QueryClient();
    function Action() {
      const { data: event } = useSuspenseQuery(auditQueries(client).event(id));
      return <p>{event.action}</p>;
    }
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Action />
      </Suspense>,
      { wrapper: provider(client, queryClient) },
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByText(data[0]!.action)).toBeInTheDocument();
    expect(count(`/events/${id}`)).toBe(1);
    queryClient.clear();
  });

  it('opens an event already in a loaded list from the cache, with no request of its own', async () => {
    const { client, count } = await countingClient();
    const queryClient = new QueryClient();
    const page = await queryClient.fetchQuery(auditQueries(client).events({}, { pageSize: 5 }));
    const id = page.data[3]!.id;
    const { result } = renderHook(() => useAuditEvent({ id }), {
      wrapper: provider(client, queryClient),
    });
    expect(result.current.status).toBe('success');
    expect(result.current.event).toBe(page.data[3]);
    await settle();
    expect(count(`/events/${id}`)).toBe(0);
    queryClient.clear();
  });

  it("fails a list after the client's own attempts only, whatever the QueryClient's retry", async () => {
    const { client, count } = await countingClient({
      failLists: true,
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 5 } } });
    await expect(queryClient.fetchQuery(auditQueries(client).events())).rejects.toThrow(
      'Unavailable',
    );
    expect(count('/events')).toBe(2 + 1);
    const queries = auditQueries(client);
    for (const options of [
      queries.events(),
      queries.eventPages(),
      queries.event('evt_1'),
      queries.verify(),
      queries.alerts(),
    ]) {
      expect(options.retry).toBe(false);
    }
    queryClient.clear();
  });
});
