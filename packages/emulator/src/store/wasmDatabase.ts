/**
 * The browser implementation of Database.ts: SQLite 3.54 compiled to WebAssembly
 * (@sqlite.org/sqlite-wasm, an optional peer dependency of this package), in memory, through its
 * synchronous oo1 API — so the emulator's code, which is synchronous around SQLite (an ingest
 * transaction, a streamed verify walk), runs unchanged. The build has FTS5 with the trigram
 * tokenizer and JSON, which the schema needs (sql.js has no FTS5). It also runs in Node, where
 * the tests use it.
 */
import type {
  PreparedStatement,
  Database as Sqlite3Database,
  Sqlite3Static,
} from '@sqlite.org/sqlite-wasm';
import type {
  Arguments,
  Database,
  RunResult,
  Statement,
  Transaction,
  TransactionFunction,
} from './Database.js';
import { upgradeSchema } from './schema.js';

export interface WasmDatabaseOptions {
  /**
   * Where `sqlite3.wasm` is served. By default the module finds it beside itself
   * (`new URL('sqlite3.wasm', import.meta.url)`), which Vite, webpack and Node all resolve; set
   * it when the file is served elsewhere.
   */
  wasmUrl?: string;
}

type Init = (options?: { locateFile?: (file: string) => string }) => Promise<Sqlite3Static>;

let loading: Promise<Sqlite3Static> | undefined;

/**
 * The SQLite module, loaded once per page (the WASM file is fetched and compiled then). Imported
 * on first use, so the browser entry's pure parts (the seed generator, the filter rules) cost
 * nothing of it.
 */
export function loadSqlite(options: WasmDatabaseOptions = {}): Promise<Sqlite3Static> {
  const { wasmUrl } = options;
  loading ??= import('@sqlite.org/sqlite-wasm')
    .catch((error: unknown) => {
      throw new Error(
        'The browser emulator runs on @sqlite.org/sqlite-wasm, an optional peer dependency of ' +
          '@getimmutable/emulator: install it beside it (npm install @sqlite.org/sqlite-wasm).',
        { cause: error },
      );
    })
    .then(({ default: init }) =>
      (init as Init)(wasmUrl === undefined ? undefined : { locateFile: () => wasmUrl }),
    )
    .catch((error: unknown) => {
      loading = undefined; // let a later call try again
      throw error;
    });
  return loading;
}

/** A new in-memory database with the emulator's schema. */
export async function openWasmDatabase(options: WasmDatabaseOptions = {}): Promise<Database> {
  const sqlite3 = await loadSqlite(options);
  const db = new WasmDatabase(sqlite3, new sqlite3.oo1.DB(':memory:', 'c'));
  upgradeSchema(db);
  return db;
}

/**
 * Statements evicted from the statement cache are not finalized there (a caller may still be
 * paging with one); as better-sqlite3 does, the garbage collector finalizes each once its last
 * reference is gone. Closing the database finalizes the rest.
 */
const finalizer = new FinalizationRegistry<PreparedStatement>((stmt) => {
  if (stmt.pointer) stmt.finalize();
});

class WasmDatabase implements Database {
  readonly #sqlite3: Sqlite3Static;
  readonly #db: Sqlite3Database;
  #savepoints = 0;

  constructor(sqlite3: Sqlite3Static, db: Sqlite3Database) {
    this.#sqlite3 = sqlite3;
    this.#db = db;
  }

  get open(): boolean {
    return this.#db.isOpen();
  }

  prepare(sql: string): Statement {
    const stmt = this.#db.prepare(sql);
    const wrapper = new WasmStatement(stmt, () => this.#lastRun());
    finalizer.register(wrapper, stmt);
    return wrapper;
  }

  exec(sql: string): this {
    this.#db.exec(sql);
    return this;
  }

  close(): this {
    this.#db.close();
    return this;
  }

  transaction<F extends TransactionFunction>(fn: F): Transaction<F> {
    const run =
      (begin: string) =>
      (...args: Arguments<F>): ReturnType<F> => {
        if (!this.#inTransaction()) {
          this.#db.exec(begin);
          try {
            const result = fn(...args) as ReturnType<F>;
            this.#db.exec('COMMIT');
            return result;
          } catch (error) {
            if (this.#inTransaction()) this.#db.exec('ROLLBACK');
            throw error;
          }
        }
        // Inside another transaction: a savepoint, undone alone if fn throws.
        const name = `nested_${++this.#savepoints}`;
        this.#db.exec(`SAVEPOINT ${name}`);
        try {
          const result = fn(...args) as ReturnType<F>;
          this.#db.exec(`RELEASE ${name}`);
          return result;
        } catch (error) {
          this.#db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
          throw error;
        }
      };
    return Object.assign(run('BEGIN'), { immediate: run('BEGIN IMMEDIATE') });
  }

  #inTransaction(): boolean {
    return this.#sqlite3.capi.sqlite3_get_autocommit(this.#db.pointer!) === 0;
  }

  #lastRun(): RunResult {
    return {
      changes: this.#db.changes(),
      lastInsertRowid: Number(this.#sqlite3.capi.sqlite3_last_insert_rowid(this.#db.pointer!)),
    };
  }
}

class WasmStatement implements Statement {
  readonly #stmt: PreparedStatement;
  readonly #lastRun: () => RunResult;
  #raw = false;
  #busy = false;

  constructor(stmt: PreparedStatement, lastRun: () => RunResult) {
    this.#stmt = stmt;
    this.#lastRun = lastRun;
  }

  raw(toggle = true): this {
    this.#raw = toggle;
    return this;
  }

  run(...params: unknown[]): RunResult {
    this.#start(params);
    try {
      this.#stmt.step();
      return this.#lastRun();
    } finally {
      this.#end();
    }
  }

  get(...params: unknown[]): unknown {
    this.#start(params);
    try {
      return this.#stmt.step() ? this.#row() : undefined;
    } finally {
      this.#end();
    }
  }

  all(...params: unknown[]): unknown[] {
    this.#start(params);
    try {
      const rows: unknown[] = [];
      while (this.#stmt.step()) rows.push(this.#row());
      return rows;
    } finally {
      this.#end();
    }
  }

  *iterate(...params: unknown[]): IterableIterator<unknown> {
    this.#start(params);
    try {
      while (this.#stmt.step()) yield this.#row();
    } finally {
      this.#end(); // also when the walk is left early (`break` calls return())
    }
  }

  #row(): unknown {
    return this.#raw ? this.#stmt.get([]) : this.#stmt.get({});
  }

  #start(params: unknown[]): void {
    // As better-sqlite3: one use of a statement at a time (an unfinished walk would be reset).
    if (this.#busy) throw new TypeError('This statement is busy executing a query');
    this.#stmt.clearBindings();
    if (params.length > 0) this.#stmt.bind(params as never);
    this.#busy = true;
  }

  #end(): void {
    this.#stmt.reset();
    this.#busy = false;
  }
}
