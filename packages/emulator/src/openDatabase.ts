import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

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
 * Opens (creating if needed) the emulator's database. WAL with synchronous=NORMAL: a commit is
 * in the OS's hands before the HTTP response is sent, so it survives `kill -9` of the process.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
  // 16 MB page cache (was 64 MB). Measured at 100k events: same ingest CPU per event or less
  // (every commit walks the whole cache in pcache1Truncate, 3.9% of ingest samples under
  // perf at 64 MB) and ~50 MB less RSS. A 1M-event file is ~2 GB, so neither size holds
  // it; pages outside the cache come from the OS page cache.
  db.pragma('cache_size = -16384');
  // Checkpoint every 10,000 WAL pages (~40 MB) instead of SQLite's 1,000 (~4 MB): a batch of
  // 100 events dirties hundreds of index pages, so the default checkpointed (copying pages
  // into the database file and fsyncing it, under synchronous=NORMAL) every two or three
  // batches. Fewer checkpoints write each hot page once instead of several times: about
  // -10% CPU per ingested event. Durability is unchanged — a commit is in the WAL either way;
  // the cost is a WAL file of up to ~40 MB on disk.
  db.pragma('wal_autocheckpoint = 10000');
  try {
    upgradeSchema(db);
  } catch (error) {
    db.close();
    throw new Error(
      `Could not upgrade ${file} to schema version ${SCHEMA_VERSION}; the file is unchanged. ` +
        (error as Error).message,
      { cause: error },
    );
  }
  return db;
}

/**
 * The schema's version, kept in `PRAGMA user_version`: 0 is a new file or one written before
 * the generated columns (plain copies of body in events, targets in a table named
 * event_targets); 1 is SCHEMA above.
 */
const SCHEMA_VERSION = 1;

/**
 * Brings a file to SCHEMA_VERSION in place, in one IMMEDIATE transaction (a crash or an error
 * leaves the file as it was; a second process opening it meanwhile waits, up to busy_timeout,
 * then finds it done). Version 0 → 1 rebuilds events from body, keeping every row and its pk
 * (the targets, the search index and export snapshots refer to pk): its copies are then what
 * body says, whatever an earlier edit left in them. The target rows and the search text are
 * kept as they are, so verify still names an earlier edit of those. Measured: 2.3 s for 100k
 * events; the old table's pages stay in the file as free space that later writes reuse.
 */
function upgradeSchema(db: Db): void {
  db.transaction(() => {
    if ((db.pragma('user_version', { simple: true }) as number) >= SCHEMA_VERSION) return;
    const tableExists = (name: string) =>
      db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name);
    const fromV0 = tableExists('events') !== undefined;
    if (fromV0) {
      db.exec('ALTER TABLE events RENAME TO events_v0');
      if (tableExists('event_targets')) {
        db.exec('ALTER TABLE event_targets RENAME TO event_target_rows');
      }
      // Old index names would make SCHEMA's CREATE INDEX IF NOT EXISTS skip the new ones.
      const oldIndexes = db
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
             AND tbl_name IN ('events_v0', 'event_target_rows')`,
        )
        .all() as { name: string }[];
      for (const { name } of oldIndexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
    }
    db.exec(SCHEMA);
    if (fromV0) {
      db.exec(`INSERT INTO events (pk, body, event_hash, sequence, previous_event_hash)
                 SELECT pk, body, event_hash, sequence, previous_event_hash FROM events_v0
                 ORDER BY pk`);
      db.exec('DROP TABLE events_v0');
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/**
 * Prepared statements kept per database. Request SQL varies with the filters given (which are
 * present, glob or exact, how many short search words), and a prepared statement of a big WHERE
 * holds tens of KB of SQLite memory, so an unbounded cache grew with every new shape: 9,000
 * search shapes took RSS from 245 MB to 864 MB. The texts in use at a time are a few dozen.
 */
export const STATEMENT_CACHE_SIZE = 100;

/** Per database, least recently used first: a Map iterates in insertion order. */
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement for this SQL text, from a per-database LRU cache of
 * {@link STATEMENT_CACHE_SIZE}. An evicted statement is only dropped from the cache, never
 * finalized here: a caller may still be paging with it (an export between chunks), and
 * better-sqlite3 finalizes it when the garbage collector takes the last reference.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (stmt) {
    cache.delete(sql); // re-inserted below, as the most recently used
  } else {
    stmt = db.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, stmt);
  return stmt;
}

/** How many statements `statement` holds for this database (for tests of the bound). */
export function cachedStatementCount(db: Db): number {
  return statements.get(db)?.size ?? 0;
}
