/** Small helpers shared by the stories' play functions and parameters. */
import { fn } from 'storybook/test';
import { expiredJtis, STALE_JTI, viewerToken } from './fixtures.js';
import type { ViewerParameters } from './withViewer.js';

/** Rows of the audit table that hold an event (not skeleton or spacer rows). */
export const eventRows = (root: HTMLElement): HTMLElement[] =>
  Array.from(root.querySelectorAll<HTMLElement>('tr[data-event-id]'));

/** The document's body: portalled parts (the drawer) render there, outside the story canvas. */
export const page = (canvasElement: HTMLElement): HTMLElement => canvasElement.ownerDocument.body;

/** Viewer parameters for "the server says the token expired; the refresh succeeds". */
export function expiredTokenViewer(): ViewerParameters & { getToken: ReturnType<typeof fn> } {
  return {
    // exp is far away, so the client trusts it until the server answers 401 token_expired.
    token: viewerToken({ jti: STALE_JTI }),
    getToken: fn(async () => viewerToken({ jti: 'refreshed-token' })).mockName('getToken'),
  };
}

/**
 * Viewer parameters for "the token is good until `expire()` is called, then the server says it
 * expired; the refresh succeeds".
 */
export function expiringTokenViewer(): ViewerParameters & {
  getToken: ReturnType<typeof fn>;
  expire: () => void;
  /** Good again (for the next run of the story). */
  reset: () => void;
} {
  const jti = `expiring-${Math.random().toString(36).slice(2)}`;
  return {
    token: viewerToken({ jti }),
    getToken: fn(async () => viewerToken({ jti: 'refreshed-token' })).mockName('getToken'),
    expire: () => expiredJtis.add(jti),
    reset: () => expiredJtis.delete(jti),
  };
}

/** Errors show at once: the client's GET retries (with backoff) are off. */
export const failFast: ViewerParameters = { retry: false };
