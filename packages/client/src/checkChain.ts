import type { AuditEvent } from '@getimmutable/contract';

export interface ChainLinkCheck {
  id: string | null;
  sequence: number | null;
  /**
   * `linked`: its `previous_event_hash` is its predecessor's `event_hash` (or null at sequence 1);
   * `broken`: it is not; `unknown`: the predecessor is not among the events given;
   * `malformed`: not an event with integrity fields.
   */
  status: 'linked' | 'broken' | 'unknown' | 'malformed';
  /** The predecessor's `event_hash` (null at sequence 1, or when unknown). */
  expected: string | null;
  /** The event's own `previous_event_hash`. */
  actual: string | null;
}

/**
 * Do consecutive sequences link? Events may come in any order (a page is newest first) and from
 * several tenants (each has its own chain). One result per event, in input order; never throws.
 */
export function checkChain(events: readonly AuditEvent[]): ChainLinkCheck[] {
  const list: readonly unknown[] = Array.isArray(events) ? events : [];
  const byChain = new Map<string, Map<number, string>>();
  const read = (value: unknown) => {
    const e = value as Partial<AuditEvent> | null;
    const integrity = typeof e === 'object' && e !== null ? e.integrity : undefined;
    if (typeof integrity !== 'object' || integrity === null) return null;
    const { sequence, event_hash, previous_event_hash } = integrity;
    if (!Number.isSafeInteger(sequence) || sequence < 1 || typeof event_hash !== 'string')
      return null;
    if (previous_event_hash !== null && typeof previous_event_hash !== 'string') return null;
    const chain = typeof e!.tenant_id === 'string' ? `t:${e!.tenant_id}` : 'none';
    return {
      id: typeof e!.id === 'string' ? e!.id : null,
      chain,
      sequence,
      event_hash,
      previous_event_hash,
    };
  };
  const parsed = list.map(read);
  for (const p of parsed) {
    if (!p) continue;
    let hashes = byChain.get(p.chain);
    if (!hashes) byChain.set(p.chain, (hashes = new Map()));
    hashes.set(p.sequence, p.event_hash);
  }
  return parsed.map((p, i): ChainLinkCheck => {
    if (!p) {
      const e = list[i] as { id?: unknown } | null;
      const id = typeof e === 'object' && e !== null && typeof e.id === 'string' ? e.id : null;
      return { id, sequence: null, status: 'malformed', expected: null, actual: null };
    }
    const base = { id: p.id, sequence: p.sequence, actual: p.previous_event_hash };
    if (p.sequence === 1) {
      return {
        ...base,
        expected: null,
        status: p.previous_event_hash === null ? 'linked' : 'broken',
      };
    }
    const expected = byChain.get(p.chain)?.get(p.sequence - 1);
    if (expected === undefined) return { ...base, expected: null, status: 'unknown' };
    return { ...base, expected, status: expected === p.previous_event_hash ? 'linked' : 'broken' };
  });
}
