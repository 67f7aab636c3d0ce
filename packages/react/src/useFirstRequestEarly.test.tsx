import { ImmutableError, type ViewerClient } from '@getimmutable/client';
import { render, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { countListCalls } from '../test/countListCalls.js';
import { viewerFor } from '../test/emulatorFixture.js';
import { ImmutableViewerProvider } from './ImmutableViewerProvider.js';
import { useAuditEvents } from './useAuditEvents.js';
import { useInfiniteAuditEvents } from './useInfiniteAuditEvents.js';

/** A real client of the emulator whose `events.list` calls are counted. */
const countingClient = () => countListCalls(viewerFor('org_acme'));

/**
 * Renders a component calling `useEvents`, with a child that notes how many list requests had
 * started as it rendered (in the same render pass as the hook, before any effect).
 */
function renderWithProbe(
  useEvents: () => { status: string },
  { client, calls }: { client: ViewerClient; calls: unknown[] },
  wrap: (node: ReactNode) => ReactNode = (node) => node,
) {
  const seenByChild: number[] = [];
  const statuses: string[] = [];
  function Probe() {
    seenByChild.push(calls.length);
    return null;
  }
  function Table() {
    statuses.push(useEvents().status);
    return <Probe />;
  }
  render(
    wrap(
      <ImmutableViewerProvider client={client} queryClient={new QueryClient()}>
        <Table />
      </ImmutableViewerProvider>,
    ),
  );
  return { seenByChild, statuses };
}

describe('the first list request', () => {
  it.each([
    ['a page', () => useAuditEvents({ pageSize: 5 })],
    ['an infinite list', () => useInfiniteAuditEvents({ pageSize: 5 })],
  ])(
    'of %s is on its way while the component first renders, not after it commits',
    async (_, useEvents) => {
      const counted = countingClient();
      const { seenByChild, statuses } = renderWithProbe(useEvents, counted);
      expect(seenByChild[0]).toBe(1);
      await waitFor(() => expect(statuses.at(-1)).toBe('success'));
      expect(counted.calls).toHaveLength(1);
    },
  );

  it('is started once by the two first renders of StrictMode', async () => {
    const { seenByChild, statuses } = renderWithProbe(
      () => useAuditEvents({ pageSize: 5 }),
      countingClient(),
      (node) => <StrictMode>{node}</StrictMode>,
    );
    // StrictMode renders twice before committing: the second finds the request in the cache.
    expect(seenByChild.slice(0, 2)).toEqual([1, 1]);
    await waitFor(() => expect(statuses.at(-1)).toBe('success'));
  });

  it.each([
    ['a page', () => useAuditEvents({ pageSize: 5 })],
    ['an infinite list', () => useInfiniteAuditEvents({ pageSize: 5 })],
  ])(
    'of %s is not sent again when it fails before the component subscribes',
    async (_, useEvents) => {
      // A refusal that comes back at once (a 422), before the effects of the first render run:
      // React scheduling them as in a browser (no act), the failure is in the cache first.
      const viewer = viewerFor('org_acme');
      const refused = new ImmutableError('action: is not a valid glob', 422, 'validation_error');
      const counted = countListCalls({
        ...viewer,
        events: { ...viewer.events, list: () => Promise.reject(refused) },
      });
      const statuses: string[] = [];
      function Table() {
        statuses.push(useEvents().status);
        return null;
      }
      const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
      const wasAct = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
      const root = createRoot(document.createElement('div'));
      try {
        root.render(
          <ImmutableViewerProvider client={counted.client} queryClient={new QueryClient()}>
            <Table />
          </ImmutableViewerProvider>,
        );
        await waitFor(() => expect(statuses.at(-1)).toBe('error'));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(counted.calls).toHaveLength(1);
      } finally {
        root.unmount();
        actEnvironment.IS_REACT_ACT_ENVIRONMENT = wasAct;
      }
    },
  );

  it('is not sent early by a hook that is not enabled', async () => {
    const counted = countingClient();
    const { seenByChild, statuses } = renderWithProbe(
      () => useAuditEvents({ pageSize: 5, enabled: false }),
      counted,
    );
    expect(seenByChild[0]).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counted.calls).toHaveLength(0);
    expect(statuses.at(-1)).toBe('pending');
  });
});
