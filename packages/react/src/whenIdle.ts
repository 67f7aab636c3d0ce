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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    const end = performance.now() + FALLBACK_SLICE_MS;
    work({ timeRemaining: () => Math.max(0, end - performance.now()) });
  };
  // A frame first (when there are frames), so the timeout falls after that frame's paint.
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => (timer = setTimeout(run, 0)))
      : ((timer = setTimeout(run, 0)), undefined);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
