import { ImmutableError, isImmutableError } from './ImmutableError.js';
import { readJwtClaims } from './readJwtClaims.js';
import type { Credentials } from './transport.js';
import type { ViewerToken } from '@getimmutable/contract';

/** Refresh when fewer than this many ms of a token's life remain. */
const REFRESH_MARGIN_MS = 30_000;
/** After a failed refresh while the held token still works: the first pause before trying again (doubling). */
const REFRESH_BACKOFF_MS = 1_000;

export interface TokenSourceOptions {
  token?: string | undefined;
  getToken?: ((options: { signal: AbortSignal }) => Promise<string | ViewerToken>) | undefined;
  /** How long `getToken` may take before the wait fails (its signal aborts). @default 30000 */
  timeoutMs?: number | undefined;
  now?: () => number;
}

/** Refuses an API key: it grants everything and must never reach a browser. */
export function assertNotApiKey(token: string): void {
  if (token.startsWith('imk_')) {
    throw new ImmutableError(
      'imk_ API keys never belong in a browser: mint a viewer token on your backend (createViewerToken) and pass it as token or getToken.',
      0,
      'api_key_in_browser',
    );
  }
}

/** The `exp` claim of a JWT in ms, or null. */
function readJwtExpiry(token: string): number | null {
  const exp = readJwtClaims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : null;
}

/**
 * A viewer token kept fresh: `getToken` is called when none is held, when fewer than 30 s
 * remain, or after a 401 `token_expired`; concurrent callers share one call. When a refresh
 * ahead of expiry fails, the held token is used while it lasts and the refresh is tried again
 * after a pause that doubles (1 s, 2 s, 4 s… at most the margin).
 */
export function createTokenSource(options: TokenSourceOptions): Credentials {
  const now = options.now ?? Date.now;
  const { getToken } = options;
  let current: { token: string; expiresAt: number | null } | null = null;
  let pending: Promise<string> | null = null;
  let failures = 0;
  let retryAt = 0;
  if (options.token !== undefined) {
    assertNotApiKey(options.token);
    current = { token: options.token, expiresAt: readJwtExpiry(options.token) };
  }

  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchToken = (): Promise<string> =>
    (pending ??= (async () => {
      try {
        // Bounded: every request waits on this one call, so a token endpoint that never answers
        // would otherwise hold them all for the life of the page.
        const signal = AbortSignal.timeout(timeoutMs);
        const result = await Promise.race([
          Promise.resolve({ signal }).then(getToken),
          // A listener, not `onabort`, which the caller's getToken may set for itself.
          new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () =>
              reject(new Error(`getToken did not answer in ${timeoutMs} ms`)),
            ),
          ),
        ]);
        const token = typeof result === 'string' ? result : result?.token;
        if (typeof token !== 'string' || token === '') {
          throw new TypeError('getToken must resolve to a token string or { token, expires_at }');
        }
        assertNotApiKey(token);
        const expiresAt =
          typeof result === 'object' && typeof result.expires_at === 'number'
            ? result.expires_at * 1000
            : readJwtExpiry(token);
        current = { token, expiresAt };
        failures = 0;
        retryAt = 0;
        return token;
      } catch (cause) {
        retryAt = now() + Math.min(REFRESH_MARGIN_MS, REFRESH_BACKOFF_MS * 2 ** failures++);
        if (isImmutableError(cause)) throw cause;
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new ImmutableError(
          `Could not get a viewer token: ${reason}`,
          0,
          'token_refresh_failed',
          null,
          { cause },
        );
      } finally {
        pending = null;
      }
    })());

  return {
    get() {
      if (
        current &&
        (!getToken || current.expiresAt === null || current.expiresAt - now() >= REFRESH_MARGIN_MS)
      ) {
        return current.token;
      }
      // Ahead of expiry a failed refresh must not fail requests the held token can still make.
      if (current && current.expiresAt !== null && current.expiresAt > now()) {
        const held = current.token;
        if (now() < retryAt) return held;
        return fetchToken().catch(() => held);
      }
      return fetchToken();
    },
    async refresh(stale) {
      if (!getToken) return null;
      if (current && current.token !== stale) return current.token;
      return fetchToken();
    },
  };
}
