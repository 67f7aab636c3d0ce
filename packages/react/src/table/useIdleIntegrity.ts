import type { AuditEvent, IntegrityCheck, IntegrityIndex } from '@getimmutable/client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { onDemand } from '../onDemand/onDemand.js';
import { whenBackOnline } from '../whenBackOnline.js';
import { whenIdle } from '../whenIdle.js';

/** The checks' code (see onDemand.ts). */
const integrityPart = onDemand(() => import('./integrityIndex.js'));

export interface IdleIntegrity {
  /** The rows' checks by event id; a row without one yet is absent. */
  checks: ReadonlyMap<string, IntegrityCheck>;
  /**
   * The checks' code could not load: the rows without a check are not being checked, and say so
   * rather than "Verifying…" for ever. It is tried again when the browser comes back online.
   */
  unavailable: boolean;
}

/** A row's check, and the list it was computed in (its link depends on that list). */
interface Entry {
  list: readonly AuditEvent[];
  check: IntegrityCheck | undefined;
}

/**
 * The integrity checks of the rows in the DOM, by event id, computed after the rows paint, in
 * idle time: hashing each event (SHA-256 over its canonical JSON) and linking every loaded event
 * would otherwise come before the first rows show. A row without its check yet is absent from
 * the map (the table shows it as pending); the table renders again as checks arrive, one slice
 * of idle time at a time.
 *
 * The checks' code loads on demand (integrityIndex.ts), when there are rows to check. If it
 * cannot load (the network dropped), `unavailable` says so: nothing is said to be checked.
 *
 * Checks are kept by event object, for the rows in the DOM only (a bounded map, however far a
 * long list scrolls). A new list (a refetch, the next page) keeps showing the checks of events it
 * still holds as the same objects, so marks do not flicker back to pending: query results keep
 * unchanged events' objects, so the hash is exact; the link is the old list's until the new list
 * is checked, in the next idle time.
 *
 * @param events every loaded event (a link needs the neighbour, on screen or not)
 * @param start `events.slice(start, end)` are the rows in the DOM
 */
export function useIdleIntegrity(
  events: readonly AuditEvent[],
  start: number,
  end: number,
): IdleIntegrity {
  const [checked, setChecked] = useState<ReadonlyMap<AuditEvent, Entry>>(() => new Map());
  // Bumped when the browser comes back online after the code failed to load: a new attempt.
  const [attempt, setAttempt] = useState(0);
  // The attempt whose load failed: no other until the next one (rows that change as a list
  // scrolls would otherwise fetch the file again at every step).
  const [failedAttempt, setFailedAttempt] = useState<number | null>(null);
  const unavailable = failedAttempt !== null;
  // One index per list, made in idle time: its constructor links every loaded event.
  const index = useRef<{ list: readonly AuditEvent[]; index: IntegrityIndex } | null>(null);
  // Listening for the browser coming back online, from a failed load on: it outlives the effect
  // run that failed (the rows change as a list scrolls), so it is kept here, and stopped on
  // unmount.
  const stopListening = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      stopListening.current?.();
      stopListening.current = null;
    },
    [],
  );

  useEffect(() => {
    const shown = events.slice(start, end);
    const todo = shown.filter((event) => checked.get(event)?.list !== events);
    if (todo.length === 0 || failedAttempt === attempt) return;
    let cancelIdle: (() => void) | undefined;
    let cancelled = false;
    integrityPart.load().then(
      ({ IntegrityIndex: Index }) => {
        if (cancelled) return;
        // Only after a failure: setting the same value still renders the table once more.
        if (failedAttempt !== null) setFailedAttempt(null);
        cancelIdle = whenIdle((deadline) => {
          if (index.current?.list !== events)
            index.current = { list: events, index: new Index(events) };
          const next = new Map<AuditEvent, Entry>();
          for (const event of shown) {
            const entry = checked.get(event);
            if (entry) next.set(event, entry);
          }
          for (const event of todo) {
            next.set(event, { list: events, check: index.current.index.get(event.id) });
            // One row at least per slice, then only while the idle period lasts.
            if (deadline.timeRemaining() <= 0) break;
          }
          setChecked(next);
        });
      },
      () => {
        if (cancelled) return;
        stopListening.current?.();
        stopListening.current = whenBackOnline(() => {
          stopListening.current = null;
          setAttempt((n) => n + 1);
        });
        setFailedAttempt(attempt);
      },
    );
    return () => {
      cancelled = true;
      cancelIdle?.();
    };
  }, [events, start, end, checked, attempt, failedAttempt]);

  const checks = useMemo(() => {
    const byId = new Map<string, IntegrityCheck>();
    for (const event of events.slice(start, end)) {
      const check = checked.get(event)?.check;
      if (check) byId.set(event.id, check);
    }
    return byId;
  }, [checked, events, start, end]);
  return useMemo(() => ({ checks, unavailable }), [checks, unavailable]);
}
