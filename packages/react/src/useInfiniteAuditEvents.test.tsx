import { createViewerClient, type ViewerClient } from '@getimmutable/client';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { emulatorUrl, viewerFor } from '../test/emulatorFixture.js';
import { ImmutableViewerProvider } from './ImmutableViewerProvider.js';
import { useAuditEvents } from './useAuditEvents.js';
import { useInfiniteAuditEvents } from './useInfiniteAuditEvents.js';

function wrapper(client: ViewerClient = viewerFor('org_acme')) {
  const queryClient = new QueryClient();
  return ({ children }: { children: ReactNode }) => (
    <ImmutableViewerProvider client={client} queryClient={queryClient}>
      {children}
    </ImmutableViewerProvider>
  );
}

describe('useInfiniteAuditEvents', () => {
  it('accumulates pages without repeating an event', async () => {
    const { result } = renderHook(() => useInfiniteAuditEvents({ pageSize: 20 }), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.events).toHaveLength(20));
    expect(result.current.status).toBe('success');
    expect(result.current.hasMore).toBe(true);
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.events).toHaveLength(40));
    expect(new Set(result.current.events.map((e) => e.id)).size).toBe(40);
  });

  it('loads to the end of a small tenant and then has no more', async () => {
    // org_broken holds 12 events: pages of 5, 5 and 2.
    const { result } = renderHook(() => useInfiniteAuditEvents({ pageSize: 5 }), {
      wrapper: wrapper(viewerFor('org_broken')),
    });
    await waitFor(() => expect(result.current.events).toHaveLength(5));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.events).toHaveLength(10));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.events).toHaveLength(12));
    expect(result.current.hasMore).toBe(false);
    expect(result.current.isLoadingMore).toBe(false);
  });

  it('fetches nothing while disabled, and the paged hook fetches nothing of its list', async () => {
    const requests: string[] = [];
    const client = viewerFor('org_acme');
    const counting: ViewerClient = {
      ...client,
      events: {
        ...client.events,
        list: (filters, options) => {
          requests.push(JSON.stringify(filters));
          return client.events.list(filters, options);
        },
      },
    };
    const { result } = renderHook(
      () => ({
        pages: useInfiniteAuditEvents({ pageSize: 5, enabled: false }),
        page: useAuditEvents({ pageSize: 5 }),
      }),
      { wrapper: wrapper(counting) },
    );
    await waitFor(() => expect(result.current.page.status).toBe('success'));
    expect(result.current.pages.status).toBe('pending');
    expect(result.current.pages.events).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('reports an error state with the error when the server refuses', async () => {
    const broken = createViewerClient({ baseUrl: emulatorUrl(), token: 'not.a.jwt', retry: false });
    const { result } = renderHook(() => useInfiniteAuditEvents(), { wrapper: wrapper(broken) });
    await waitFor(() => expect(result.current.status).toBe('error'));
    if (result.current.status !== 'error') throw new Error('narrowed above');
    expect(result.current.error.message).toBeTruthy();
    expect(result.current.events).toEqual([]);
  });
});
