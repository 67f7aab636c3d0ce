import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_KIND,
  compareCheckpoint,
  parseCheckpoint,
  type AuditEvent,
  type Checkpoint,
} from '../src/index.js';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

const checkpoint: Checkpoint = {
  kind: CHECKPOINT_KIND,
  version: 1,
  scope: { base_url: 'http://127.0.0.1:1', tenant_id: 'org_1', actor_id: null },
  head: { sequence: 10, event_hash: HASH_A },
  event: null,
  verified_at: '2026-03-01T00:00:00.000Z',
};

describe('compareCheckpoint', () => {
  it('finds nothing when the chain has grown past the head', () => {
    expect(
      compareCheckpoint(checkpoint, { head: { sequence: 12, event_hash: HASH_B }, event: null }),
    ).toBeNull();
  });

  it('names a chain that got shorter, sequences as expected and actual', () => {
    expect(
      compareCheckpoint(checkpoint, { head: { sequence: 7, event_hash: HASH_B }, event: null }),
    ).toEqual({
      reason: 'chain_shorter',
      event_id: null,
      sequence: 10,
      expected: '10',
      actual: '7',
    });
    expect(compareCheckpoint(checkpoint, { head: null, event: null })).toMatchObject({
      reason: 'chain_shorter',
      actual: '0',
    });
  });

  it('names a head at the same sequence with another hash', () => {
    expect(
      compareCheckpoint(checkpoint, { head: { sequence: 10, event_hash: HASH_B }, event: null }),
    ).toMatchObject({ reason: 'head_changed', expected: HASH_A, actual: HASH_B });
  });

  it('re-hashes the checkpointed event: a stored hash kept over changed content is caught', () => {
    const event = {
      id: 'evt_1',
      integrity: { sequence: 10, event_hash: HASH_A, previous_event_hash: null },
    } as unknown as AuditEvent;
    const withEvent = { ...checkpoint, event: { id: 'evt_1', sequence: 10, event_hash: HASH_A } };
    const change = compareCheckpoint(withEvent, { head: checkpoint.head, event });
    expect(change).toMatchObject({ reason: 'event_changed', expected: HASH_A });
    expect(change?.actual).toMatch(/^[0-9a-f]{64}$/);
    expect(change?.actual).not.toBe(HASH_A);
  });
});

describe('parseCheckpoint', () => {
  const valid = JSON.parse(JSON.stringify(checkpoint)) as Record<string, unknown>;

  it('reads a receipt written by JSON.stringify', () => {
    expect(parseCheckpoint(valid)).toEqual(checkpoint);
  });

  it.each([
    [{ ...valid, kind: 'other' }, 'kind'],
    [{ ...valid, head: { sequence: 0, event_hash: HASH_A } }, 'head.sequence'],
    [{ ...valid, head: { sequence: 3, event_hash: 'ABC' } }, 'head.event_hash'],
    [{ ...valid, scope: { base_url: '', tenant_id: 'x' } }, 'scope.base_url'],
    [{ ...valid, verified_at: 'yesterday' }, 'verified_at'],
    [{ ...valid, event: { id: 'e', sequence: 11, event_hash: HASH_A } }, 'event.sequence'],
    [[], 'the file'],
  ])('names the wrong field (%#: %s)', (value, field) => {
    expect(() => parseCheckpoint(value)).toThrow(new RegExp(`: ${field.replace('.', '\\.')} `));
  });
});
