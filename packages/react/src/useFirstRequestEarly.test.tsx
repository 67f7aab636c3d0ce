import type { ViewerClient } from '@getimmutable/client';
import { render, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { viewerFor } from '../test/emulatorFixture.js';
import { ImmutableViewerProvider } from './ImmutableViewerProvider.js';
import { useAuditEvents } from './useAuditEvents.js';
import { useInfiniteAuditEvents } from './useInfiniteAuditEvents.js';

/** A real client of the emulator whose `events.list` calls are counted. */
function countingClient() {
  const client = viewerFor('org_acme');
  const calls: unknown[] = [];
  const counted: ViewerClient = {
    ...client,
    events: {
      ...client.events,
      list: (...args) => {
        calls.push(args[0]);
        return client.events.list(...args);
      },
    },
  };
  return { client: counted, calls };
}

/** Renders `hook`'s component with a child that notes how many list requests had started as it rendered. */
function renderWithProbe(
  useEvents: () => { status: string },
  client: ViewerClient,
  wrap: (node: ReactNode) => ReactNode = (node) => node,
) {
  const seenByChild: number[] = [];
  const statuses: string[] = [];
  function Probe({ count }: { count: () => number }) {
    seenByChild.push(count());
    return null;
  }
  return (calls: unknown[]) => {
    function Table() {
      statuses.push(useEvents().status);
      return <Probe count={() => calls.length} />;
    }
    const queryClient = new QueryClient();
    render(
      wrap(
        <ImmutableViewerProvider client={client} queryClient={queryClient}>
          <Table />
        </ImmutableViewerProvider>,
      ),
    );
    return { seenByChild, statuses };
  };
}

describe('the first list request', () => {
  it('of a page is on its way while the component first renders, not after it commits', async () => {
    const { client, calls } = countingClient();
    const { seenByChild, statuses } = renderWithProbe(
      () => useAuditEvents({ pageSize: 5 }),
      client,
    )(calls);
    // The child rendered in the same pass as the hook, before any effect ran.
    expect(seenByChild[0]).toBe(1);
    await waitFor(() => expect(statuses.at(-1)).toBe('success'));
    expect(calls).toHaveLength(1);
  });

  it('of an infinite list is on its way while the component first renders', async () => {
    const { client, calls } = countingClient();
    const { seenByChild, statuses } = renderWithProbe(
      () => useInfiniteAuditEvents({ pageSize: 5 }),
      client,
    )(calls);
    expect(seenByChild[0]).toBe(1);
    await waitFor(() => expect(statuses.at(-1)).toBe('success'));
    expect(calls).toHaveLength(1);
  });

  it('is started once by the two first renders of StrictMode', async () => {
    const { client, calls } = countingClient();
    const { seenByChild, statuses } = renderWithProbe(
      () => useAuditEvents({ pageSize: 5 }),
      client,
      (node) => <StrictMode>{node}</StrictMode>,
    )(calls);
    // StrictMode renders twice before committing: the second finds the request in the cache.
    expect(seenByChild.slice(0, 2)).toEqual([1, 1]);
    await waitFor(() => expect(statuses.at(-1)).toBe('success'));
  });

  it('is not sent early by a hook that is not enabled', async () => {
    const { client, calls } = countingClient();
    const { seenByChild, statuses } = renderWithProbe(
      () => useAuditEvents({ pageSize: 5, enabled: false }),
      client,
    )(calls);
    expect(seenByChild[0]).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toHaveLength(0);
    expect(statuses.at(-1)).toBe('pending');
  });
});
