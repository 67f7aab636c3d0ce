import { useSyncExternalStore } from 'react';

/** One shared clock for relative times ("3 minutes ago"), ticking while anything listens. */
const TICK_MS = 30_000;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    // A clock that slept while nobody listened starts from the real time again.
    now = Date.now();
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

const getNow = () => now;

/**
 * The current time in ms, updated every 30 s; never before `atLeast`, so a time the server
 * stamped a moment ago never reads as "in 2 seconds" on a clock that lags.
 */
export function useNow(atLeast = 0): number {
  return Math.max(useSyncExternalStore(subscribe, getNow, getNow), atLeast);
}
