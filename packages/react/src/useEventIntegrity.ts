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
export function useEventIntegrity(options: UseEventIntegrityOptions): EventIntegrity;
/** @deprecated Pass `{ event, previous }`: `useEventIntegrity({ event, previous })`. */
export function useEventIntegrity(
  event: AuditEvent | null | undefined,
  previous?: AuditEvent | null,
): EventIntegrity;
export function useEventIntegrity(
  first: UseEventIntegrityOptions | AuditEvent | null | undefined,
  second?: AuditEvent | null,
): EventIntegrity {
  const { event, previous = null } =
    first && !isAuditEvent(first) ? first : { event: first, previous: second };
  return useMemo(() => {
    if (!event) return { hash: null, link: null };
    const links = checkChain(previous ? [event, previous] : [event]);
    return { hash: checkEventOnce(event), link: links[0] ?? null };
  }, [event, previous]);
}

const isAuditEvent = (value: UseEventIntegrityOptions | AuditEvent): value is AuditEvent =>
  'integrity' in value;

/**
 * Per-row checks for a list, by event id (the client's IntegrityIndex: links checked at once,
 * hashes only as rows read them). A new list makes a new index; the same list keeps it.
 */
export function useIntegrityChecks(
  events: readonly AuditEvent[],
): ReadonlyMap<string, IntegrityCheck> {
  return useMemo(() => new IntegrityIndex(events), [events]);
}
