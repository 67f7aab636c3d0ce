import { describe, expect, it, vi } from 'vitest';
import { createViewerClient, isImmutableError } from '../src/index.js';
import { emptyPage } from './fakeServer.js';
import { noDelay, startFake } from './fakeServerPerTest.js';

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
    const server = await startFake(() => 'hang');
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', timeoutMs: 50 });
    await expect(client.events.list()).rejects.toMatchObject({ code: 'timeout' });
    expect(server.requests).toHaveLength(1);
  });

  it('fails a request that outlives timeoutMs with status 0 and code timeout', async () => {
    const server = await startFake(() => 'hang');
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', timeoutMs: 50 });
    const error = await client.events.list().catch((e: unknown) => e);
    expect(isImmutableError(error)).toBe(true);
    expect(error).toMatchObject({ status: 0, status_code: 0, code: 'timeout' });
  });

  it('fails with status 0 and code network_error when nothing listens', async () => {
    const server = await startFake(() => ({ status: 200, body: emptyPage }));
    const url = server.url;
    await server.close();
    const client = createViewerClient({ baseUrl: url, token: 'jwt', retry: noDelay });
    await expect(client.events.list()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('rejects with the AbortError when the caller aborts a request in flight', async () => {
    const server = await startFake(() => 'hang');
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    const controller = new AbortController();
    const pending = client.events.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(isImmutableError(error)).toBe(false);
  });

  it('stops waiting between retries when aborted', async () => {
    const server = await startFake(() => ({
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
    const server = await startFake(() => ({ status: 200, body: emptyPage }));
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
    const server = await startFake(() => ({ status: 200, body: { data: job } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    const controller = new AbortController();
    const waiting = client.exports.wait('exp_1', { signal: controller.signal, intervalMs: 60_000 });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
