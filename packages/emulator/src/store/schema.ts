/**
 * The emulator's schema, and bringing a database to it: the same SQL on better-sqlite3 and on
 * SQLite in WebAssembly (see Database.ts).
 */
import { statement, type Database } from './Database.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- pk is write order. body is the RFC 8785 text of the hashed object (the event without
-- integrity, plus previous_event_hash and sequence): what is returned is parsed from it, and
-- what verify hashes is it, so "stored content" means exactly one thing.
--
-- The columns that lookups, filters and scope read are GENERATED from body, never written:
-- an SQL edit of one is refused ("cannot UPDATE generated column"), and an edit of body breaks
-- the hash, so no filter or scope can be fooled while verify says valid — in every reader
-- (events, exports, verify's walk), not only those that re-check. STORED, not VIRTUAL
-- (measured on 100k seed events, CPU time): an insert costs about what the plain columns did
-- (SQLite's part 33–37.5 µs → 37.7 µs; a whole ingest ~125 → ~128 µs per event) and reads
-- the same, while VIRTUAL recomputes the JSON on every row a walk touches (a full scan 160 ms
-- against 80 ms). A JSON null is SQL NULL.
-- sequence and previous_event_hash stay plain: they are the walk's own order and links, and
-- verify already names any edit of them (sequence_gap, chain_mismatch, column_mismatch); the
-- tamper command's swap edits sequence on purpose. event_hash is the claim verify checks.
CREATE TABLE IF NOT EXISTS events (
  pk INTEGER PRIMARY KEY,
  body TEXT NOT NULL,
  event_hash TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  previous_event_hash TEXT,
  id TEXT NOT NULL UNIQUE GENERATED ALWAYS AS (body ->> '$.id') STORED,
  chain TEXT NOT NULL GENERATED ALWAYS AS (coalesce(body ->> '$.tenant_id', '')) STORED,
  tenant_id TEXT GENERATED ALWAYS AS (body ->> '$.tenant_id') STORED,
  actor_id TEXT NOT NULL GENERATED ALWAYS AS (body ->> '$.actor_id') STORED,
  action TEXT NOT NULL GENERATED ALWAYS AS (body ->> '$.action') STORED,
  resource TEXT GENERATED ALWAYS AS (body ->> '$.resource') STORED,
  resource_id TEXT GENERATED ALWAYS AS (body ->> '$.resource_id') STORED,
  session_id TEXT GENERATED ALWAYS AS (body ->> '$.session_id') STORED,
  idempotency_key TEXT GENERATED ALWAYS AS (body ->> '$.idempotency_key') STORED,
  created_at TEXT NOT NULL GENERATED ALWAYS AS (body ->> '$.created_at') STORED
);
CREATE INDEX IF NOT EXISTS events_order ON events (created_at, sequence, id);
CREATE INDEX IF NOT EXISTS events_chain_seq ON events (chain, sequence);
CREATE INDEX IF NOT EXISTS events_tenant ON events (tenant_id, created_at, sequence, id);
CREATE INDEX IF NOT EXISTS events_actor ON events (actor_id, created_at, sequence, id);
CREATE INDEX IF NOT EXISTS events_action ON events (action, created_at);
CREATE INDEX IF NOT EXISTS events_resource_id ON events (resource_id, created_at);
CREATE INDEX IF NOT EXISTS events_session ON events (session_id, created_at);
CREATE UNIQUE INDEX IF NOT EXISTS events_idempotency ON events (chain, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- One row per target, for the target filters. A table cannot be generated from a JSON array,
-- so readers go through the event_targets view, which keeps only rows that the body confirms
-- (the same type and id at that position): an edited row can hide an event from a target
-- filter — verify names it, column_mismatch — but never show one under a target it does not
-- have. The guard keeps a forged position (text, negative) from building a bad JSON path.
-- A filter walks events newest first and probes each one's rows by event_pk; CROSS JOIN and
-- the unary + keep that plan (rows by primary key, the body read only for a row whose type
-- matched). There is no index on (type, id) any more: the planner probed it per event
-- instead, scanning every entry of the type each time (target_type=folder at 100k events:
-- 172 ms CPU, now 0.5 ms; a target only the oldest event has: ~23 ms either way).
CREATE TABLE IF NOT EXISTS event_target_rows (
  event_pk INTEGER NOT NULL,
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  id TEXT,
  PRIMARY KEY (event_pk, position)
) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS event_targets AS
  SELECT r.event_pk, r.position, +r.type AS type, +r.id AS id
    FROM event_target_rows r CROSS JOIN events e ON e.pk = r.event_pk
   WHERE CASE WHEN typeof(r.position) = 'integer' AND r.position >= 0 THEN
           json_extract(e.body, '$.targets[' || r.position || '].type') IS r.type
           AND json_extract(e.body, '$.targets[' || r.position || '].id') IS r.id
         END;

-- Substring search: a trigram index over the lowercased searchable values of each event
-- (searchText in eventRows.ts). Not derivable in SQL, so it is a copy: verify compares it
-- with the body, and GET /events re-checks the rows it returns for a search (EventStore).
CREATE VIRTUAL TABLE IF NOT EXISTS events_search USING fts5(text, tokenize = 'trigram');

CREATE TABLE IF NOT EXISTS actor_countries (
  chain TEXT NOT NULL, actor_id TEXT NOT NULL, country TEXT NOT NULL,
  PRIMARY KEY (chain, actor_id, country)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS alerts (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  rule_type TEXT NOT NULL,
  reason TEXT NOT NULL,
  severity TEXT NOT NULL,
  event_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  tenant_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alerts_tenant ON alerts (tenant_id, pk);

CREATE TABLE IF NOT EXISTS exports (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL,
  status TEXT NOT NULL,
  format TEXT NOT NULL,
  filters TEXT NOT NULL,
  max_pk INTEGER NOT NULL,
  events_count INTEGER,
  events_processed INTEGER NOT NULL DEFAULT 0,
  error_message TEXT,
  file TEXT,
  created_at TEXT NOT NULL,
  completed_at TEXT,
  expires_at TEXT
) WITHOUT ROWID;
`;

/**
 * The schema's version, kept in `PRAGMA user_version`: 0 is a new file or one written before
 * the generated columns (plain copies of body in events, targets in a table named
 * event_targets); 1 is SCHEMA above; 2 is SCHEMA with SEARCH_INDEX_MERGING.
 */
export const SCHEMA_VERSION = 2;

/**
 * How often the search index merges its segments, kept in the FTS5 table's own config (so it
 * is set once per file). FTS5 writes a new segment at every commit and, by default, merges
 * a little at every commit once 4 segments share a level; with 16 it merges rarely, and then
 * a whole level at once (FTS5's crisis merge, also at 16). Measured: CPU per event of the
 * in-process ingest (the floors of `pnpm bench:emulator`, 20,000 events in batches of 100,
 * 3 rounds) 56.3 → 52.3 µs (-7%); a fill of 1M events 100.4 → 89.7 s. A search reads up to 16
 * segments a level instead of 4, which the same run at 1M does not show beyond its noise:
 * `search=budget` p95 14.4 → 14.2 ms, the five worst searches 420/772/223/211/193 →
 * 431/799/234/212/177 ms, the file 2,043 → 2,049 MB.
 */
const SEARCH_INDEX_MERGING =
  "INSERT INTO events_search (events_search, rank) VALUES ('automerge', 16)";

/**
 * Brings a database to SCHEMA_VERSION in place, in one IMMEDIATE transaction (a crash or an
 * error leaves the file as it was; a second process opening it meanwhile waits, up to
 * busy_timeout, then finds it done). Version 0 → 1 rebuilds events from body, keeping every row
 * and its pk (the targets, the search index and export snapshots refer to pk): its copies are
 * then what body says, whatever an earlier edit left in them. The target rows and the search
 * text are kept as they are, so verify still names an earlier edit of those. Measured: 2.3 s
 * for 100k events; the old table's pages stay in the file as free space that later writes reuse.
 * Version 1 → 2 only sets SEARCH_INDEX_MERGING: the segments already written stay as they are.
 */
export function upgradeSchema(db: Database): void {
  db.transaction(() => {
    const { user_version: version } = statement(db, 'PRAGMA user_version').get() as {
      user_version: number;
    };
    if (version >= SCHEMA_VERSION) return;
    const tableExists = (name: string) =>
      statement(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name);
    const fromV0 = tableExists('events') !== undefined;
    if (fromV0) {
      db.exec('ALTER TABLE events RENAME TO events_v0');
      if (tableExists('event_targets')) {
        db.exec('ALTER TABLE event_targets RENAME TO event_target_rows');
      }
      // Old index names would make SCHEMA's CREATE INDEX IF NOT EXISTS skip the new ones.
      const oldIndexes = statement(
        db,
        `SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
           AND tbl_name IN ('events_v0', 'event_target_rows')`,
      ).all() as { name: string }[];
      for (const { name } of oldIndexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
    }
    db.exec(SCHEMA);
    db.exec(SEARCH_INDEX_MERGING);
    if (fromV0) {
      db.exec(`INSERT INTO events (pk, body, event_hash, sequence, previous_event_hash)
                 SELECT pk, body, event_hash, sequence, previous_event_hash FROM events_v0
                 ORDER BY pk`);
      db.exec('DROP TABLE events_v0');
    }
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

export function getMeta(db: Database, key: string): string | undefined {
  const row = statement(db, 'SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Database, key: string, value: string): void {
  statement(
    db,
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
