import { seedEmulator } from '@getimmutable/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkChain,
  createViewerClient,
  isImmutableError,
  type AuditEvent,
  type ExportJob,
} from '../src/index.js';
import { ImmutableClient } from '../src/server.js';
import { API_KEY, startEmulator, type RunningEmulator } from './emulator.js';

const TENANT = 'org_acme';
let running: RunningEmulator;
let server: ImmutableClient;
/** The emulator's clock runs this many ms ahead of the real one (tests expire tokens with it). */
const clock = { offset: 0 };
let tenantTotal = 0;

beforeAll(async () => {
  running = await startEmulator({ now: () => Date.now() + clock.offset });
  seedEmulator(running.emulator, 600, { endMs: Date.now() - 60_000 });
  server = new ImmutableClient({ apiKey: API_KEY, baseUrl: running.url });
  for (let cursor: string | undefined, more = true; more;) {
    const page = await server.getEvents({ tenant_id: TENANT, limit: 100, cursor });
    tenantTotal += page.data.length;
    more = page.pagination.has_more;
    cursor = page.pagination.next_cursor ?? undefined;
  }
});

afterAll(() => running.stop());

const mint = (actor_id?: string, ttl = 3600) =>
  server.createViewerToken(
    actor_id ? { tenant_id: TENANT, actor_id, ttl } : { tenant_id: TENANT, ttl },
  );

