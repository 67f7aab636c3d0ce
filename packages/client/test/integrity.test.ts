import { seedEmulator } from '@getimmutable/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkChain,
  checkEvent,
  computeEventHash,
  eventHashInput,
  sha256Hex,
  type AuditEvent,
} from '../src/index.js';
import { ImmutableClient } from '../src/server.js';
import { API_KEY, startEmulator, type RunningEmulator } from './emulator.js';

const SEEDED = 3000;
let running: RunningEmulator;
const events: AuditEvent[] = [];

beforeAll(async () => {
  running = await startEmulator();
  seedEmulator(running.emulator, SEEDED, { endMs: Date.now() - 60_000 });
  const client = new ImmutableClient({ apiKey: API_KEY, baseUrl: running.url });
  let cursor: string | undefined;
  do {
    const page = await client.getEvents({ limit: 100, cursor });
    events.push(...page.data);
    cursor = page.pagination.next_cursor ?? undefined;
  } while (cursor);
});

afterAll(() => running.stop());

describe('computeEventHash against the emulator', () => {
  it('reads every seeded event over HTTP', () => {
    expect(events).toHaveLength(SEEDED);
  });

  it("equals the emulator's event_hash on every seeded event", () => {
    const wrong = events.filter((e) => computeEventHash(e) !== e.integrity.event_hash);
    expect(wrong.map((e) => e.id)).toEqual([]);
  });

  it('gives the same hash through the pure-TS SHA-256 the browser uses', () => {
    const wrong = events.filter((e) => sha256Hex(eventHashInput(e)) !== e.integrity.event_hash);
    expect(wrong.map((e) => e.id)).toEqual([]);
  });

  it('hashes the same when nested keys are not in JCS order (the general path)', () => {
    const event = structuredClone(events.find((e) => Object.keys(e.metadata).length > 1)!);
    event.metadata = Object.fromEntries(Object.entries(event.metadata).reverse());
    event.context = event.context && {
      country: event.context.country,
      user_agent: event.context.user_agent,
      ip_address: event.context.ip_address,
    };
    expect(computeEventHash(event)).toBe(event.integrity.event_hash);
  });

  it('ignores unknown top-level fields and key order of the event itself', () => {
    const event = structuredClone(events[0]!);
    const shuffled = {
      extra: 'not hashed',
      ...Object.fromEntries(Object.entries(event).reverse()),
    } as unknown as AuditEvent;
    expect(computeEventHash(shuffled)).toBe(event.integrity.event_hash);
  });
});

describe('checkEvent', () => {
  it('passes every seeded event', () => {
    expect(events.every((e) => checkEvent(e).ok)).toBe(true);
  });

  it('reports a changed field as hash_mismatch with both hashes', () => {
    const event = { ...events[0]!, action: 'document.deleted' };
    const result = checkEvent(event);
    expect(result).toMatchObject({
      id: event.id,
      ok: false,
      status: 'hash_mismatch',
      actual: event.integrity.event_hash,
    });
    expect(result.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(result.expected).not.toBe(result.actual);
  });

  it('reports a changed sequence or previous hash as hash_mismatch', () => {
    const event = events[0]!;
    expect(
      checkEvent({
        ...event,
        integrity: { ...event.integrity, sequence: event.integrity.sequence + 1 },
      }).status,
    ).toBe('hash_mismatch');
    expect(
      checkEvent({
        ...event,
        integrity: { ...event.integrity, previous_event_hash: 'f'.repeat(64) },
      }).status,
    ).toBe('hash_mismatch');
  });

  it('never throws on odd input and calls it malformed', () => {
    const odd: unknown[] = [
      null,
      undefined,
      42,
      'event',
      [],
      {},
      { id: 'x' },
      { id: 'x', integrity: null },
      { ...events[0]!, metadata: { n: Number.NaN } },
      { ...events[0]!, metadata: { n: 10n } },
    ];
    for (const value of odd) {
      const result = checkEvent(value as AuditEvent);
      expect(result.ok).toBe(false);
      expect(result.status).toBe('malformed');
    }
  });
});

describe('checkChain', () => {
  it('links every seeded event to its predecessor, across tenants, in any order', () => {
    const results = checkChain(events);
    expect(results).toHaveLength(SEEDED);
    expect(results.filter((r) => r.status !== 'linked')).toEqual([]);
  });

  it('says unknown when the predecessor is not among the events given', () => {
    const first = events.find((e) => e.integrity.sequence > 1)!;
    expect(checkChain([first])[0]).toMatchObject({
      id: first.id,
      status: 'unknown',
      expected: null,
    });
  });

  it('finds a broken link and names the expected and actual hashes', () => {
    const tenantEvents = events.filter((e) => e.tenant_id === events[0]!.tenant_id).slice(0, 3);
    const [newest, middle] = tenantEvents;
    const forged = {
      ...newest!,
      integrity: { ...newest!.integrity, previous_event_hash: 'b'.repeat(64) },
    };
    const results = checkChain([forged, middle!, tenantEvents[2]!]);
    expect(results[0]).toMatchObject({
      status: 'broken',
      expected: middle!.integrity.event_hash,
      actual: 'b'.repeat(64),
    });
    expect(results[1]!.status).toBe('linked');
  });

  it('requires a null previous hash at sequence 1', () => {
    const base = events.find((e) => e.integrity.sequence === 1)!;
    expect(checkChain([base])[0]!.status).toBe('linked');
    const forged = {
      ...base,
      integrity: { ...base.integrity, previous_event_hash: 'c'.repeat(64) },
    };
    expect(checkChain([forged])[0]!.status).toBe('broken');
  });

  it('never throws on odd input and marks those entries malformed', () => {
    const odd = [
      null,
      7,
      { id: 'x', integrity: { sequence: 'one' } },
      events[0],
    ] as unknown as AuditEvent[];
    const results = checkChain(odd);
    expect(results.map((r) => r.status)).toEqual([
      'malformed',
      'malformed',
      'malformed',
      expect.stringMatching(/linked|unknown/),
    ]);
    expect(results[2]!.id).toBe('x');
    expect(checkChain('nope' as unknown as AuditEvent[])).toEqual([]);
  });
});
