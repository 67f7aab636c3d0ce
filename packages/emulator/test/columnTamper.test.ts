/**
 * Column tampering: the copies of an event's hashed body that lookups, filters and scope read
 * (columns of events, target rows, the search text). An edit of any of them must be named by
 * verify, and must never make a read show the event under a filter or a scope its body is not
 * under — in particular never to another tenant.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalize } from '@getimmutable/contract';
import { API_KEY, payload, startHarness, type Harness } from './harness.js';

type Ev = {
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

const harnesses: Harness[] = [];
const tempDirs: string[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.emulator.close();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function harness(db?: string): Harness {
  const h = startHarness(db === undefined ? {} : { db });
  harnesses.push(h);
  return h;
}

function tempFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'column-tamper-'));
  tempDirs.push(dir);
  return path.join(dir, name);
}

/** The victim's values are shared by no other event, so a filter on one finds only it. */
const VICTIM = {
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
async function writeEvents(h: Harness) {
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
function forceColumns(db: Database.Database, id: string, values: Record<string, string>) {
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

async function verify(h: Harness, query = '', auth?: string) {
  const res = await h.call('GET', `/verify${query}`, auth === undefined ? {} : { auth });
  expect(res.status).toBe(200);
  return res.body.data as { valid: boolean; events_checked: number; breaks: Break[] };
}

/** Every event GET /events returns for `query`, following cursors. */
async function listAll(h: Harness, query: string, auth?: string): Promise<Ev[]> {
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

const ids = (events: Ev[]) => events.map((e) => e.id);

/** The events of a JSON export made with these filters and this token (the API key by default). */
async function exported(h: Harness, filters: Record<string, string>, auth?: string): Promise<Ev[]> {
  const created = await h.call('POST', '/exports', { body: { ...filters, format: 'json' }, auth });
  expect(created.status).toBe(202);
  await h.emulator.exports.idle();
  const job = (await h.call('GET', `/exports/${created.body.data.id}`, { auth })).body.data;
  expect(job.status).toBe('completed');
  const file = (await h.call('GET', job.download_url, { auth: null })).body as Ev[];
  expect(job.events_count).toBe(file.length);
  return file;
}

describe.each([
  { column: 'tenant_id', forged: 'org_b' },
  { column: 'actor_id', forged: 'user_b' },
  { column: 'action', forged: 'document.deleted' },
  { column: 'resource', forged: 'folder' },
  { column: 'resource_id', forged: 'doc_1' },
  { column: 'session_id', forged: 'sess_b' },
] as const)('events.$column', ({ column, forged }) => {
  const original = VICTIM[column];

  it(`refuses an SQL UPDATE of events.${column}`, async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    const update = () =>
      h.emulator.db.prepare(`UPDATE events SET ${column} = ? WHERE id = ?`).run(forged, victim.id);
    expect(update).toThrow(/cannot UPDATE generated column/);
    expect(ids(await listAll(h, `${column}=${original}`))).toContain(victim.id);
  });

  it(`names an edit forced past the schema in verify, and no read shows the event under it`, async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    const everything = await listAll(h, '');
    const others = (value: string) =>
      ids(everything.filter((e) => e[column] === value && e.id !== victim.id));
    forceColumns(h.emulator.db, victim.id, { [column]: forged });

    const result = await verify(h);
    expect(result.valid).toBe(false);
    expect(result.breaks).toContainEqual({
      type: 'column_mismatch',
      event_id: victim.id,
      sequence: victim.integrity.sequence,
      expected: `events.${column}=${JSON.stringify(original)}`,
      actual: `events.${column}=${JSON.stringify(forged)}`,
    });

    // Under the forged value: exactly the events whose body says it (pages of 2 are refilled
    // past the skipped row), never the victim.
    expect(ids(await listAll(h, `${column}=${forged}`))).toEqual(others(forged));
    // Under the original value it is hidden at worst — and verify named it above.
    expect(ids(await listAll(h, `${column}=${original}`))).toEqual(others(original));
    // org_b's viewers (one of them scoped to user_b) never see it, listed or by id.
    for (const token of [await h.viewer('org_b'), await h.viewer('org_b', 'user_b')]) {
      expect(ids(await listAll(h, '', token))).not.toContain(victim.id);
      expect(ids(await listAll(h, `${column}=${forged}`, token))).not.toContain(victim.id);
      expect((await h.call('GET', `/events/${victim.id}`, { auth: token })).status).toBe(404);
    }
    const sameTenantOtherActor = await h.viewer('org_a', 'user_b');
    expect(ids(await listAll(h, '', sameTenantOtherActor))).not.toContain(victim.id);
  });
});

describe('moving an event to another tenant by its columns', () => {
  it('names the move in verify without showing org_a values to org_b, and no read of org_b shows it', async () => {
    const h = harness();
    const { victim, after } = await writeEvents(h);
    forceColumns(h.emulator.db, victim.id, { tenant_id: 'org_b', chain: 'org_b' });

    const all = await verify(h);
    expect(all.valid).toBe(false);
    const named = all.breaks
      .filter((b) => b.event_id === victim.id)
      .map((b) => [b.type, b.expected]);
    expect(named).toContainEqual(['column_mismatch', 'events.tenant_id="org_a"']);
    expect(named).toContainEqual(['column_mismatch', 'events.chain="org_a"']);
    // org_a's own walk misses it: a gap before the next event.
    const orgA = await verify(h, '?tenant_id=org_a');
    expect(orgA.breaks).toContainEqual(
      expect.objectContaining({ type: 'sequence_gap', event_id: after.id }),
    );

    const orgBViewer = await h.viewer('org_b');
    const orgBVerify = await verify(h, '', orgBViewer);
    expect(orgBVerify.valid).toBe(false);
    expect(JSON.stringify(orgBVerify.breaks)).not.toContain(victim.id);
    expect(JSON.stringify(orgBVerify.breaks)).not.toContain('org_a');
    expect(ids(await listAll(h, '', orgBViewer))).not.toContain(victim.id);
    expect(ids(await listAll(h, 'tenant_id=org_b'))).not.toContain(victim.id);
    expect((await h.call('GET', `/events/${victim.id}`, { auth: orgBViewer })).status).toBe(404);
    expect(ids(await exported(h, {}, orgBViewer))).not.toContain(victim.id);
    expect(ids(await exported(h, { tenant_id: 'org_b' }))).not.toContain(victim.id);
    // Its own tenant still reads it by id: the body says org_a.
    const orgAViewer = await h.viewer('org_a');
    expect((await h.call('GET', `/events/${victim.id}`, { auth: orgAViewer })).status).toBe(200);
  });

  it('refuses an SQL UPDATE of events.chain, and names one forced past the schema', async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    const update = () =>
      h.emulator.db.prepare('UPDATE events SET chain = ? WHERE id = ?').run('org_b', victim.id);
    expect(update).toThrow(/cannot UPDATE generated column/);
    forceColumns(h.emulator.db, victim.id, { chain: 'org_b' });
    const result = await verify(h);
    expect(result.breaks).toContainEqual(
      expect.objectContaining({
        type: 'column_mismatch',
        event_id: victim.id,
        expected: 'events.chain="org_a"',
      }),
    );
    expect(ids(await listAll(h, '', await h.viewer('org_b')))).not.toContain(victim.id);
  });
});

describe('event_target_rows', () => {
  const victimPk = (h: Harness, id: string) =>
    (h.emulator.db.prepare('SELECT pk FROM events WHERE id = ?').get(id) as { pk: number }).pk;

  it('names an edited target type, and no target filter shows the event under it (reads or exports)', async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    h.emulator.db
      .prepare("UPDATE event_target_rows SET type = 'folder' WHERE event_pk = ?")
      .run(victimPk(h, victim.id));

    const result = await verify(h);
    expect(result.breaks).toEqual([
      {
        type: 'column_mismatch',
        event_id: victim.id,
        sequence: victim.integrity.sequence,
        expected: 'event_target_rows=[{"position":0,"type":"ledger","id":"ledger_9"}]',
        actual: 'event_target_rows=[{"position":0,"type":"folder","id":"ledger_9"}]',
      },
    ]);
    const underForged = await listAll(h, 'target_type=folder');
    expect(ids(underForged)).not.toContain(victim.id);
    for (const event of underForged) expect(event.targets.map((t) => t.type)).toContain('folder');
    expect(ids(await listAll(h, 'target_type=folder&target_id=ledger_9'))).toEqual([]);
    // Under its real target it is hidden at worst; verify named it above.
    expect(await listAll(h, 'target_type=ledger')).toEqual([]);

    const created = await h.call('POST', '/exports', {
      body: { target_type: 'folder', format: 'json' },
    });
    expect(created.status).toBe(202);
    await h.emulator.exports.idle();
    const job = (await h.call('GET', `/exports/${created.body.data.id}`)).body.data;
    expect(job.status).toBe('completed');
    const file = (await h.call('GET', job.download_url, { auth: null })).body as Ev[];
    expect(ids(file)).not.toContain(victim.id);
    expect(file.length).toBeGreaterThan(0);
  });

  it('names an edited target id and a target row added to an event', async () => {
    const h = harness();
    const { victim, before } = await writeEvents(h);
    const db = h.emulator.db;
    db.prepare("UPDATE event_target_rows SET id = 'ledger_1' WHERE event_pk = ?").run(
      victimPk(h, victim.id),
    );
    db.prepare(
      "INSERT INTO event_target_rows (event_pk, position, type, id) VALUES (?, 1, 'ledger', 'ledger_9')",
    ).run(victimPk(h, before.id));
    const result = await verify(h);
    expect(result.breaks.map((b) => [b.type, b.event_id])).toEqual([
      ['column_mismatch', before.id],
      ['column_mismatch', victim.id],
    ]);
    expect(ids(await listAll(h, 'target_id=ledger_1'))).toEqual([]);
    expect(ids(await listAll(h, 'target_type=ledger&target_id=ledger_9'))).toEqual([]);
  });

  it('finds nothing to name in targets that hold quotes, separators, a NUL or a null id', async () => {
    const h = harness();
    const targets = [
      { type: "it's", id: null },
      { type: 'a,b;c:d', id: "o'k\u0000NUL" },
      { type: '\u00e9t\u00e9 \ud83d\ude00', id: '0' },
    ];
    const res = await h.call('POST', '/events', { body: payload({ targets }) });
    expect(res.status).toBe(201);
    expect(await verify(h)).toMatchObject({ valid: true, breaks: [] });
    const id = res.body.data.id;
    expect(
      ids(await listAll(h, `target_type=a,b;c:d&target_id=${encodeURIComponent("o'k\u0000NUL")}`)),
    ).toEqual([id]);
    expect(ids(await listAll(h, "target_type=it's"))).toEqual([id]);
  });

  it('names a target row moved to another event, and a forged position never errors a read', async () => {
    const h = harness();
    const { victim, before } = await writeEvents(h);
    const db = h.emulator.db;
    db.prepare('UPDATE event_target_rows SET event_pk = ?, position = 1 WHERE event_pk = ?').run(
      victimPk(h, before.id),
      victimPk(h, victim.id),
    );
    db.prepare(
      "INSERT INTO event_target_rows (event_pk, position, type, id) VALUES (?, 'x', 'ledger', 'ledger_9')",
    ).run(victimPk(h, before.id));
    db.prepare(
      "INSERT INTO event_target_rows (event_pk, position, type, id) VALUES (?, -1, 'ledger', 'ledger_9')",
    ).run(victimPk(h, before.id));
    const result = await verify(h);
    expect(result.breaks.map((b) => [b.type, b.event_id])).toEqual([
      ['column_mismatch', before.id],
      ['column_mismatch', victim.id],
    ]);
    expect(ids(await listAll(h, 'target_id=ledger_9'))).toEqual([]);
  });
});

