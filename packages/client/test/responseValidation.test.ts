import { describe, expect, it } from 'vitest';
import { createViewerClient } from '../src/index.js';
import { ImmutableClient } from '../src/server.js';
import { wireEvent } from './fakeServer.js';
import { startFake } from './fakeServerPerTest.js';

describe('response checks', () => {
  it('turns malformed JSON into invalid_response and keeps the status', async () => {
    const server = await startFake(() => ({ status: 200, raw: '{"data": [' }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.list()).rejects.toMatchObject({
      code: 'invalid_response',
      status: 200,
      response_data: '{"data": [',
    });
  });

  it('turns a page without pagination into invalid_response naming the field', async () => {
    const server = await startFake(() => ({ status: 200, body: { data: [] } }));
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
    const server = await startFake(() => ({
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
    const server = await startFake(() => ({ status: 200, body: { data: event } }));
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
    const server = await startFake(() => ({ status: 200, body: { data: job } }));
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
    const server = await startFake(() => ({ status: 200, body: { data: job } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.exports.wait('exp_1')).rejects.toMatchObject({
      code: 'export_failed',
      message: 'Export failed: disk full',
    });
  });

  it('keeps a non-JSON error body as response_data', async () => {
    const server = await startFake(() => ({ status: 404, raw: 'Not Found' }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.get('x')).rejects.toMatchObject({
      status: 404,
      code: 'http_error',
      response_data: 'Not Found',
    });
  });

  it('falls back to its own code and message when an error body gives empty ones', async () => {
    // A proxy or a broken server: "" is no code a caller can switch on, and no sentence to show.
    const server = await startFake(() => ({ status: 403, body: { message: '', code: '' } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.events.get('x')).rejects.toMatchObject({
      status: 403,
      code: 'http_error',
      message: 'GET /events/x failed with HTTP 403.',
      response_data: { message: '', code: '' },
    });
  });

  it('checks the server SDK’s responses too', async () => {
    const server = await startFake(() => ({ status: 201, body: { token: 42 } }));
    const client = new ImmutableClient({ apiKey: 'imk_test', baseUrl: server.url });
    await expect(client.createViewerToken({ tenant_id: 't' })).rejects.toMatchObject({
      code: 'invalid_response',
      status: 201,
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
    const server = await startFake(() => ({ status: 200, body: { data: job } }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    await expect(client.exports.wait('exp_1')).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringContaining('download_url'),
    });
  });
});
