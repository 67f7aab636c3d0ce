/**
 * The database the emulator's SQL runs on: the few calls it makes, as better-sqlite3 spells them.
 * Two implementations: better-sqlite3 itself in Node (openDatabase.ts; its Database satisfies
 * this as it is, so the Node path runs exactly as before, with no wrapper in between) and SQLite
 * compiled to WebAssembly in a browser (wasmDatabase.ts). The schema and every statement are the
 * same text in both; the SQL needs no custom functions (JSON, FTS5 with the trigram tokenizer,
 * GLOB, LIKE, hex and typeof are all SQLite's own).
 */

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/**
 * A prepared statement. Rows are objects keyed by column name, or arrays in select order once
 * `raw(true)` was called (rawStatement). Only one walk at a time: an `iterate` must be finished
 * (or left with `break`) before the same statement runs again.
 */
export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  raw(toggle?: boolean): this;
}

/**
 * A function run in one transaction (BEGIN … COMMIT, ROLLBACK when it throws); `immediate`
 * takes the write lock at BEGIN. Called inside another transaction, it is a savepoint.
 */
// `any`: the parameters of a transaction's function are its own, whatever they are.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TransactionFunction = (...args: any[]) => unknown;
export type Arguments<F extends TransactionFunction> = F extends (...args: infer A) => unknown
  ? A
  : never;

export interface Transaction<F extends TransactionFunction> {
  (...args: Arguments<F>): ReturnType<F>;
  immediate(...args: Arguments<F>): ReturnType<F>;
}

export interface Database {
  readonly open: boolean;
  prepare(sql: string): Statement;
  /** Runs one or more statements that return no rows (the schema, PRAGMAs). */
  exec(sql: string): unknown;
  transaction<F extends TransactionFunction>(fn: F): Transaction<F>;
  close(): unknown;
}

/**
 * Prepared statements kept per database. Request SQL varies with the filters given (which are
 * present, glob or exact, how many short search words), and a prepared statement of a big WHERE
 * holds tens of KB of SQLite memory, so an unbounded cache grew with every new shape: 9,000
 * search shapes took RSS from 245 MB to 864 MB. The texts in use at a time are a few dozen.
 */
export const STATEMENT_CACHE_SIZE = 100;

/** Per database, least recently used first: a Map iterates in insertion order. */
const statements = new WeakMap<Database, Map<string, Statement>>();

/** Raw statements are cached apart (raw mode is a property of the prepared statement). */
const RAW = '\u0000raw\u0000';

/**
 * The one way the emulator prepares SQL: a statement for this text from a per-database LRU
 * cache of {@link STATEMENT_CACHE_SIZE}. An evicted statement is only dropped from the cache,
 * never finalized here: a caller may still be paging with it (an export between chunks); each
 * implementation finalizes it once the garbage collector takes the last reference.
 */
export function statement(db: Database, sql: string): Statement {
  return cached(db, sql, () => db.prepare(sql));
}

/** The same, returning each row as an array in select order (for walks of many rows). */
export function rawStatement(db: Database, sql: string): Statement {
  return cached(db, RAW + sql, () => db.prepare(sql).raw(true));
}

function cached(db: Database, key: string, prepare: () => Statement): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(key);
  if (stmt) {
    cache.delete(key); // re-inserted below, as the most recently used
  } else {
    stmt = prepare();
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, stmt);
  return stmt;
}

/** How many statements `statement` holds for this database (for tests of the bound). */
export function cachedStatementCount(db: Database): number {
  return statements.get(db)?.size ?? 0;
}
