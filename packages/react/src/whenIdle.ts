import { afterNextPaint } from './afterNextPaint.js';

/** What idle work may read: how much of this idle period is left, in ms. */
export interface IdleDeadline {
  timeRemaining(): number;
}

/** The budget of one slice where the browser gives no idle periods (Safari, jsdom). */
const FALLBACK_SLICE_MS = 8;
/** Idle work still runs this long after it was asked for, on a page that is never idle. */
const IDLE_TIMEOUT_MS = 300;

/**
 * Runs `work` after the next paint, when the browser is idle: for what must not delay the first
 * rows on screen (integrity checks, the first Intl formatter). `requestIdleCallback` where there
 * is one; elsewhere a timeout after the next frame. Returns a function that cancels it.
 */
export function whenIdle(work: (deadline: IdleDeadline) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  return afterNextPaint(() => {
    const end = performance.now() + FALLBACK_SLICE_MS;
    work({ timeRemaining: () => Math.max(0, end - performance.now()) });
  });
}
