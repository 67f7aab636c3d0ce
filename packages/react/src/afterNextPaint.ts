/**
 * Runs `work` as soon as the next frame has painted: a frame, then a task (a timeout alone where
 * there are no frames). Sooner than idle time, which a busy page may put off for hundreds of
 * milliseconds. Returns a function that cancels it.
 * @param inFrame runs in that frame before its layout: a layout it reads is the one the frame
 *   paints, not one more (read after the paint, a task may have changed the page since)
 */
export function afterNextPaint(work: () => void, inFrame?: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => {
          inFrame?.();
          timer = setTimeout(work, 0);
        })
      : (inFrame?.(), (timer = setTimeout(work, 0)), undefined);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