describe('events_search', () => {
  it('names an edited search text, and no search shows the event under it', async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    h.emulator.db
      .prepare(
        "UPDATE events_search SET text = 'monthly\nzz' WHERE rowid = (SELECT pk FROM events WHERE id = ?)",
      )
      .run(victim.id);

    const result = await verify(h);
    expect(result.breaks).toHaveLength(1);
    expect(result.breaks[0]).toMatchObject({
      type: 'column_mismatch',
      event_id: victim.id,
      actual: 'events_search.text="monthly\\nzz"',
    });
    expect(result.breaks[0]!.expected).toContain('quarterly settlement');

    // A trigram word and a short (LIKE) word: only events whose body holds them.
    for (const word of ['monthly', 'zz']) {
      const found = await listAll(h, `search=${word}`);
      expect(ids(found)).not.toContain(victim.id);
      for (const event of found) expect(JSON.stringify(event).toLowerCase()).toContain(word);
    }
    expect(ids(await listAll(h, 'search=monthly', await h.viewer('org_a')))).not.toContain(
      victim.id,
    );
    // Under its real words it is hidden at worst; verify named it above.
    expect(await listAll(h, 'search=quarterly')).toEqual([]);
    // Export files apply the same check as pages.
    expect(ids(await exported(h, { search: 'monthly' }))).not.toContain(victim.id);
    expect(ids(await exported(h, { search: 'zz' }))).not.toContain(victim.id);
  });

  it('names a deleted search row', async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    h.emulator.db
      .prepare('DELETE FROM events_search WHERE rowid = (SELECT pk FROM events WHERE id = ?)')
      .run(victim.id);
    const result = await verify(h);
    expect(result.breaks).toEqual([
      expect.objectContaining({
        type: 'column_mismatch',
        event_id: victim.id,
        actual: 'events_search.text=null',
      }),
    ]);
  });

  it('accepts a search text whose metadata values come in another order than the body’s', async () => {
    const h = harness();
    const res = await h.call('POST', '/events', {
      body: payload({ metadata: { zeta: 'last', '10': 'ten', alpha: { b: 'bee', a: 'ay' } } }),
    });
    expect(res.status).toBe(201);
    expect((await verify(h)).valid).toBe(true);
    expect(ids(await listAll(h, 'search=bee ten'))).toEqual([res.body.data.id]);
  });
});

