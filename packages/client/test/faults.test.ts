import { afterEach, describe, expect, it, vi } from 'vitest';
import { createViewerClient, ImmutableError, isImmutableError } from '../src/index.js';
import { ImmutableClient } from '../src/server.js';
import {
  emptyPage,
  fakeJwt,
  startFakeServer,
  wireEvent,
  type FakeReply,
  type FakeServer,
} from './fakeServer.js';

let fake: FakeServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const start = async (
  reply: (req: { url: string; authorization: string | undefined }, index: number) => FakeReply,
) => (fake = await startFakeServer(reply));
const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;
const expired = (token: string) => ({
  status: 401,
  body: { message: `Expired: ${token}`, code: 'token_expired' },
});
const noDelay = { baseDelayMs: 1, maxDelayMs: 1 };

describe('token refresh', () => {
  it('shares one getToken call between concurrent requests', async () => {
    const server = await start(() => ({ status: 200, body: emptyPage }));
    let calls = 0;
    const getToken = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return fakeJwt({ exp: inOneHour(), n: calls });
    };
    const client = createViewerClient({ baseUrl: server.url, getToken });
    await Promise.all([
      client.events.list(),
      client.events.list(),
      client.alerts.list(),
      client.verify().catch(() => null),
    ]);
    expect(calls).toBe(1);
    expect(new Set(server.requests.map((r) => r.authorization)).size).toBe(1);
  });

  it('refreshes once for two concurrent token_expired answers and retries both', async () => {
    const old = fakeJwt({ exp: inOneHour(), v: 'old' });
    const fresh = fakeJwt({ exp: inOneHour(), v: 'new' });
    const server = await start((req) =>
      req.authorization === `Bearer ${old}` ? expired('old') : { status: 200, body: emptyPage },
    );
    const getToken = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return fresh;
    });
    const client = createViewerClient({ baseUrl: server.url, token: old, getToken });
    const [a, b] = await Promise.all([client.events.list(), client.events.list({ action: 'x' })]);
    expect(a).toEqual(emptyPage);
    expect(b).toEqual(emptyPage);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(server.requests.filter((r) => r.authorization === `Bearer ${fresh}`)).toHaveLength(2);
  });

  it('refreshes before sending when fewer than 30 s of the token remain', async () => {
    const server = await start(() => ({ status: 200, body: emptyPage }));
    const nearlyExpired = fakeJwt({ exp: Math.floor(Date.now() / 1000) + 10 });
    const fresh = { token: fakeJwt({ exp: inOneHour() }), expires_at: inOneHour() };
    const getToken = vi.fn(async () => fresh);
    const client = createViewerClient({ baseUrl: server.url, token: nearlyExpired, getToken });
    await client.events.list();
    await client.events.list();
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(server.requests.map((r) => r.authorization)).toEqual([
      `Bearer ${fresh.token}`,
      `Bearer ${fresh.token}`,
    ]);
  });

  it('retries a token_expired request only once', async () => {
    const server = await start(() => expired('always'));
    const getToken = vi.fn(async () => fakeJwt({ exp: inOneHour() }));
    const client = createViewerClient({ baseUrl: server.url, getToken });
    await expect(client.events.list()).rejects.toMatchObject({
      status: 401,
      code: 'token_expired',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('passes token_expired through when there is no getToken to refresh with', async () => {
    const server = await start(() => expired('static'));
    const client = createViewerClient({
      baseUrl: server.url,
      token: fakeJwt({ exp: inOneHour() }),
    });
    await expect(client.events.list()).rejects.toMatchObject({
      status: 401,
      code: 'token_expired',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('turns a failing getToken into token_refresh_failed without sending', async () => {
    const server = await start(() => ({ status: 200, body: emptyPage }));
    const cause = new Error('backend down');
    const client = createViewerClient({
      baseUrl: server.url,
      getToken: () => Promise.reject(cause),
    });
    const error = await client.events.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImmutableError);
    expect(error).toMatchObject({ code: 'token_refresh_failed', status: 0, cause });
    expect(server.requests).toHaveLength(0);
    // A later call tries again rather than replaying the failure.
    await expect(client.events.list()).rejects.toMatchObject({ code: 'token_refresh_failed' });
  });

  it('keeps using a token that still works when its early refresh fails, trying again after a pause', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const server = await start(() => ({ status: 200, body: emptyPage }));
      const held = fakeJwt({ exp: Math.floor(Date.now() / 1000) + 20 });
      const fresh = fakeJwt({ exp: inOneHour() });
      let up = false;
      const getToken = vi.fn(async () => {
        if (!up) throw new Error('POST /api/viewer-token failed (500)');
        return fresh;
      });
      const client = createViewerClient({ baseUrl: server.url, token: held, getToken });

      // Fewer than 30 s left: a refresh is due, fails, and the request goes with the held token.
      await expect(client.events.list()).resolves.toEqual(emptyPage);
      await expect(client.events.list()).resolves.toEqual(emptyPage);
      expect(getToken).toHaveBeenCalledTimes(1); // not again within the pause (1 s)
      vi.setSystemTime(Date.now() + 1_100);
      await client.events.list();
      expect(getToken).toHaveBeenCalledTimes(2);
      vi.setSystemTime(Date.now() + 1_100);
      await client.events.list();
      expect(getToken).toHaveBeenCalledTimes(2); // the pause doubled (2 s)
      expect(server.requests.map((r) => r.authorization)).toEqual(Array(4).fill(`Bearer ${held}`));

      // The token service is back: the next try takes the fresh token.
      up = true;
      vi.setSystemTime(Date.now() + 1_000);
      await client.events.list();
      expect(getToken).toHaveBeenCalledTimes(3);
      expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${fresh}`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails with token_refresh_failed once the held token has expired and no refresh succeeds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const server = await start(() => ({ status: 200, body: emptyPage }));
      const held = fakeJwt({ exp: Math.floor(Date.now() / 1000) + 20 });
      const getToken = vi.fn(() => Promise.reject(new Error('backend down')));
      const client = createViewerClient({ baseUrl: server.url, token: held, getToken });
      await client.events.list();
      vi.setSystemTime(Date.now() + 21_000);
      await expect(client.events.list()).rejects.toMatchObject({ code: 'token_refresh_failed' });
      expect(server.requests).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('retries', () => {
  it('honours Retry-After on a 429 and then succeeds', async () => {
    const server = await start((_req, i) =>
      i === 0
        ? {
            status: 429,
            body: { message: 'Slow down', code: 'rate_limited' },
            headers: { 'Retry-After': '1' },
          }
        : { status: 200, body: emptyPage },
    );
    const onRetry = vi.fn();
    const client = createViewerClient({
      baseUrl: server.url,
      token: 'jwt',
      retry: { baseDelayMs: 10_000, onRetry },
    });
    await expect(client.events.list()).resolves.toEqual(emptyPage);
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ attempt: 1, delayMs: 1000 }));
  });

  it('gives up on a Retry-After longer than the cap', async () => {
    const server = await start(() => ({
      status: 429,
      body: { message: 'Later', code: 'rate_limited' },
      headers: { 'Retry-After': '3600' },
    }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.list()).rejects.toMatchObject({ status: 429, code: 'rate_limited' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET after a 500 and returns the later success', async () => {
    const server = await start((_req, i) =>
      i === 0
        ? { status: 500, body: { message: 'Oops', code: 'server_error' } }
        : { status: 200, body: emptyPage },
    );
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', retry: noDelay });
    await expect(client.events.list()).resolves.toEqual(emptyPage);
    expect(server.requests).toHaveLength(2);
  });

  it('stops after three retries with backoff that grows', async () => {
    const server = await start(() => ({ status: 503, raw: '<html>bad gateway</html>' }));
    const delays: number[] = [];
    const client = createViewerClient({
      baseUrl: server.url,
      token: 'jwt',
      retry: { baseDelayMs: 4, maxDelayMs: 1000, onRetry: ({ delayMs }) => delays.push(delayMs) },
    });
    const error = await client.events.list().catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 503,
      code: 'server_error',
      response_data: '<html>bad gateway</html>',
    });
    expect(server.requests).toHaveLength(4);
    expect(delays).toHaveLength(3);
    expect(delays[0]!).toBeGreaterThanOrEqual(2);
    expect(delays[0]!).toBeLessThanOrEqual(4);
    expect(delays[2]!).toBeGreaterThanOrEqual(8);
    expect(delays[2]!).toBeLessThanOrEqual(16);
  });

  it('retries a GET after a dropped connection', async () => {
    const server = await start((_req, i) =>
      i === 0 ? 'destroy' : { status: 200, body: emptyPage },
    );
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', retry: noDelay });
    await expect(client.events.list()).resolves.toEqual(emptyPage);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a POST after a 500 (it may have been done)', async () => {
    const server = await start(() => ({
      status: 500,
      body: { message: 'Oops', code: 'server_error' },
    }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', retry: noDelay });
    await expect(client.exports.create({ format: 'csv' })).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST after a 429, which the server refused without acting', async () => {
    const job = {
      id: 'exp_1',
      status: 'pending',
      format: 'csv',
      events_count: null,
      events_processed: 0,
      download_url: null,
      error_message: null,
      created_at: 'now',
      completed_at: null,
      expires_at: null,
    };
    const server = await start((_req, i) =>
      i === 0
        ? {
            status: 429,
            body: { message: 'Slow', code: 'rate_limited' },
            headers: { 'Retry-After': '0' },
          }
        : { status: 202, body: { data: job } },
    );
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.exports.create()).resolves.toEqual({ data: job });
    expect(server.requests).toHaveLength(2);
  });

  it('retries nothing with retry: false', async () => {
    const server = await start(() => ({
      status: 502,
      body: { message: 'Bad gateway', code: 'server_error' },
    }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', retry: false });
    await expect(client.events.list()).rejects.toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts, network failures and aborts', () => {
  it('waits for a server that takes 5 s, with one request and no timeout', async () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const slowFetch: typeof fetch = (input, init) => {
        calls.push(String(input));
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => resolve(Response.json(emptyPage)), 5_200);
          init?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(init.signal!.reason);
          });
        });
      };
      const client = createViewerClient({
        baseUrl: 'http://api.test',
        token: 'jwt',
        fetch: slowFetch,
      });
      const result = client.events.list().catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5_200);
      await expect(result).resolves.toEqual(emptyPage);
      expect(calls).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not retry a timed-out attempt (more requests would only load a slow server)', async () => {
    const server = await start(() => 'hang');
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', timeoutMs: 50 });
    await expect(client.events.list()).rejects.toMatchObject({ code: 'timeout' });
    expect(server.requests).toHaveLength(1);
  });

  it('fails a request that outlives timeoutMs with status 0 and code timeout', async () => {
    const server = await start(() => 'hang');
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', timeoutMs: 50 });
    const error = await client.events.list().catch((e: unknown) => e);
    expect(isImmutableError(error)).toBe(true);
    expect(error).toMatchObject({ status: 0, status_code: 0, code: 'timeout' });
  });

  it('fails with status 0 and code network_error when nothing listens', async () => {
    const server = await start(() => ({ status: 200, body: emptyPage }));
    const url = server.url;
    await server.close();
    fake = null;
    const client = createViewerClient({ baseUrl: url, token: 'jwt', retry: noDelay });
    await expect(client.events.list()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('rejects with the AbortError when the caller aborts a request in flight', async () => {
    const server = await start(() => 'hang');
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    const controller = new AbortController();
    const pending = client.events.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(isImmutableError(error)).toBe(false);
  });

  it('stops waiting between retries when aborted', async () => {
    const server = await start(() => ({
      status: 500,
      body: { message: 'Oops', code: 'server_error' },
    }));
    const client = createViewerClient({
      baseUrl: server.url,
      token: 'jwt',
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const controller = new AbortController();
    const pending = client.events.list({}, { signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing with an already aborted signal', async () => {
    const server = await start(() => ({ status: 200, body: emptyPage }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.list({}, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('stops exports.wait when aborted between polls', async () => {
    const job = {
      id: 'exp_1',
      status: 'processing',
      format: 'csv',
      events_count: 10,
      events_processed: 1,
      download_url: null,
      error_message: null,
      created_at: 'now',
      completed_at: null,
      expires_at: null,
    };
    const server = await start(() => ({ status: 200, body: { data: job } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    const controller = new AbortController();
    const waiting = client.exports.wait('exp_1', { signal: controller.signal, intervalMs: 60_000 });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('response checks', () => {
  it('turns malformed JSON into invalid_response and keeps the status', async () => {
    const server = await start(() => ({ status: 200, raw: '{"data": [' }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.list()).rejects.toMatchObject({
      code: 'invalid_response',
      status: 200,
      response_data: '{"data": [',
    });
  });

  it('turns a page without pagination into invalid_response naming the field', async () => {
    const server = await start(() => ({ status: 200, body: { data: [] } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.list()).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringContaining('response.pagination'),
    });
  });

  it('names the wrong field deep inside an event', async () => {
    const bad = wireEvent({
      integrity: { event_hash: 'a'.repeat(64), previous_event_hash: null, sequence: '7' },
    });
    const server = await start(() => ({
      status: 200,
      body: { data: [wireEvent(), bad], pagination: { has_more: false, next_cursor: null } },
    }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.list()).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringContaining('response.data[1].integrity.sequence must be an integer'),
    });
  });

  it.each([
    ['a missing field', wireEvent({ action: undefined })],
    ['targets as an object', wireEvent({ targets: {} })],
    ['a target without type', wireEvent({ targets: [{ id: 'x', name: null, metadata: null }] })],
    [
      'a short hash',
      wireEvent({ integrity: { event_hash: 'abc', previous_event_hash: null, sequence: 1 } }),
    ],
    ['context as a string', wireEvent({ context: 'DE' })],
    ['a fractional version', wireEvent({ version: 1.5 })],
  ])('rejects an event with %s', async (_title, event) => {
    const server = await start(() => ({ status: 200, body: { data: event } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.get('evt_1')).rejects.toMatchObject({
      code: 'invalid_response',
      status: 200,
    });
  });

  it('rejects a download_url that is not http(s)', async () => {
    const job = {
      id: 'exp_1',
      status: 'completed',
      format: 'csv',
      events_count: 1,
      events_processed: 1,
      download_url: 'javascript:alert(1)',
      error_message: null,
      created_at: 'now',
      completed_at: 'now',
      expires_at: 'later',
    };
    const server = await start(() => ({ status: 200, body: { data: job } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.exports.get('exp_1')).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringContaining('download_url'),
    });
  });

  it('rejects exports.wait with the server’s error_message when the export fails', async () => {
    const job = {
      id: 'exp_1',
      status: 'failed',
      format: 'csv',
      events_count: 1,
      events_processed: 0,
      download_url: null,
      error_message: 'Export failed: disk full',
      created_at: 'now',
      completed_at: 'now',
      expires_at: null,
    };
    const server = await start(() => ({ status: 200, body: { data: job } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.exports.wait('exp_1')).rejects.toMatchObject({
      code: 'export_failed',
      message: 'Export failed: disk full',
    });
  });

  it('keeps a non-JSON error body as response_data', async () => {
    const server = await start(() => ({ status: 404, raw: 'Not Found' }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.get('x')).rejects.toMatchObject({
      status: 404,
      code: 'http_error',
      response_data: 'Not Found',
    });
  });

  it('checks the server SDK’s responses too', async () => {
    const server = await start(() => ({ status: 201, body: { token: 42 } }));
    const client = new ImmutableClient({ apiKey: 'imk_test', baseUrl: server.url });
    await expect(client.createViewerToken({ tenant_id: 't' })).rejects.toMatchObject({
      code: 'invalid_response',
      status: 201,
    });
  });
});

describe('server SDK transport', () => {
  it('times out after `timeout` seconds with status_code 0', async () => {
    const server = await start(() => 'hang');
    const client = new ImmutableClient({ apiKey: 'imk_test', baseUrl: server.url, timeout: 0.05 });
    await expect(client.track({ actor_id: 'u', action: 'a' })).rejects.toMatchObject({
      status_code: 0,
      code: 'timeout',
    });
  });

  it('retries a track that carries an idempotency key, and not one without', async () => {
    const event = wireEvent();
    const server = await start((_req, i) =>
      i % 2 === 0
        ? { status: 500, body: { message: 'Oops', code: 'server_error' } }
        : { status: 201, body: { data: event } },
    );
    const client = new ImmutableClient({ apiKey: 'imk_test', baseUrl: server.url, retry: noDelay });
    await expect(
      client.track({ actor_id: 'u', action: 'a', idempotency_key: 'k1' }),
    ).resolves.toEqual({ data: event });
    expect(server.requests).toHaveLength(2);
    await expect(client.track({ actor_id: 'u', action: 'a' })).rejects.toMatchObject({
      status: 500,
    });
    expect(server.requests).toHaveLength(3);
  });

  it('sends the API key as a bearer credential to /api/v1 under the base URL', async () => {
    const server = await start(() => ({ status: 200, body: emptyPage }));
    const client = new ImmutableClient({ apiKey: 'imk_secret', baseUrl: `${server.url}/` });
    await client.getEvents({ actor_id: 'user_1', from_date: '2026-03-01', search: '', limit: 5 });
    expect(server.requests[0]).toMatchObject({
      url: '/api/v1/events?actor_id=user_1&limit=5&from=2026-03-01',
      authorization: 'Bearer imk_secret',
    });
  });
});

describe('export completion', () => {
  it('rejects a completed export that has no download_url', async () => {
    const job = {
      id: 'exp_1',
      status: 'completed',
      format: 'csv',
      events_count: 1,
      events_processed: 1,
      download_url: null,
      error_message: null,
      created_at: 'now',
      completed_at: 'now',
      expires_at: 'later',
    };
    const server = await start(() => ({ status: 200, body: { data: job } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.exports.wait('exp_1')).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringContaining('download_url'),
    });
  });
});
