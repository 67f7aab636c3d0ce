import { useSyncExternalStore } from 'react';

/** One shared clock for relative times ("3 minutes ago"), ticking while anything listens. */
const TICK_MS = 30_000;
/** How stale a clock that nobody listens to may read before it is brought up to date. */
const STALE_MS = 1000;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    // The render before this subscription read the time (getNow): setting it again here would
    // change the snapshot and render every listener once more before the first paint.
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The clock's time. One that slept while nobody listened is brought up to date when it is read —
 * the first render of a listener — and stays put within STALE_MS, so the reads of one render agree
 * (React requires it) and the subscription that follows finds nothing changed.
 */
const getNow = () => {
  if (timer === undefined && Date.now() - now > STALE_MS) now = Date.now();
  return now;
};

/**
 * The current time in ms, updated every 30 s; never before `atLeast`, so a time the server
 * stamped a moment ago never reads as "in 2 seconds" on a clock that lags.
 */
export function useNow(atLeast = 0): number {
  return Math.max(useSyncExternalStore(subscribe, getNow, getNow), atLeast);
}
