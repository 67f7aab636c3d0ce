import {
  IntegrityIndex,
  checkChain,
  checkEventOnce,
  type AuditEvent,
  type ChainLinkCheck,
  type EventCheck,
  type IntegrityCheck,
} from '@getimmutable/client';
import { useMemo } from 'react';

export type { IntegrityCheck };

/** Recomputes one event's hash here, in the browser, and (given its predecessor) checks the link. */
export function useEventIntegrity(
  event: AuditEvent | null | undefined,
  previous?: AuditEvent | null,
): { hash: EventCheck | null; link: ChainLinkCheck | null } {
  return useMemo(() => {
    if (!event) return { hash: null, link: null };
    const links = checkChain(previous ? [event, previous] : [event]);
    return { hash: checkEventOnce(event), link: links[0] ?? null };
  }, [event, previous]);
}

/**
 * Per-row checks for a list, by event id (the client's IntegrityIndex: links checked at once,
 * hashes only as rows read them). A new list makes a new index; the same list keeps it.
 */
export function useIntegrityChecks(
  events: readonly AuditEvent[],
): ReadonlyMap<string, IntegrityCheck> {
  return useMemo(() => new IntegrityIndex(events), [events]);
}
