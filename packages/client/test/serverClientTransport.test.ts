import { describe, expect, it } from 'vitest';
import { ImmutableClient } from '../src/server.js';
import { emptyPage, wireEvent } from './fakeServer.js';
import { noDelay, startFake } from './fakeServerPerTest.js';

describe('server SDK transport', () => {
  it('times out after `timeout` seconds with status_code 0', async () => {
    const server = await startFake(() => 'hang');
    const client = new ImmutableClient({ apiKey: 'imk_test', baseUrl: server.url, timeout: 0.05 });
    await expect(client.track({ actor_id: 'u', action: 'a' })).rejects.toMatchObject({
      status_code: 0,
      code: 'timeout',
    });
  });

  it('retries a track that carries an idempotency key, and not one without', async () => {
    const event = wireEvent();
    const server = await startFake((_req, i) =>
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
    const server = await startFake(() => ({ status: 200, body: emptyPage }));
    const client = new ImmutableClient({ apiKey: 'imk_secret', baseUrl: `${server.url}/` });
    await client.getEvents({ actor_id: 'user_1', from_date: '2026-03-01', search: '', limit: 5 });
    expect(server.requests[0]).toMatchObject({
      url: '/api/v1/events?actor_id=user_1&limit=5&from=2026-03-01',
      authorization: 'Bearer imk_secret',
    });
  });
});
