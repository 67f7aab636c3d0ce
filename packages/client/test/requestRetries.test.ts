import { describe, expect, it, vi } from 'vitest';
import { createViewerClient } from '../src/index.js';
import { emptyPage } from './fakeServer.js';
import { noDelay, startFake } from './fakeServerPerTest.js';

describe('retries', () => {
  it('honours Retry-After on a 429 and then succeeds', async () => {
    const server = await startFake((_req, i) =>
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
    const server = await startFake(() => ({
      status: 429,
      body: { message: 'Later', code: 'rate_limited' },
      headers: { 'Retry-After': '3600' },
    }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    // The error carries the wait the server asked for, so a caller that tries again later can
    // honour it.
    await expect(client.events.list()).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterMs: 3_600_000,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("keeps the last answer's Retry-After on the error when the retries run out, and null without one", async () => {
    const server = await startFake((_req, i) =>
      i < 2
        ? {
            status: 429,
            body: { message: 'Slow down', code: 'rate_limited' },
            headers: { 'Retry-After': i === 0 ? '0' : '30' },
          }
        : { status: 500, body: { message: 'Oops', code: 'server_error' } },
    );
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', retry: { retries: 0 } });
    await expect(client.events.list()).rejects.toMatchObject({ status: 429, retryAfterMs: 0 });
    await expect(client.events.list()).rejects.toMatchObject({ status: 429, retryAfterMs: 30_000 });
    await expect(client.events.list()).rejects.toMatchObject({ status: 500, retryAfterMs: null });
  });

  it('keeps a Retry-After within what a timer can wait (longer fires at once: a retry loop)', async () => {
    const server = await startFake(() => ({
      status: 429,
      body: { message: 'Later', code: 'rate_limited' },
      headers: { 'Retry-After': '99999999999' },
    }));
    const once = createViewerClient({ baseUrl: server.url, token: 'jwt', retry: { retries: 0 } });
    await expect(once.events.list()).rejects.toMatchObject({ retryAfterMs: 2 ** 31 - 1 });
    // A client told to honour any wait does wait: no second request before the caller gives up.
    const patient = createViewerClient({
      baseUrl: server.url,
      token: 'jwt',
      retry: { retries: 1, maxRetryAfterMs: Infinity },
    });
    const signal = AbortSignal.timeout(300);
    await expect(patient.events.list({}, { signal })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a GET after a 500 and returns the later success', async () => {
    const server = await startFake((_req, i) =>
      i === 0
        ? { status: 500, body: { message: 'Oops', code: 'server_error' } }
        : { status: 200, body: emptyPage },
    );
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', retry: noDelay });
    await expect(client.events.list()).resolves.toEqual(emptyPage);
    expect(server.requests).toHaveLength(2);
  });

  it('stops after three retries with backoff that grows', async () => {
    const server = await startFake(() => ({ status: 503, raw: '<html>bad gateway</html>' }));
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
    const server = await startFake((_req, i) =>
      i === 0 ? 'destroy' : { status: 200, body: emptyPage },
    );
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', retry: noDelay });
    await expect(client.events.list()).resolves.toEqual(emptyPage);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a POST after a 500 (it may have been done)', async () => {
    const server = await startFake(() => ({
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
    const server = await startFake((_req, i) =>
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
    const server = await startFake(() => ({
      status: 502,
      body: { message: 'Bad gateway', code: 'server_error' },
    }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt', retry: false });
    await expect(client.events.list()).rejects.toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(1);
  });
});
