/**
 * The browser emulator (SQLite in WebAssembly, export files in memory, JavaScript SHA-256) run
 * in Node beside the Node one (better-sqlite3): the same app and SQL answer the same questions
 * the same way — FTS5 trigram search, filters, paging, verify, tamper, alerts, exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../src/exportFormats.js';
import {
  createBrowserEmulator,
  mintViewerToken,
  type BrowserEmulator,
} from '../src/createBrowserEmulator.js';
import { createEmulator, type Emulator } from '../src/createEmulator.js';
import { seedEmulator } from '../src/seed.js';
import { API_KEY } from './harness.js';

const END_MS = Date.parse('2026-03-04T09:00:00.000Z');
const SEED = { seed: 7, endMs: END_MS };
const clock = { now: END_MS + 60_000 };
const now = () => clock.now;

type Api = Pick<BrowserEmulator, 'fetch'>;

async function call(
  api: Api,
  method: string,
  path: string,
  init: { body?: unknown; auth?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${init.auth ?? API_KEY}` };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const url = path.startsWith('http') ? path : `https://api.example.test/api/v1${path}`;
  const res = await api.fetch(
    new Request(url, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null };
}

type Ev = {
  id: string;
  tenant_id: string;
  action: string;
  created_at: string;
  integrity: { sequence: number; event_hash: string };
};
/** What identifies a seeded event in both emulators (ids and hashes are random per emulator). */
const shape = (e: Ev) => `${e.created_at} ${e.tenant_id} #${e.integrity.sequence} ${e.action}`;

/** Every page of a query, as shapes. */
async function listAll(api: Api, query: string, auth?: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '';
  for (;;) {
    const res = await call(api, 'GET', `/events?limit=100&${query}${cursor}`, { auth });
    expect(res.status, `${query}: ${res.text}`).toBe(200);
    out.push(...(res.body.data as Ev[]).map(shape));
    if (!res.body.pagination.has_more) return out;
    cursor = `&cursor=${res.body.pagination.next_cursor}`;
  }
}

let node: Emulator;
let wasm: BrowserEmulator;

beforeAll(async () => {
  node = createEmulator({ db: ':memory:', apiKey: API_KEY, now });
  seedEmulator(node, 400, SEED);
  wasm = await createBrowserEmulator({ apiKey: API_KEY, now, seed: 400, seedOptions: SEED });
});
afterAll(async () => {
  await node.close();
  await wasm.close();
});

