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

export interface UseEventIntegrityOptions {
  /** The event to check; `null` or absent: nothing is checked. */
  event: AuditEvent | null | undefined;
  /** The event before it in its chain (sequence − 1), to check the link. @default null */
  previous?: AuditEvent | null;
}

/** One event's checks, recomputed in the browser (synchronous: there is no `status`). */
export interface EventIntegrity {
  /** Its hash against its content; null without an event. */
  hash: EventCheck | null;
  /** Its link to `previous`; null without an event. */
  link: ChainLinkCheck | null;
}

/**
 * Recomputes one event's hash here, in the browser, and (given its predecessor) checks the link.
 * @example const { hash, link } = useEventIntegrity({ event, previous });
 */
export function useEventIntegrity({
  event,
  previous = null,
}: UseEventIntegrityOptions): EventIntegrity {
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
