import { describe, expect, it, vi } from 'vitest';
import { createViewerClient, ImmutableError } from '../src/index.js';
import { emptyPage, fakeJwt } from './fakeServer.js';
import { startFake } from './fakeServerPerTest.js';

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;
const expired = (token: string) => ({
  status: 401,
  body: { message: `Expired: ${token}`, code: 'token_expired' },
});

describe('token refresh', () => {
  it('shares one getToken call between concurrent requests', async () => {
    const server = await startFake(() => ({ status: 200, body: emptyPage }));
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
    const server = await startFake((req) =>
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
    const server = await startFake(() => ({ status: 200, body: emptyPage }));
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
    const server = await startFake(() => expired('always'));
    const getToken = vi.fn(async () => fakeJwt({ exp: inOneHour() }));
    const client = createViewerClient({ baseUrl: server.url, getToken });
    await expect(client.events.list()).rejects.toMatchObject({
      status: 401,
      code: 'token_expired',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('passes token_expired through when there is no getToken to refresh with', async () => {
    const server = await startFake(() => expired('static'));
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
    const server = await startFake(() => ({ status: 200, body: emptyPage }));
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

  it('gives up on a getToken that never answers after timeoutMs, aborting its signal, and asks again next time', async () => {
    const server = await startFake(() => ({ status: 200, body: emptyPage }));
    const signals: AbortSignal[] = [];
    let hung = true;
    const client = createViewerClient({
      baseUrl: server.url,
      timeoutMs: 200,
      getToken: ({ signal }) => {
        signals.push(signal);
        signal.onabort = () => undefined; // the caller's own use of the signal changes nothing
        // A token endpoint that never answers, until it does.
        return hung
          ? new Promise<string>(() => {})
          : Promise.resolve(fakeJwt({ exp: inOneHour() }));
      },
    });
    // Bounded here too, so that a wait for ever fails this test instead of hanging it.
    const failed = await Promise.race([
      client.events.list().catch((e: unknown) => e),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
    ]);
    expect(failed).toMatchObject({
      code: 'token_refresh_failed',
      message: 'Could not get a viewer token: getToken did not answer in 200 ms',
    });
    expect(signals[0]!.aborted).toBe(true);
    expect(server.requests).toHaveLength(0);
    hung = false;
    await expect(client.events.list()).resolves.toEqual(emptyPage);
    expect(signals).toHaveLength(2);
  });

  it('keeps using a token that still works when its early refresh fails, trying again after a pause', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const server = await startFake(() => ({ status: 200, body: emptyPage }));
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
      const server = await startFake(() => ({ status: 200, body: emptyPage }));
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
