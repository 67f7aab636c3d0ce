import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- pk is write order. body is the RFC 8785 text of the hashed object (the event without
-- integrity, plus previous_event_hash and sequence): what is returned is parsed from it, and
-- what verify hashes is it, so "stored content" means exactly one thing.
CREATE TABLE IF NOT EXISTS events (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  chain TEXT NOT NULL,
  tenant_id TEXT,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  resource TEXT,
  resource_id TEXT,
  session_id TEXT,
  idempotency_key TEXT,
  created_at TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  previous_event_hash TEXT,
  event_hash TEXT NOT NULL,
  body TEXT NOT NULL
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

CREATE TABLE IF NOT EXISTS event_targets (
  event_pk INTEGER NOT NULL,
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  id TEXT,
  PRIMARY KEY (event_pk, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_targets_lookup ON event_targets (type, id);

-- Substring search: a trigram index over the lowercased searchable values of each event.
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
  db.exec(SCHEMA);
  return db;
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