describe('the browser emulator beside the Node one', () => {
  it.each([
    '',
    'tenant_id=org_acme',
    'action=document.*',
    'action=auth.login',
    'search=budget',
    'search=sso',
    'search=q4 re',
    'search=document doc',
    'target_type=folder',
    'target_type=team&target_id=team_finance',
    'actor_id=user_2uI7oPa',
    'from=2026-02-01&to=2026-02-15T12:00:00Z',
    'tenant_id=org_globex&action=*.deleted&search=report',
  ])('answers GET /events?%s with the same events', async (query) => {
    const expected = await listAll(node, query);
    expect(await listAll(wasm, query)).toEqual(expected);
    if (query.startsWith('search=') || query.startsWith('action=')) {
      expect(expected.length, 'a query that finds something').toBeGreaterThan(0);
    }
  });

  it('scopes a viewer token to its tenant and actor', async () => {
    const token = (e: { apiKey: string }) =>
      mintViewerToken(
        e.apiKey,
        { tenant_id: 'org_initech', actor_id: 'user_3xZ9aQw' },
        { nowMs: clock.now },
      );
    const expected = await listAll(node, '', token(node));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((s) => s.includes(' org_initech '))).toBe(true);
    expect(await listAll(wasm, '', token(wasm))).toEqual(expected);
  });

  it('verifies the same chains, paging by limit, and raises the same alerts', async () => {
    for (const query of ['', '?limit=37', '?tenant_id=org_acme&from=2026-01-15']) {
      const a = await call(node, 'GET', `/verify${query}`);
      const b = await call(wasm, 'GET', `/verify${query}`);
      expect(b.status).toBe(200);
      const { verified_at: _a, head: headA, next_cursor: _c, ...resultA } = a.body.data;
      const { verified_at: _b, head: headB, next_cursor: _d, ...resultB } = b.body.data;
      expect(resultB, query).toEqual(resultA);
      expect(resultB.valid).toBe(true);
      expect(headB?.sequence).toBe(headA?.sequence);
    }
    for (const rule of ['new_country', 'sensitive_action', 'high_volume']) {
      const a = await call(node, 'GET', `/alerts?rule_type=${rule}&limit=100`);
      const b = await call(wasm, 'GET', `/alerts?rule_type=${rule}&limit=100`);
      const reasons = (r: typeof a) => r.body.data.map((x: { reason: string }) => x.reason);
      expect(reasons(b), rule).toEqual(reasons(a));
    }
  });

  it("exports a viewer's filtered events to a file in memory, downloaded by its signed link", async () => {
    const auth = wasm.viewerToken({ tenant_id: 'org_acme' });
    const created = await call(wasm, 'POST', '/exports', {
      body: { format: 'csv', action: 'document.*' },
      auth,
    });
    expect(created.status).toBe(202);
    await wasm.exports.idle();
    const job = await call(wasm, 'GET', `/exports/${created.body.data.id}`, { auth });
    expect(job.body.data.status).toBe('completed');
    expect(job.body.data.download_url).toMatch(
      /^https:\/\/api\.example\.test\/api\/v1\/exports\/exp_\w+\/download\?expires=\d+&signature=/,
    );
    const file = await wasm.fetch(new Request(job.body.data.download_url));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await file.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    const expected = await listAll(wasm, 'action=document.*', auth);
    expect(lines.length - 1).toBe(expected.length);
    expect(Number(file.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('accepts its own minted tokens, refuses expired and foreign ones as the API does', async () => {
    const ok = wasm.viewerToken({ tenant_id: 'org_acme' }, { expiresAt: 4_102_444_800, jti: 'x' });
    expect((await call(wasm, 'GET', '/events?limit=1', { auth: ok })).status).toBe(200);
    const expired = wasm.viewerToken(
      { tenant_id: 'org_acme' },
      { expiresAt: clock.now / 1000 - 1 },
    );
    const refused = await call(wasm, 'GET', '/events', { auth: expired });
    expect([refused.status, refused.body.code]).toEqual([401, 'token_expired']);
    const foreign = mintViewerToken(`imk_${'z'.repeat(32)}`, { tenant_id: 'org_acme' });
    expect((await call(wasm, 'GET', '/events', { auth: foreign })).body.code).toBe('unauthorized');
    // The API's own tokens verify in the other emulator too: both sign with the same secret.
    const minted = await call(node, 'POST', '/viewer-tokens', { body: { tenant_id: 'org_acme' } });
    expect((await call(wasm, 'GET', '/events?limit=1', { auth: minted.body.token })).status).toBe(
      200,
    );
  });
});

describe('tampering with the browser emulator', () => {
  let tampered: BrowserEmulator;
  beforeAll(async () => {
    tampered = await createBrowserEmulator({ apiKey: API_KEY, now, seed: 120, seedOptions: SEED });
  });
  afterAll(() => tampered.close());

  it('edits an event behind the API: verify names a hash_mismatch at it, reads show the edit', async () => {
    const auth = tampered.viewerToken({ tenant_id: 'org_acme' });
    const page = await call(tampered, 'GET', '/events?limit=10', { auth });
    const victim = page.body.data[3] as Ev;
    expect(tampered.tamper({ kind: 'edit', id: victim.id })).toMatch(/^Edited event/);
    const verify = await call(tampered, 'GET', '/verify', { auth });
    expect(verify.body.data).toMatchObject({ valid: false, complete: true });
    expect(verify.body.data.breaks).toEqual([
      expect.objectContaining({
        type: 'hash_mismatch',
        event_id: victim.id,
        sequence: victim.integrity.sequence,
        actual: victim.integrity.event_hash,
      }),
    ]);
    const read = await call(tampered, 'GET', `/events/${victim.id}`, { auth });
    expect(read.body.data.action).not.toBe(victim.action);
    expect(read.body.data.metadata.note).toBe('changed after the fact');
    expect(read.body.data.integrity.event_hash).toBe(victim.integrity.event_hash);
  });

  it('deletes one: verify names the gap', async () => {
    const page = await call(tampered, 'GET', '/events?tenant_id=org_globex&limit=5');
    const victim = page.body.data[2] as Ev;
    tampered.tamper({ kind: 'delete', id: victim.id });
    const verify = await call(tampered, 'GET', '/verify?tenant_id=org_globex');
    expect(verify.body.data.breaks).toEqual([
      expect.objectContaining({ type: 'sequence_gap', sequence: victim.integrity.sequence + 1 }),
    ]);
  });
});
