import { createViewerClient } from '@getimmutable/client';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emulatorUrl, mint } from '../test/emulatorFixture.js';
import { useEventIntegrity } from './useEventIntegrity.js';

async function twoLinkedEvents() {
  const { token } = await mint('org_acme');
  const client = createViewerClient({ baseUrl: emulatorUrl(), token });
  const [event, previous] = (await client.events.list({ limit: 2 })).data;
  expect(event!.integrity.sequence).toBe(previous!.integrity.sequence + 1);
  return { event: event!, previous: previous! };
}

describe('useEventIntegrity', () => {
  it('checks the hash and the link to the predecessor, given one options object', async () => {
    const { event, previous } = await twoLinkedEvents();
    const { result } = renderHook(() => useEventIntegrity({ event, previous }));
    expect(result.current.hash?.ok).toBe(true);
    expect(result.current.link?.status).toBe('linked');
  });

  it('checks nothing without an event', () => {
    const { result } = renderHook(() => useEventIntegrity({ event: null }));
    expect(result.current).toEqual({ hash: null, link: null });
  });
});
