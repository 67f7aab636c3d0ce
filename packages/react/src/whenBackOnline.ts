/**
 * Runs `retry` once, when the browser next comes back online: for code that could not load (a
 * dropped network). Call it from the failure itself, not from an effect after the failure's
 * render: an `online` event that came between the two would be missed, and the part would stay
 * unloaded until a reload. Returns a function that stops listening.
 */
export function whenBackOnline(retry: () => void): () => void {
  window.addEventListener('online', retry, { once: true });
  return () => window.removeEventListener('online', retry);
}
