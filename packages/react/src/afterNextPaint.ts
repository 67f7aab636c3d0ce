/**
 * Runs `work` as soon as the next frame has painted: a frame, then a task (a timeout alone where
 * there are no frames). Sooner than idle time, which a busy page may put off for hundreds of
 * milliseconds. Returns a function that cancels it.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => (timer = setTimeout(work, 0)))
      : ((timer = setTimeout(work, 0)), undefined);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