describe('createViewerClient against the emulator', () => {
  it('lists a page of the tenant’s events, newest first', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: (await mint()).token });
    const page = await client.events.list({ limit: 10 });
    expect(page.data).toHaveLength(10);
    expect(page.data.every((e) => e.tenant_id === TENANT)).toBe(true);
    expect(page.pagination.has_more).toBe(true);
    const times = page.data.map((e) => e.created_at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters with the API names and the seed’s from_date/to_date aliases alike', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: (await mint()).token });
    const all = await client.events.list({ limit: 100 });
    const middle = all.data[50]!.created_at;
    const viaApi = await client.events.list({ from: middle, limit: 100 });
    const viaAlias = await client.events.list({ from_date: middle, limit: 100 });
    expect(viaAlias.data.map((e) => e.id)).toEqual(viaApi.data.map((e) => e.id));
    expect(viaApi.data.every((e) => e.created_at >= middle)).toBe(true);
    const upTo = await client.events.list({ to_date: middle, limit: 5 });
    expect(upTo.data.every((e) => e.created_at <= middle)).toBe(true);
    const action = all.data[0]!.action;
    const byAction = await client.events.list({ action, limit: 100 });
    expect(byAction.data.length).toBeGreaterThan(0);
    expect(byAction.data.every((e) => e.action === action)).toBe(true);
  });

  it('gets one event by id, and a 404 outside the scope', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: (await mint()).token });
    const [first] = (await client.events.list({ limit: 1 })).data;
    const { data } = await client.events.get(first!.id);
    expect(data).toEqual(first);
    const other = (await server.getEvents({ tenant_id: 'org_globex', limit: 1 })).data[0]!;
    const error = await client.events.get(other.id).catch((e: unknown) => e);
    expect(isImmutableError(error) && error.status).toBe(404);
  });

  it('iterates every page of the tenant exactly once with events.pages', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: (await mint()).token });
    const seen: AuditEvent[] = [];
    for await (const page of client.events.pages({ limit: 37 })) seen.push(...page.data);
    expect(seen).toHaveLength(tenantTotal);
    expect(new Set(seen.map((e) => e.id)).size).toBe(tenantTotal);
    expect(checkChain(seen).every((r) => r.status === 'linked')).toBe(true);
  });

  it('carries on through events.pages when the token expires in the middle', async () => {
    const getToken = vi.fn(() => mint(undefined, 60));
    const client = createViewerClient({ baseUrl: running.url, getToken });
    const seen: string[] = [];
    let pages = 0;
    try {
      for await (const page of client.events.pages({ limit: 50 })) {
        seen.push(...page.data.map((e) => e.id));
        // The server's clock jumps past the 60 s token; the client's clock does not know.
        if (++pages === 2) clock.offset += 120_000;
      }
    } finally {
      clock.offset = 0;
    }
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(new Set(seen).size).toBe(tenantTotal);
  });

  it('sees only the actor’s events with an actor-scoped token', async () => {
    const actor = (await server.getEvents({ tenant_id: TENANT, limit: 1 })).data[0]!.actor_id;
    const client = createViewerClient({ baseUrl: running.url, token: (await mint(actor)).token });
    const page = await client.events.list({ limit: 100 });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((e) => e.actor_id === actor)).toBe(true);
  });

  it('verifies one page and then the whole chain with verifyAll', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: (await mint()).token });
    const first = await client.verify({ limit: 100 });
    expect(first.data).toMatchObject({ valid: true, events_checked: 100, complete: false });
    expect(first.data.next_cursor).toEqual(expect.any(String));
    const progress = vi.fn();
    const all = await client.verifyAll({ limit: 100 }, { onProgress: progress });
    expect(all.data).toMatchObject({
      valid: true,
      complete: true,
      next_cursor: null,
      breaks: [],
      events_checked: tenantTotal,
    });
    expect(all.data.head?.sequence).toBe(tenantTotal);
    expect(progress).toHaveBeenCalledTimes(Math.ceil(tenantTotal / 100));
    expect(progress.mock.calls.at(-1)![0]).toMatchObject({ events_checked: tenantTotal });
  });

  it('creates an export, waits for it with progress, and downloads verifiable JSON', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: (await mint()).token });
    const created = await client.exports.create({ format: 'json', action: 'document.*' });
    expect(created.data).toMatchObject({ format: 'json', download_url: null });
    const polled: ExportJob[] = [];
    const done = await client.exports.wait(created.data.id, {
      intervalMs: 10,
      onProgress: (job) => polled.push(job),
    });
    expect(done.data.status).toBe('completed');
    expect(polled.at(-1)!.status).toBe('completed');
    const again = await client.exports.get(created.data.id);
    expect(again.data.id).toBe(created.data.id);
    const file = (await (await fetch(done.data.download_url!)).json()) as AuditEvent[];
    expect(file.length).toBe(done.data.events_count);
    expect(file.every((e) => e.action.startsWith('document.') && e.tenant_id === TENANT)).toBe(
      true,
    );
  });

  it('accepts from_date on exports as the seed does', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: (await mint()).token });
    const created = await client.exports.create({ format: 'ndjson', from_date: '2999-01-01' });
    const done = await client.exports.wait(created.data.id, { intervalMs: 10 });
    expect(done.data.events_count).toBe(0);
  });

  it('lists the tenant’s alerts', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: (await mint()).token });
    const page = await client.alerts.list({ limit: 5 });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((a) => a.tenant_id === TENANT)).toBe(true);
    const sensitive = await client.alerts.list({ rule_type: 'sensitive_action' });
    expect(sensitive.data.every((a) => a.rule_type === 'sensitive_action')).toBe(true);
  });

  it('passes the server’s validation errors through as ImmutableError', async () => {
    const client = createViewerClient({ baseUrl: running.url, token: (await mint()).token });
    const error = await client.events.list({ limit: 1000 }).catch((e: unknown) => e);
    expect(isImmutableError(error)).toBe(true);
    expect(error).toMatchObject({ status: 422, status_code: 422, code: 'validation_error' });
    expect(isImmutableError(error) && error.errors.limit).toEqual([expect.any(String)]);
  });

  it('refuses an imk_ API key before sending anything', async () => {
    const fetchSpy = vi.fn(fetch);
    expect(() =>
      createViewerClient({ baseUrl: running.url, token: API_KEY, fetch: fetchSpy }),
    ).toThrow(/API keys never belong in a browser/);
    const client = createViewerClient({
      baseUrl: running.url,
      getToken: async () => API_KEY,
      fetch: fetchSpy,
    });
    await expect(client.events.list()).rejects.toMatchObject({
      code: 'api_key_in_browser',
      status: 0,
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('needs a token or a getToken callback', () => {
    expect(() => createViewerClient({ baseUrl: running.url })).toThrow(TypeError);
  });
});
