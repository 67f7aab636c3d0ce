import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ids, listAll, tamperFixtures, verify, writeEvents } from './columnTamperSetup.js';
import { SCHEMA_VERSION } from '../src/store/schema.js';
import { API_KEY, payload, startHarness } from './harness.js';

const { harness, tempFile, forget } = tamperFixtures();

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
  forget(h);

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
    expect(h.emulator.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
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
