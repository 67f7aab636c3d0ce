import { checkChain, checkEvent, type AuditEvent, type ChainLinkCheck, type EventCheck } from '@getimmutable/client';
import { useMemo } from 'react';

/** Recomputes one event's hash here, in the browser, and (given its predecessor) checks the link. */
export function useEventIntegrity(
  event: AuditEvent | null | undefined,
  previous?: AuditEvent | null,
): { hash: EventCheck | null; link: ChainLinkCheck | null } {
  return useMemo(() => {
    if (!event) return { hash: null, link: null };
    const hash = checkEvent(event);
    const links = checkChain(previous ? [event, previous] : [event]);
    return { hash, link: links[0] ?? null };
  }, [event, previous]);
}

/** Per-row checks for a list: hash always; the link only where the predecessor is in the list. */
export function useIntegrityChecks(events: readonly AuditEvent[]): Map<string, { hash: EventCheck; link: ChainLinkCheck }> {
  return useMemo(() => {
    const links = checkChain(events);
    const out = new Map<string, { hash: EventCheck; link: ChainLinkCheck }>();
    events.forEach((event, i) => out.set(event.id, { hash: checkEvent(event), link: links[i]! }));
    return out;
  }, [events]);
}
