import { computeEventHash } from './computeEventHash.js';
import type { AuditEvent } from '@getimmutable/contract';

export interface EventCheck {
  /** The event's id, or null when it has none. */
  id: string | null;
  /** True when the content hashes to the stored `event_hash`. */
  ok: boolean;
  /** `valid`; `hash_mismatch` (content or hash altered); `malformed` (not an event: nothing to hash). */
  status: 'valid' | 'hash_mismatch' | 'malformed';
  /** The recomputed hash (null when malformed). */
  expected: string | null;
  /** The stored `integrity.event_hash` (null when absent). */
  actual: string | null;
}

/** Does the event's content match its `event_hash`? Never throws; odd input is `malformed`. */
export function checkEvent(event: AuditEvent): EventCheck {
  const e = event as Partial<AuditEvent> | null;
  const id = typeof e === 'object' && e !== null && typeof e.id === 'string' ? e.id : null;
  const stored =
    id !== null && typeof e?.integrity === 'object' && e.integrity !== null
      ? e.integrity.event_hash
      : null;
  const actual = typeof stored === 'string' ? stored : null;
  let expected: string | null = null;
  try {
    if (actual !== null) expected = computeEventHash(event);
  } catch {
    // content JSON cannot hold (a NaN, a bigint…): cannot be the server's event
  }
  if (expected === null) return { id, ok: false, status: 'malformed', expected, actual };
  const ok = expected === actual;
  return { id, ok, status: ok ? 'valid' : 'hash_mismatch', expected, actual };
}
