import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/schema.js';
import { payload } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

const fixtures = harnessPerTest('schema-v1-');

/** The search index's merge setting as FTS5 keeps it (absent until set: FTS5's default, 4). */
const automerge = (db: Pick<Database.Database, 'prepare'>): unknown =>
  (
    db.prepare("SELECT v FROM events_search_config WHERE k = 'automerge'").get() as
      { v: unknown } | undefined
  )?.v;

describe('the search index merges its segments 16 at a time', () => {
  it('is set in a new file', () => {
    const h = fixtures.start();
    expect(h.emulator.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(automerge(h.emulator.db)).toBe(16);
  });

  it('is set in a version-1 file at open, whose events and search stay as they were', async () => {
    const file = path.join(fixtures.tempDir(), 'v1.db');
    const first = fixtures.start({ db: file });
    const written = await first.call('POST', '/events', {
      body: payload({ actor_name: 'Quarterly Reviewer' }),
    });
    expect(written.status).toBe(201);
    await first.emulator.close();
    fixtures.forget(first);
    // A version-1 file: the same tables, with FTS5's default merging (4).
    const old = new Database(file);
    old.exec("INSERT INTO events_search (events_search, rank) VALUES ('automerge', 4)");
    old.pragma('user_version = 1');
    expect(automerge(old)).toBe(4);
    old.close();

    const h = fixtures.start({ db: file });
    expect(h.emulator.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(automerge(h.emulator.db)).toBe(16);
    const found = await h.call('GET', '/events?search=quarterly');
    expect(found.status).toBe(200);
    expect(found.body.data.map((e: { id: string }) => e.id)).toEqual([written.body.data.id]);
  });
});