describe('the links verify walks', () => {
  it("names a rewritten, re-hashed event whose successor's previous_event_hash column was edited to match", async () => {
    const h = harness();
    const { victim, after } = await writeEvents(h);
    const db = h.emulator.db;
    // Rewrite the victim and give it a correct hash of its new content: it verifies on its own.
    const row = db.prepare('SELECT body FROM events WHERE id = ?').get(victim.id) as {
      body: string;
    };
    const content = JSON.parse(row.body) as Record<string, unknown>;
    content.action = 'invoice.voided';
    const body = canonicalize(content);
    const hash = crypto.createHash('sha256').update(body, 'utf8').digest('hex');
    db.prepare('UPDATE events SET body = ?, event_hash = ? WHERE id = ?').run(
      body,
      hash,
      victim.id,
    );
    // Relink the successor by its column only (its body, which is hashed, still names the old hash).
    db.prepare('UPDATE events SET previous_event_hash = ? WHERE id = ?').run(hash, after.id);

    const result = await verify(h, '?tenant_id=org_a');
    expect(result.valid).toBe(false);
    expect(result.breaks).toContainEqual({
      type: 'column_mismatch',
      event_id: after.id,
      sequence: after.integrity.sequence,
      expected: `events.previous_event_hash=${JSON.stringify(victim.integrity.event_hash)}`,
      actual: `events.previous_event_hash=${JSON.stringify(hash)}`,
    });
  });

  it("hides another actor's values from an actor-scoped viewer's verify", async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    h.emulator.db
      .prepare(
        "UPDATE events_search SET text = 'x' WHERE rowid = (SELECT pk FROM events WHERE id = ?)",
      )
      .run(victim.id);
    const result = await verify(h, '', await h.viewer('org_a', 'user_1'));
    expect(result.breaks).toEqual([
      {
        type: 'column_mismatch',
        event_id: null,
        sequence: victim.integrity.sequence,
        expected: null,
        actual: null,
      },
    ]);
  });
});

