/**
 * SQLite in WebAssembly (src/store/wasmDatabase.ts, the browser's Database) in Node: what the
 * emulator's SQL needs of it — FTS5 with the trigram tokenizer, JSON, generated columns — and
 * that it behaves as better-sqlite3 does where the emulator relies on it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rawStatement, statement, type Database } from '../src/store/Database.js';
import { loadSqlite, openWasmDatabase } from '../src/store/wasmDatabase.js';

let db: Database;
afterEach(() => {
  if (db?.open) db.close();
});

describe('SQLite in WebAssembly', () => {
  it('is SQLite 3.54 with FTS5, whose trigram tokenizer finds substrings', async () => {
    const sqlite3 = await loadSqlite();
    expect(sqlite3.version.libVersion).toMatch(/^3\.(5[4-9]|[6-9]\d)\./);
    db = await openWasmDatabase();
    const text = ['quarterly budget review', 'login via sso', 'Board Deck 2026'];
    text.forEach((t, i) =>
      statement(db, 'INSERT INTO events_search (rowid, text) VALUES (?, ?)').run(i + 1, t),
    );
    const match = (query: string) =>
      (
        statement(db, 'SELECT rowid FROM events_search WHERE events_search MATCH ?').all(query) as {
          rowid: number;
        }[]
      ).map((r) => r.rowid);
    expect(match('"udge"')).toEqual([1]);
    expect(match('"sso" "via"')).toEqual([2]);
    expect(match('"deck 20"')).toEqual([3]); // the trigram tokenizer folds case
    expect(match('"nothing"')).toEqual([]);
  });

  it("has the emulator's schema: generated columns from the body, refused when written", async () => {
    db = await openWasmDatabase();
    const body = JSON.stringify({ id: 'e1', tenant_id: 'org_a', actor_id: 'u', action: 'a.b' });
    expect(() =>
      statement(
        db,
        "INSERT INTO events (body, event_hash, sequence, action) VALUES (?, 'h', 1, 'x')",
      ).run(body),
    ).toThrow(/generated column/);
    const withTime = JSON.stringify({
      ...JSON.parse(body),
      created_at: '2026-01-01T00:00:00.000Z',
    });
    statement(db, "INSERT INTO events (body, event_hash, sequence) VALUES (?, 'h', 1)").run(
      withTime,
    );
    expect(statement(db, 'SELECT id, chain, action FROM events').get()).toEqual({
      id: 'e1',
      chain: 'org_a',
      action: 'a.b',
    });
    expect(() => statement(db, "UPDATE events SET action = 'x'").run()).toThrow(
      /cannot UPDATE generated column/,
    );
  });

  it('runs statements as better-sqlite3 does: objects or raw rows, run results, walks', async () => {
    db = await openWasmDatabase();
    db.exec('CREATE TABLE t (pk INTEGER PRIMARY KEY, name TEXT, n REAL)');
    const insert = statement(db, 'INSERT INTO t (name, n) VALUES (?, ?)');
    expect(insert.run('a', 1.5)).toEqual({ changes: 1, lastInsertRowid: 1 });
    expect(insert.run('b', null)).toEqual({ changes: 1, lastInsertRowid: 2 });
    insert.run('c', Number.MAX_SAFE_INTEGER);
    expect(statement(db, 'SELECT name, n FROM t WHERE pk = ?').get(1)).toEqual({
      name: 'a',
      n: 1.5,
    });
    expect(statement(db, 'SELECT name FROM t WHERE pk = ?').get(9)).toBeUndefined();
    expect(rawStatement(db, 'SELECT pk, name FROM t ORDER BY pk').all()).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(statement(db, 'SELECT n FROM t WHERE pk = 3').get()).toEqual({
      n: Number.MAX_SAFE_INTEGER,
    });
    // Left early, a walk frees its statement; inside one, the statement is busy.
    const walk = rawStatement(db, 'SELECT pk FROM t ORDER BY pk');
    for (const row of walk.iterate()) {
      expect(row).toEqual([1]);
      expect(() => walk.get()).toThrow(/busy/);
      break;
    }
    expect(walk.all()).toHaveLength(3);
    expect(statement(db, 'UPDATE t SET n = 0').run()).toMatchObject({ changes: 3 });
  });

  it('commits a transaction, rolls it back when it throws, and nests as a savepoint', async () => {
    db = await openWasmDatabase();
    db.exec('CREATE TABLE t (v TEXT)');
    const add = (v: string) => statement(db, 'INSERT INTO t (v) VALUES (?)').run(v);
    const values = () =>
      (statement(db, 'SELECT v FROM t').all() as { v: string }[]).map((r) => r.v);
    expect(db.transaction((v: string) => (add(v), 'done')).immediate('one')).toBe('done');
    expect(() =>
      db.transaction(() => {
        add('two');
        throw new Error('no');
      })(),
    ).toThrow('no');
    expect(values()).toEqual(['one']);
    db.transaction(() => {
      add('three');
      expect(() =>
        db.transaction(() => {
          add('four');
          throw new Error('inner');
        })(),
      ).toThrow('inner');
    }).immediate();
    expect(values()).toEqual(['one', 'three']);
  });
});
