/**
 * The story API: one MSW handler that hands every request for API_BASE to a story server — the
 * real emulator in the page (fixtures.ts) — and answers with what it answers. Around it, only
 * what a server cannot be asked to do: fault injection (latency, a stalled endpoint, 500s, a
 * refused connection) and a server clock that says a token has expired before its `exp`.
 */
import type { SetupWorker } from 'msw/browser';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { mintViewerToken } from '@getimmutable/emulator/browser';
import { API_BASE, expiredJtis, loadServer, STORY_API_KEY, type ServerName } from './fixtures.js';

/**
 * Tokens whose `jti` names a scenario get it from the default handler, so one story can show
 * several states side by side (each panel under its own client and token).
 */
export const SCENARIO_JTI = {
  loading: 'story-loading',
  error: 'story-error',
  broken: 'story-broken',
} as const;

export interface Faults {
  /** Pause before every answer, in ms, so progress and loading states show. */
  latencyMs?: number;
  /** Polls of an export (`GET /exports/:id`) never answer: the job looks forever unfinished. */
  stallExportPolls?: boolean;
}

const unavailable = () =>
  HttpResponse.json(
    { message: 'The audit service is unavailable (HTTP 500).', code: 'server_error' },
    { status: 500 },
  );

/** The claims of the request's bearer token (read only to route it; the emulator verifies it). */
function claimsOf(request: Request): Record<string, unknown> | null {
  const token = /^Bearer (\S+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const text = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * A token the story treats as expired, swapped for the same claims already past their `exp`:
 * the emulator then refuses it as it refuses any expired token (401 token_expired).
 */
function expire(request: Request, claims: Record<string, unknown>): Request {
  const token = mintViewerToken(
    STORY_API_KEY,
    { tenant_id: String(claims.tenant_id), actor_id: (claims.actor_id as string) ?? null },
    { expiresAt: Math.floor(Date.now() / 1000) - 60 },
  );
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

/** Every request for API_BASE, answered by the named story server (with `faults`). */
function apiHandlers(name: ServerName = 'seed', faults: Faults = {}): HttpHandler[] {
  return [
    http.all(`${API_BASE}/*`, async ({ request }) => {
      const claims = claimsOf(request);
      const jti = typeof claims?.jti === 'string' ? claims.jti : null;
      if (jti === SCENARIO_JTI.loading) await delay('infinite');
      if (jti === SCENARIO_JTI.error) return unavailable();
      const { emulator } = await loadServer(jti === SCENARIO_JTI.broken ? 'broken' : name);
      if (faults.latencyMs) await delay(faults.latencyMs);
      const path = new URL(request.url).pathname;
      if (faults.stallExportPolls && /^\/api\/v1\/exports\/[^/]+$/.test(path)) {
        await delay('infinite');
      }
      return emulator.fetch(
        claims && jti && expiredJtis.has(jti) ? expire(request, claims) : request,
      );
    }),
  ];
}

/**
 * A story's `beforeEach`: its server made (so render and play can read it with `server(name)`)
 * and answering every request.
 */
export const withServer =
  (name: ServerName, faults: Faults = {}) =>
  // Generic over the story's context (whatever its args); `msw` is msw-storybook-addon's worker.
  async <Context extends object>(context: Context) => {
    await loadServer(name);
    (context as Context & { msw: SetupWorker }).msw.use(...apiHandlers(name, faults));
  };

/**
 * A `beforeEach` that makes servers the story's panels reach by token (SCENARIO_JTI.broken)
 * before it renders, so no wait of its play function includes making one.
 */
export const preloadServers =
  (...names: ServerName[]) =>
  async () => {
    await Promise.all(names.map(loadServer));
  };

/** Every request (of `method`, or all) answers after `ms` (default: never), for loading states. */
export function loadingHandlers(
  ms: number | 'infinite' = 'infinite',
  method: 'get' | 'post' | 'all' = 'all',
): HttpHandler[] {
  return [
    http[method](`${API_BASE}/*`, async () => {
      await delay(ms);
      return HttpResponse.json(
        { message: 'Timed out in a story.', code: 'server_error' },
        { status: 503 },
      );
    }),
  ];
}

/** Every request fails: a 500 from the service, or a refused connection (a network error). */
export function errorHandlers(kind: 'server' | 'refused' = 'server'): HttpHandler[] {
  return [
    http.all(`${API_BASE}/*`, () => (kind === 'refused' ? HttpResponse.error() : unavailable())),
  ];
}
