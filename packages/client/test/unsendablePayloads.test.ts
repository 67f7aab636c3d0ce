import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImmutableClient, type EventPayload } from '../src/server.js';
import { API_KEY, startEmulator, type RunningEmulator } from './emulator.js';

let running: RunningEmulator;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());

/** A payload with `metadata` as given: what JSON would change in it, the SDK must refuse. */
const withMetadata = (metadata: unknown) =>
  ({ actor_id: 'user_j1', action: 'document.updated', metadata }) as EventPayload;

const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic.self = cyclic;

describe('ImmutableClient refuses what JSON would send as something else', () => {
  it.each([
    [
      'NaN (sent as null)',
      { size: Number.NaN },
      'metadata.size',
      'must be a finite number (not NaN)',
    ],
    [
      'Infinity (sent as null)',
      { ratio: Infinity },
      'metadata.ratio',
      'must be a finite number (not Infinity)',
    ],
    [
      'a bigint (JSON throws)',
      { id: 10n },
      'metadata.id',
      'must be a number within ±2^53, not a bigint',
    ],
    [
      'a Map (sent as {})',
      { tags: new Map([['a', 1]]) },
      'metadata.tags',
      'must be an object or an array (a Map or a Set is sent as {})',
    ],
    [
      'an undefined array item (sent as null)',
      { list: [1, undefined] },
      'metadata.list.1',
      'must not be undefined',
    ],
    ['a function (dropped)', { fn: () => 1 }, 'metadata.fn', 'must be JSON, not a function'],
    ['a cycle (JSON throws)', cyclic, 'metadata.self', 'must not contain itself'],
  ])('%s: names the field, and sends nothing', async (_, metadata, field, problem) => {
    const fetchSpy = vi.fn(fetch);
    const client = new ImmutableClient({ apiKey: API_KEY, baseUrl: running.url, fetch: fetchSpy });
    const error = await client.track(withMetadata(metadata)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_payload', status_code: 0 });
    expect((error as { errors: unknown }).errors).toEqual({ [field]: [problem] });
    const inBatch = await client
      .trackBatch([withMetadata({ ok: 1 }), withMetadata(metadata)])
      .catch((e: unknown) => e);
    expect((inBatch as { errors: unknown }).errors).toEqual({ [`events.1.${field}`]: [problem] });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('still sends what JSON writes faithfully: dates as their text, nested objects and arrays, null', async () => {
    const client = new ImmutableClient({ apiKey: API_KEY, baseUrl: running.url });
    const { data } = await client.track(
      withMetadata({ at: new Date('2026-03-01T00:00:00Z'), tags: ['a', { b: null }], n: 1.5 }),
    );
    expect(data.metadata).toEqual({
      at: '2026-03-01T00:00:00.000Z',
      n: 1.5,
      tags: ['a', { b: null }],
    });
  });
});