describe('a body that is no longer JSON', () => {
  it('is skipped by reads instead of failing every page that holds it, and named by verify', async () => {
    const h = harness();
    const { victim, after } = await writeEvents(h);
    const db = h.emulator.db;
    // A trailing comma: JSON5, which SQLite's JSON functions (so the generated columns) accept.
    const { body } = db.prepare('SELECT body FROM events WHERE id = ?').get(victim.id) as {
      body: string;
    };
    db.prepare('UPDATE events SET body = ? WHERE id = ?').run(`${body.slice(0, -1)},}`, victim.id);

    const page = await h.call('GET', '/events');
    expect(page.status).toBe(200);
    expect(ids(page.body.data)).toContain(after.id);
    expect(ids(page.body.data)).not.toContain(victim.id);
    expect((await h.call('GET', `/events/${victim.id}`)).status).toBe(404);
    const result = await verify(h);
    expect(result.breaks).toEqual([
      expect.objectContaining({
        type: 'hash_mismatch',
        event_id: victim.id,
        actual: victim.integrity.event_hash,
      }),
    ]);
  });
});

/** The schema before generated columns (version 0), exactly as earlier emulators created it. */
const SCHEMA_V0 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE events (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, chain TEXT NOT NULL, tenant_id TEXT,
  actor_id TEXT NOT NULL, action TEXT NOT NULL, resource TEXT, resource_id TEXT, session_id TEXT,
  idempotency_key TEXT, created_at TEXT NOT NULL, sequence INTEGER NOT NULL,
  previous_event_hash TEXT, event_hash TEXT NOT NULL, body TEXT NOT NULL
);
CREATE INDEX events_order ON events (created_at, sequence, id);
CREATE INDEX events_chain_seq ON events (chain, sequence);
CREATE INDEX events_tenant ON events (tenant_id, created_at, sequence, id);
CREATE INDEX events_actor ON events (actor_id, created_at, sequence, id);
CREATE INDEX events_action ON events (action, created_at);
CREATE INDEX events_resource_id ON events (resource_id, created_at);
CREATE INDEX events_session ON events (session_id, created_at);
CREATE UNIQUE INDEX events_idempotency ON events (chain, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE TABLE event_targets (
  event_pk INTEGER NOT NULL, position INTEGER NOT NULL, type TEXT NOT NULL, id TEXT,
  PRIMARY KEY (event_pk, position)
) WITHOUT ROWID;
CREATE INDEX event_targets_lookup ON event_targets (type, id);
CREATE VIRTUAL TABLE events_search USING fts5(text, tokenize = 'trigram');
CREATE TABLE actor_countries (
  chain TEXT NOT NULL, actor_id TEXT NOT NULL, country TEXT NOT NULL,
  PRIMARY KEY (chain, actor_id, country)
) WITHOUT ROWID;
CREATE TABLE alerts (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, rule_type TEXT NOT NULL, reason TEXT NOT NULL,
  severity TEXT NOT NULL, event_id TEXT NOT NULL, actor_id TEXT NOT NULL, tenant_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX alerts_tenant ON alerts (tenant_id, pk);
CREATE TABLE exports (
  id TEXT PRIMARY KEY, scope TEXT NOT NULL, status TEXT NOT NULL, format TEXT NOT NULL,
  filters TEXT NOT NULL, max_pk INTEGER NOT NULL, events_count INTEGER,
  events_processed INTEGER NOT NULL DEFAULT 0, error_message TEXT, file TEXT,
  created_at TEXT NOT NULL, completed_at TEXT, expires_at TEXT
) WITHOUT ROWID;
`;

/**
 * A version-0 file holding what `writeEvents` wrote (and a sensitive-action alert), row for
 * row as an earlier emulator stored it; returns it with the events as the API returned them.
 */
async function versionZeroFile() {
  const source = tempFile('source.db');
  const h = harness(source);
  const written = await writeEvents(h);
  const deleted = await h.call('POST', '/events', {
    body: payload({ action: 'document.deleted' }),
  });
  expect(deleted.status).toBe(201);
  const everything = await listAll(h, '');
  await h.emulator.close();
  harnesses.splice(harnesses.indexOf(h), 1);

  const file = tempFile('old.db');
  const old = new Database(file);
  old.exec(SCHEMA_V0);
  old.prepare('ATTACH DATABASE ? AS src').run(source);
  old.exec(`
    INSERT INTO events (pk, id, chain, tenant_id, actor_id, action, resource, resource_id,
        session_id, idempotency_key, created_at, sequence, previous_event_hash, event_hash, body)
      SELECT pk, id, chain, tenant_id, actor_id, action, resource, resource_id,
        session_id, idempotency_key, created_at, sequence, previous_event_hash, event_hash, body
      FROM src.events;
    INSERT INTO event_targets SELECT event_pk, position, type, id FROM src.event_target_rows;
    INSERT INTO events_search (rowid, text) SELECT rowid, text FROM src.events_search;
    INSERT INTO meta SELECT key, value FROM src.meta;
    INSERT INTO alerts SELECT * FROM src.alerts;
    INSERT INTO actor_countries SELECT * FROM src.actor_countries;`);
  old.exec('DETACH DATABASE src');
  expect(old.pragma('user_version', { simple: true })).toBe(0);
  old.close();
  return { file, written, everything };
}

describe('upgrading a file written before the generated columns', () => {
  it('upgrades it in place at open, keeping every event, its hashes, filters and alerts', async () => {
    const { file, written, everything } = await versionZeroFile();
    const h = harness(file);
    expect(h.emulator.db.pragma('user_version', { simple: true })).toBe(1);
    expect(await listAll(h, '')).toEqual(everything);
    const result = await verify(h);
    expect(result).toMatchObject({ valid: true, events_checked: everything.length, breaks: [] });
    const { victim } = written;
    for (const query of [
      'action=invoice.paid',
      'target_type=ledger',
      'search=quarterly',
      'session_id=sess_9',
    ]) {
      expect(ids(await listAll(h, query)), query).toEqual([victim.id]);
    }
    expect(ids(await listAll(h, '', await h.viewer('org_a', 'user_victim')))).toEqual([victim.id]);
    expect((await h.call('GET', '/alerts?rule_type=sensitive_action')).body.data).toHaveLength(1);
    const update = () =>
      h.emulator.db.prepare('UPDATE events SET action = ? WHERE id = ?').run('x', victim.id);
    expect(update).toThrow(/cannot UPDATE generated column/);
    // Ingest carries on: the next event links to the old head.
    const next = await h.call('POST', '/events', {
      body: payload({ tenant_id: 'org_b', actor_id: 'user_b' }),
    });
    expect(next.body.data.integrity.previous_event_hash).toBe(
      written.orgB[1]!.integrity.event_hash,
    );
    expect((await verify(h)).valid).toBe(true);
    await h.emulator.close();
    // Opening it again finds it done.
    const again = harness(file);
    expect((await verify(again)).events_checked).toBe(everything.length + 1);
  });

  it('rebuilds edited columns of the old file from the body, and still names an edited target row', async () => {
    const { file, written } = await versionZeroFile();
    const old = new Database(file);
    old
      .prepare("UPDATE events SET action = 'document.deleted', tenant_id = 'org_b' WHERE id = ?")
      .run(written.victim.id);
    old
      .prepare(
        "UPDATE event_targets SET type = 'folder' WHERE event_pk = (SELECT pk FROM events WHERE id = ?)",
      )
      .run(written.victim.id);
    old.close();
    const h = harness(file);
    expect(ids(await listAll(h, 'action=invoice.paid&tenant_id=org_a'))).toEqual([
      written.victim.id,
    ]);
    expect(ids(await listAll(h, '', await h.viewer('org_b')))).not.toContain(written.victim.id);
    const result = await verify(h);
    expect(result.breaks.map((b) => [b.type, b.event_id, b.expected?.split('=')[0]])).toEqual([
      ['column_mismatch', written.victim.id, 'event_target_rows'],
    ]);
  });

  it('leaves the old file as it was when the upgrade fails', async () => {
    const { file, written } = await versionZeroFile();
    const old = new Database(file);
    old.prepare("UPDATE events SET body = 'not json' WHERE id = ?").run(written.victim.id);
    const count = (db: Database.Database) =>
      (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const rows = count(old);
    old.close();
    expect(() => startHarness({ db: file, apiKey: API_KEY })).toThrow(/upgrade.*unchanged/i);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(count(after)).toBe(rows);
    const action = (
      after.pragma('table_xinfo(events)') as Array<{ name: string; hidden: number }>
    ).find((c) => c.name === 'action');
    expect(action?.hidden).toBe(0); // still a plain column
    expect(
      after
        .prepare("SELECT 1 FROM sqlite_schema WHERE name = 'event_targets' AND type = 'table'")
        .get(),
    ).toBeTruthy();
    after.close();
  });
});
