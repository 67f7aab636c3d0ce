import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createViewerClient } from '../src/index.js';
import {
  ImmutableClient,
  ImmutableError,
  isImmutableError,
  MAX_BATCH,
  type EventPayload,
} from '../src/server.js';
import { API_KEY, startEmulator, type RunningEmulator } from './emulator.js';

let running: RunningEmulator;
let client: ImmutableClient;

beforeAll(async () => {
  running = await startEmulator();
  client = new ImmutableClient({ apiKey: API_KEY, baseUrl: running.url });
});

afterAll(() => running.stop());

describe('ImmutableClient against the emulator', () => {
  it('sends every field the fluent builder sets', async () => {
    const { data } = await client
      .actor('user_b1', { name: 'Sarah Chen', type: 'user' })
      .tenant('org_builder')
      .idempotencyKey('builder-key-1')
      .version(2)
      .session('sess_1')
      .actionCategory('documents')
      .context({ ip_address: '203.0.113.7', country: 'DE' })
      .target('folder', 'folder_1', 'Shared', { depth: 1 })
      .target('team')
      .track('document.created', 'document', { size: 1024 });
    expect(data).toMatchObject({
      tenant_id: 'org_builder',
      actor_id: 'user_b1',
      actor_name: 'Sarah Chen',
      actor_type: 'user',
      action: 'document.created',
      action_category: 'documents',
      resource: 'document',
      resource_id: null,
      session_id: 'sess_1',
      version: 2,
      idempotency_key: 'builder-key-1',
      metadata: { size: 1024 },
      context: { ip_address: '203.0.113.7', user_agent: null, country: 'DE' },
      targets: [
        { type: 'folder', id: 'folder_1', name: 'Shared', metadata: { depth: 1 } },
        { type: 'team', id: null, name: null, metadata: null },
      ],
    });
    expect(data.integrity.sequence).toBe(1);
  });

  it('spreads a resource object into resource, resource_id and resource_name', async () => {
    const { data } = await client
      .actor('user_b2')
      .targets([{ type: 'team', id: 'team_1', name: 'Engineering' }])
      .track('document.shared', { type: 'document', id: 'doc_9', name: 'Q4 Report' });
    expect(data).toMatchObject({
      resource: 'document',
      resource_id: 'doc_9',
      resource_name: 'Q4 Report',
      actor_name: null,
    });
    expect(data.targets).toEqual([
      { type: 'team', id: 'team_1', name: 'Engineering', metadata: null },
    ]);
  });

  it('returns the first event for a repeated idempotency key', async () => {
    const first = await client.track({
      actor_id: 'user_b3',
      action: 'a.b',
      idempotency_key: 'same-key',
    });
    const again = await client.track({
      actor_id: 'user_b3',
      action: 'c.d',
      idempotency_key: 'same-key',
    });
    expect(again.data.id).toBe(first.data.id);
  });

  it('tracks a batch in order and refuses more than 100 before sending', async () => {
    const { data } = await client.trackBatch([
      { actor_id: 'user_b4', action: 'one' },
      { actor_id: 'user_b4', action: 'two' },
    ]);
    expect(data.map((e) => e.action)).toEqual(['one', 'two']);
    const fetchSpy = vi.fn(fetch);
    const spied = new ImmutableClient({ apiKey: API_KEY, baseUrl: running.url, fetch: fetchSpy });
    const tooMany: EventPayload[] = Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({
      actor_id: 'u',
      action: `a${i}`,
    }));
    await expect(spied.trackBatch(tooMany)).rejects.toMatchObject({
      code: 'invalid_batch',
      status_code: 0,
    });
    await expect(spied.trackBatch([])).rejects.toMatchObject({ code: 'invalid_batch' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('queries with filters and the seed’s date aliases, and pages with cursors', async () => {
    await client.trackBatch(
      Array.from({ length: 5 }, (_, i) => ({ actor_id: 'user_q', action: `report.step${i}` })),
    );
    const first = await client.getEvents({
      actor_id: 'user_q',
      action: 'report.*',
      from_date: '2020-01-01T00:00:00Z',
      limit: 3,
    });
    expect(first.data).toHaveLength(3);
    expect(first.pagination.has_more).toBe(true);
    const next = await client.getEvents({
      actor_id: 'user_q',
      action: 'report.*',
      from_date: '2020-01-01T00:00:00Z',
      limit: 3,
      cursor: first.pagination.next_cursor!,
    });
    expect(next.data.map((e) => e.action)).toEqual(['report.step1', 'report.step0']);
    const none = await client.getEvents({ actor_id: 'user_q', to_date: '2020-01-01' });
    expect(none.data).toEqual([]);
  });

  it('gets one event with its integrity', async () => {
    const { data: tracked } = await client.track({ actor_id: 'user_g', action: 'get.me' });
    const { data } = await client.getEvent(tracked.id);
    expect(data).toEqual(tracked);
    await expect(client.getEvent('missing')).rejects.toMatchObject({
      status_code: 404,
      code: 'not_found',
    });
  });

  it('verifies every chain, within dates and limits', async () => {
    const all = await client.verify();
    expect(all.data).toMatchObject({ valid: true, complete: true, breaks: [] });
    expect(all.data.events_checked).toBeGreaterThan(5);
    const limited = await client.verify({ limit: 2 });
    expect(limited.data).toMatchObject({ events_checked: 2, complete: false });
    const past = await client.verify({
      from_date: '2020-01-01T00:00:00Z',
      to_date: '2020-01-31T23:59:59Z',
    });
    expect(past.data.events_checked).toBe(0);
    const tenant = await client.verify({ tenant_id: 'org_builder' });
    expect(tenant.data.head?.sequence).toBe(1);
  });

  it('mints a viewer token the viewer client can use', async () => {
    const token = await client.createViewerToken({
      tenant_id: 'org_builder',
      actor_id: 'user_b1',
      ttl: 7200,
    });
    expect(token.expires_at - Math.floor(Date.now() / 1000)).toBeGreaterThan(7000);
    const viewer = createViewerClient({ baseUrl: running.url, token: token.token });
    const page = await viewer.events.list();
    expect(page.data.map((e) => e.actor_id)).toEqual(['user_b1']);
    await expect(client.createViewerToken({ tenant_id: 't', ttl: 5 })).rejects.toMatchObject({
      status_code: 422,
    });
  });

  it('lists alerts raised at ingest', async () => {
    await client.track({ actor_id: 'user_al', action: 'document.deleted' });
    const alerts = await client.getAlerts({ rule_type: 'sensitive_action', limit: 25 });
    expect(alerts.data.some((a) => a.actor_id === 'user_al' && a.severity === 'high')).toBe(true);
    expect(alerts.pagination).toEqual({ has_more: false, next_cursor: null });
  });

  it('creates an export and reads it back until it completes', async () => {
    const created = await client.createExport({
      actor_id: 'user_q',
      from_date: '2020-01-01T00:00:00Z',
      format: 'ndjson',
    });
    expect(created.data.status).toMatch(/pending|processing/);
    let job = created.data;
    for (let i = 0; i < 100 && job.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      job = (await client.getExport(created.data.id)).data;
    }
    expect(job).toMatchObject({ status: 'completed', events_count: 5, events_processed: 5 });
    const text = await (await fetch(job.download_url!)).text();
    expect(text.trim().split('\n')).toHaveLength(5);
  });

  it('raises ImmutableError with the seed’s fields for a bad key and for invalid payloads', async () => {
    const bad = new ImmutableClient({ apiKey: 'imk_invalid', baseUrl: running.url });
    const unauthorized = await bad
      .track({ actor_id: 'user_1', action: 'test' })
      .catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(ImmutableError);
    expect(unauthorized).toMatchObject({
      status_code: 401,
      status: 401,
      code: 'unauthorized',
      response_data: { code: 'unauthorized' },
    });
    const invalid = await client.track({ actor_id: '', action: 'x' }).catch((e: unknown) => e);
    expect(isImmutableError(invalid) && invalid.status_code).toBe(422);
    expect(isImmutableError(invalid) && Object.keys(invalid.errors)).toContain('actor_id');
  });

  it('refuses to build without an apiKey or baseUrl', () => {
    expect(() => new ImmutableClient({ apiKey: '', baseUrl: running.url })).toThrow(TypeError);
    expect(() => new ImmutableClient({ apiKey: API_KEY, baseUrl: '' })).toThrow(TypeError);
  });
});

describe('isImmutableError', () => {
  it('recognises the error from another copy of the package, and nothing else', () => {
    const foreign = Object.assign(new Error('x'), { name: 'ImmutableError', status: 500 });
    expect(isImmutableError(foreign)).toBe(true);
    expect(isImmutableError(new ImmutableError('m', 0, 'timeout'))).toBe(true);
    expect(isImmutableError(new Error('plain'))).toBe(false);
    expect(isImmutableError({ name: 'ImmutableError', status: 1 })).toBe(false);
    expect(isImmutableError(null)).toBe(false);
  });
});
