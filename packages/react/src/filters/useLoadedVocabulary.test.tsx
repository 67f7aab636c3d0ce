import { createViewerClient, type AuditEvent, type Page } from '@getimmutable/client';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { auditKeys } from '../auditKeys.js';
import { ImmutableViewerProvider } from '../ImmutableViewerProvider.js';
import { useLoadedVocabulary } from './useLoadedVocabulary.js';

const event = (actor_id: string, actor_name: string, action: string) =>
  ({ actor_id, actor_name, action, resource: 'document', targets: [] }) as unknown as AuditEvent;
const page = (...data: AuditEvent[]): Page<AuditEvent> => ({
  data,
  pagination: { has_more: false, next_cursor: null },
});

function setup() {
  const client = createViewerClient({ baseUrl: 'http://127.0.0.1:9', token: 'unused' });
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ImmutableViewerProvider client={client} queryClient={queryClient}>
      {children}
    </ImmutableViewerProvider>
  );
  return { client, queryClient, wrapper };
}

describe('useLoadedVocabulary', () => {
  it('reads the cached pages and infinite lists, skipping other entries under events', () => {
    const { client, queryClient, wrapper } = setup();
    queryClient.setQueryData(
      auditKeys.eventPage(client, {}, 25, null),
      page(event('u1', 'Ann', 'a.x')),
    );
    queryClient.setQueryData(auditKeys.eventPages(client, { action: 'b.*' }, 25), {
      pages: [page(event('u2', 'Bo', 'b.y'))],
      pageParams: [null],
    });
    // The live tail keeps its polls under the same prefix, in another shape.
    queryClient.setQueryData([...auditKeys.events(client), 'live', {}, null], {
      events: [],
      hasMore: false,
    });
    const { result } = renderHook(() => useLoadedVocabulary(true), { wrapper });
    expect(result.current.actors).toEqual([
      { id: 'u1', name: 'Ann' },
      { id: 'u2', name: 'Bo' },
    ]);
    expect(result.current.actions).toEqual(['a.x', 'b.y']);

    act(() => {
      queryClient.setQueryData(
        auditKeys.eventPage(client, {}, 25, 'c2'),
        page(event('u3', 'Cy', 'c.z')),
      );
    });
    expect(result.current.actions).toEqual(['a.x', 'b.y', 'c.z']);
  });

  it('reads nothing while not enabled, or outside a provider', () => {
    const { client, queryClient, wrapper } = setup();
    queryClient.setQueryData(
      auditKeys.eventPage(client, {}, 25, null),
      page(event('u1', 'Ann', 'a.x')),
    );
    expect(renderHook(() => useLoadedVocabulary(false), { wrapper }).result.current.actors).toEqual(
      [],
    );
    expect(renderHook(() => useLoadedVocabulary(true)).result.current.actions).toEqual([]);
  });
});
