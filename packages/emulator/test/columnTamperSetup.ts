/**
 * Column tampering: the copies of an event's hashed body that lookups, filters and scope read
 * (columns of events, target rows, the search text). An edit of any of them must be named by
 * verify, and must never make a read show the event under a filter or a scope its body is not
 * under — in particular never to another tenant.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect } from 'vitest';
import { payload, type Harness } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

export type Ev = {
  id: string;
  tenant_id: string | null;
  actor_id: string;
  created_at: string;
  targets: Array<{ type: string; id: string | null }>;
  integrity: { event_hash: string; previous_event_hash: string | null; sequence: number };
  [key: string]: unknown;
};
type Break = {
  type: string;
  event_id: string | null;
  sequence: number;
  expected: string | null;
  actual: string | null;
};

/**
 * Harnesses (on a database file when `db` is given) and temp files that last one test; call it
 * once at the top of a test file.
 */
export function tamperFixtures() {
  const fixtures = harnessPerTest('column-tamper-');
  return {
    harness: (db?: string): Harness => fixtures.start(db === undefined ? {} : { db }),
    tempFile: (name: string): string => path.join(fixtures.tempDir(), name),
    forget: fixtures.forget,
  };
}

/** The victim's values are shared by no other event, so a filter on one finds only it. */
export const VICTIM = {
  tenant_id: 'org_a',
  actor_id: 'user_victim',
  action: 'invoice.paid',
  resource: 'invoice',
  resource_id: 'inv_9',
  session_id: 'sess_9',
  targets: [{ type: 'ledger', id: 'ledger_9' }],
  metadata: { memo: 'quarterly settlement' },
};

/** org_a: an event, the victim, an event; org_b: two events (actor user_b). One second apart. */
export async function writeEvents(h: Harness) {
  const post = async (body: Record<string, unknown>): Promise<Ev> => {
    const res = await h.call('POST', '/events', { body });
    expect(res.status).toBe(201);
    h.clock.now += 1000;
    return res.body.data;
  };
  const before = await post(
    payload({ tenant_id: 'org_a', targets: [{ type: 'folder', id: 'f_1' }] }),
  );
  const orgB1 = await post(
    payload({ tenant_id: 'org_b', actor_id: 'user_b', session_id: 'sess_b' }),
  );
  const victim = await post(payload(VICTIM));
  const orgB2 = await post(
    payload({ tenant_id: 'org_b', actor_id: 'user_b', session_id: 'sess_b' }),
  );
  const after = await post(payload({ tenant_id: 'org_a', metadata: { memo: 'monthly' } }));
  return { before, victim, after, orgB: [orgB1, orgB2] };
}

/**
 * Sets columns of one event the way someone holding the file can: a plain UPDATE — and where
 * the schema generates the column (so that UPDATE is refused), by first rewriting the schema to
 * make it plain and then restoring it (writable_schema). The stored value stays edited and
 * `PRAGMA integrity_check` still says ok.
 */
export function forceColumns(db: Database.Database, id: string, values: Record<string, string>) {
  const { sql } = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'events'").get() as {
    sql: string;
  };
  let plain = sql;
  for (const column of Object.keys(values)) {
    plain = plain.replace(
      new RegExp(`(\\n\\s*${column} [^\\n]*?) GENERATED ALWAYS AS .* STORED`),
      '$1',
    );
  }
  const rewrite = (text: string) => {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'events'").run(
      text,
    );
    db.pragma('writable_schema = RESET');
    db.unsafeMode(false);
  };
  if (plain !== sql) rewrite(plain);
  const sets = Object.keys(values).map((column) => `${column} = ?`);
  db.prepare(`UPDATE events SET ${sets.join(', ')} WHERE id = ?`).run(...Object.values(values), id);
  if (plain !== sql) rewrite(sql);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

export async function verify(h: Harness, query = '', auth?: string) {
  const res = await h.call('GET', `/verify${query}`, auth === undefined ? {} : { auth });
  expect(res.status).toBe(200);
  return res.body.data as { valid: boolean; events_checked: number; breaks: Break[] };
}

/** Every event GET /events returns for `query`, following cursors. */
export async function listAll(h: Harness, query: string, auth?: string): Promise<Ev[]> {
  const out: Ev[] = [];
  let cursor: string | null = null;
  do {
    const page = `/events?limit=2&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await h.call('GET', page, auth === undefined ? {} : { auth });
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.pagination.next_cursor;
  } while (cursor);
  return out;
}

export const ids = (events: Ev[]) => events.map((e) => e.id);

/** The events of a JSON export made with these filters and this token (the API key by default). */
export async function exported(
  h: Harness,
  filters: Record<string, string>,
  auth?: string,
): Promise<Ev[]> {
  const created = await h.call('POST', '/exports', { body: { ...filters, format: 'json' }, auth });
  expect(created.status).toBe(202);
  await h.emulator.exports.idle();
  const job = (await h.call('GET', `/exports/${created.body.data.id}`, { auth })).body.data;
  expect(job.status).toBe('completed');
  const file = (await h.call('GET', job.download_url, { auth: null })).body as Ev[];
  expect(job.events_count).toBe(file.length);
  return file;
}
