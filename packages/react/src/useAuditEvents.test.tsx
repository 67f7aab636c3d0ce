import type { ViewerClient } from '@getimmutable/client';
import { createViewerClient } from '@getimmutable/client';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { emulatorUrl, mint, viewerFor } from '../test/emulatorFixture.js';
import type { AuditFilters } from './auditFilters.js';
import { ImmutableViewerProvider } from './ImmutableViewerProvider.js';
import { useAuditEvents } from './useAuditEvents.js';

function wrapper(client: ViewerClient = viewerFor('org_acme')) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => (
    <ImmutableViewerProvider client={client} queryClient={queryClient}>
      {children}
    </ImmutableViewerProvider>
  );
}

describe('useAuditEvents', () => {
  it('loads the first page of the tenant, newest first', async () => {
    const { result } = renderHook(() => useAuditEvents({ pageSize: 10 }), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.events).toHaveLength(10);
    expect(result.current.events.every((e) => e.tenant_id === 'org_acme')).toBe(true);
    const times = result.current.events.map((e) => e.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(result.current.hasNext).toBe(true);
    expect(result.current.hasPrevious).toBe(false);
  });

  it('pages forward and back through cursors without repeating an event', async () => {
    const { result } = renderHook(() => useAuditEvents({ pageSize: 5 }), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const first = result.current.events.map((e) => e.id);
    act(() => result.current.nextPage());
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    await waitFor(() => expect(result.current.events[0]?.id).not.toBe(first[0]));
    const second = result.current.events.map((e) => e.id);
    expect(result.current.pageIndex).toBe(1);
    expect(second.some((id) => first.includes(id))).toBe(false);
    act(() => result.current.previousPage());
    await waitFor(() => expect(result.current.events.map((e) => e.id)).toEqual(first));
  });

  it('never shows rows of the old filters under new ones, and starts again at page 1', async () => {
    let filters: AuditFilters = {};
    const { result, rerender } = renderHook(() => useAuditEvents({ filters, pageSize: 5 }), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    act(() => result.current.nextPage());
    await waitFor(() => expect(result.current.pageIndex).toBe(1));
    filters = { action: 'auth.*' };
    rerender();
    expect(result.current.pageIndex).toBe(0);
    // Until the new page arrives there are no rows at all, never the old ones.
    for (const e of result.current.events) expect(e.action.startsWith('auth.')).toBe(true);
    await waitFor(() => expect(result.current.events.length).toBeGreaterThan(0));
    expect(result.current.events.every((e) => e.action.startsWith('auth.'))).toBe(true);
  });

  it('aborts the request of the old filters when the filters change', async () => {
    const { token } = await mint('org_acme');
    const requests: Array<{ url: string; signal: AbortSignal | null | undefined }> = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The real emulator answers at once: hold the first filter's answer so it is still in flight.
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      token,
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        requests.push({ url, signal: init?.signal });
        if (url.includes('action=auth.')) await held;
        return fetch(input, init);
      },
    });
    let filters: AuditFilters = { action: 'auth.*' };
    const { result, rerender } = renderHook(() => useAuditEvents({ filters, pageSize: 5 }), {
      wrapper: wrapper(client),
    });
    await waitFor(() => expect(requests).toHaveLength(1));
    filters = { action: 'document.*' };
    rerender();
    await waitFor(() => expect(result.current.events.length).toBeGreaterThan(0));
    expect(result.current.events.every((e) => e.action.startsWith('document.'))).toBe(true);
    expect(requests[0]!.url).toContain('action=auth.');
    expect(requests[0]!.signal?.aborted).toBe(true);
    release();
  });

  it("uses the host's QueryClient when the provider sits inside one", async () => {
    const host = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const client = viewerFor('org_acme');
    const { result } = renderHook(() => useAuditEvents({ pageSize: 5 }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={host}>
          <ImmutableViewerProvider client={client}>{children}</ImmutableViewerProvider>
        </QueryClientProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    // The events are in the host's cache: one cache (and one invalidate) for the app and the kit.
    const cached = host.getQueryCache().findAll({ type: 'active' });
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.some((q) => q.state.data !== undefined)).toBe(true);
  });

  it("makes only the client's own retries for a failing list under a host QueryClient with react-query's default retry: 3", async () => {
    const { token } = await mint('org_acme');
    const listCalls: number[] = [];
    // The list call answers 503 every time; the client's default policy is 3 retries.
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      token,
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (!new URL(url).pathname.endsWith('/events')) return fetch(input, init);
        listCalls.push(Date.now());
        return new Response(
          JSON.stringify({ message: 'Down for maintenance', code: 'server_error' }),
          {
            status: 503,
            headers: { 'content-type': 'application/json' },
          },
        );
      },
    });
    const host = new QueryClient(); // react-query's defaults: retry 3, with 1 s, 2 s, 4 s delays
    const started = Date.now();
    const { result } = renderHook(() => useAuditEvents({ pageSize: 5 }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <ImmutableViewerProvider client={client} queryClient={host}>
          {children}
        </ImmutableViewerProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 25_000 });
    const elapsed = Date.now() - started;
    console.log(`failing list call: ${listCalls.length} requests in ${elapsed} ms`);
    expect(listCalls).toHaveLength(3 + 1);
    expect(result.current.error?.message).toBe('Down for maintenance');
    host.clear();
  });

  it('reports an error state when the server refuses', async () => {
    const { createViewerClient } = await import('@getimmutable/client');
    const broken = createViewerClient({ baseUrl: emulatorUrl(), token: 'not.a.jwt', retry: false });
    const { result } = renderHook(() => useAuditEvents(), { wrapper: wrapper(broken) });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.message).toBeTruthy();
  });
});
