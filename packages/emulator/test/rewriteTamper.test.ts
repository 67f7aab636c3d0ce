import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tamper } from '../src/tamper.js';
import type { Harness } from './harness.js';
import { payload } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';
import { hashedObject, jcs, sha256 } from './independentJcs.js';

type Ev = {
  id: string;
  tenant_id: string | null;
  action: string;
  metadata: Record<string, unknown> | null;
  integrity: { event_hash: string; previous_event_hash: string | null; sequence: number };
  [key: string]: unknown;
};

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = harnessPerTest('rewrite-tamper-');

/** org_a: five events (targets on each); org_b: two, written in between. One second apart. */
async function writeChains(h: Harness) {
  const orgA: Ev[] = [];
  const orgB: Ev[] = [];
  for (let i = 0; i < 5; i++) {
    const a = await h.call('POST', '/events', {
      body: payload({
        tenant_id: 'org_a',
        action: 'document.updated',
        targets: [{ type: 'folder', id: `f_${i}` }],
        metadata: { i, memo: `memo ${i}` },
      }),
    });
    expect(a.status).toBe(201);
    orgA.push(a.body.data);
    h.clock.now += 1000;
    if (i < 2) {
      const b = await h.call('POST', '/events', { body: payload({ tenant_id: 'org_b' }) });
      expect(b.status).toBe(201);
      orgB.push(b.body.data);
      h.clock.now += 1000;
    }
  }
  return { orgA, orgB };
}

async function verify(h: Harness, query = '') {
  const res = await h.call('GET', `/verify${query}`);
  expect(res.status).toBe(200);
  return res.body.data as {
    valid: boolean;
    complete: boolean;
    events_checked: number;
    breaks: unknown[];
  };
}

async function getEvent(h: Harness, id: string): Promise<Ev> {
  const res = await h.call('GET', `/events/${id}`);
  expect(res.status).toBe(200);
  return res.body.data as Ev;
}

/** Everything stored about one event: its row, its target rows and its search text. */
function storedRows(db: Database.Database, id: string) {
  const row = db.prepare('SELECT * FROM events WHERE id = ?').get(id) as { pk: number };
  return {
    row,
    targets: db.prepare('SELECT * FROM event_target_rows WHERE event_pk = ?').all(row.pk),
    search: db.prepare('SELECT text FROM events_search WHERE rowid = ?').all(row.pk),
  };
}

const hashOf = (e: Ev) => sha256(jcs(hashedObject(e)));

describe('tamper: rewrite', () => {
  it('leaves verify valid and complete with no break of any kind', async () => {
    const h = fixtures.start();
    const { orgA } = await writeChains(h);
    tamper(h.emulator.db, { kind: 'rewrite', id: orgA[1]!.id });
    for (const query of ['', '?tenant_id=org_a', '?tenant_id=org_b']) {
      const result = await verify(h, query);
      expect(result.breaks, query).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.complete).toBe(true);
    }
    expect((await verify(h)).events_checked).toBe(7);
  });

  it("changes the event's content and hash, and GET /events/{id} returns the new content", async () => {
    const h = fixtures.start();
    const { orgA } = await writeChains(h);
    const victim = orgA[1]!;
    const message = tamper(h.emulator.db, { kind: 'rewrite', id: victim.id });
    const rewritten = await getEvent(h, victim.id);
    expect(rewritten.action).toBe('document.viewed');
    expect(rewritten.action).not.toBe(victim.action);
    expect(rewritten.metadata).toEqual({ i: 1, memo: 'memo 1', note: 'changed after the fact' });
    expect(rewritten.integrity.event_hash).not.toBe(victim.integrity.event_hash);
    // The new hash is the event's real hash, computed independently of the emulator.
    expect(rewritten.integrity.event_hash).toBe(hashOf(rewritten));
    expect(rewritten.integrity.sequence).toBe(2);
    expect(rewritten.integrity.previous_event_hash).toBe(orgA[0]!.integrity.event_hash);
    expect(message).toContain(victim.id);
    expect(message).toContain('sequence 2');
    expect(message).toContain(`${victim.integrity.event_hash} → ${rewritten.integrity.event_hash}`);
    expect(message).toContain('3 later events rehashed');
  });

  it('rehashes every later event of the chain, each linking to the one before', async () => {
    const h = fixtures.start();
    const { orgA } = await writeChains(h);
    tamper(h.emulator.db, { kind: 'rewrite', id: orgA[1]!.id });
    let previous = (await getEvent(h, orgA[1]!.id)).integrity.event_hash;
    for (const before of orgA.slice(2)) {
      const after = await getEvent(h, before.id);
      expect(after.integrity.event_hash).not.toBe(before.integrity.event_hash);
      expect(after.integrity.previous_event_hash).toBe(previous);
      expect(after.integrity.event_hash).toBe(hashOf(after));
      // Only the link changed: the content is what was written.
      expect(after.action).toBe(before.action);
      expect(after.metadata).toEqual(before.metadata);
      expect(after.integrity.sequence).toBe(before.integrity.sequence);
      previous = after.integrity.event_hash;
    }
  });

  it("leaves earlier events and other tenants' events exactly as stored", async () => {
    const h = fixtures.start();
    const { orgA, orgB } = await writeChains(h);
    const untouched = [orgA[0]!, ...orgB].map((e) => e.id);
    const before = untouched.map((id) => storedRows(h.emulator.db, id));
    tamper(h.emulator.db, { kind: 'rewrite', id: orgA[1]!.id });
    expect(untouched.map((id) => storedRows(h.emulator.db, id))).toEqual(before);
    expect(await getEvent(h, orgB[1]!.id)).toEqual(orgB[1]);
  });

  it('updates the copies filters and search read, so they find the new content', async () => {
    const h = fixtures.start();
    const { orgA } = await writeChains(h);
    const victim = orgA[1]!;
    tamper(h.emulator.db, { kind: 'rewrite', id: victim.id });
    const list = async (query: string) =>
      ((await h.call('GET', `/events?${query}`)).body.data as Ev[]).map((e) => e.id);
    expect(await list('action=document.viewed')).toEqual([victim.id]);
    expect(await list('action=document.updated')).not.toContain(victim.id);
    expect(await list('search=changed%20after')).toEqual([victim.id]);
    expect(await list('target_type=folder&target_id=f_1')).toEqual([victim.id]);
  });

  it('walks a chain longer than one page of later events', async () => {
    const h = fixtures.start();
    for (let i = 0; i < 25; i++) {
      const events = Array.from({ length: 100 }, (_, j) =>
        payload({ metadata: { n: i * 100 + j } }),
      );
      expect((await h.call('POST', '/events/batch', { body: { events } })).status).toBe(201);
    }
    const first = (await h.call('GET', '/events?limit=1')).body.data[0] as Ev;
    const second = h.emulator.db
      .prepare("SELECT id FROM events WHERE chain = 'org_a' AND sequence = 2")
      .get() as { id: string };
    const message = tamper(h.emulator.db, { kind: 'rewrite', id: second.id });
    expect(message).toContain('2498 later events rehashed');
    const result = await verify(h, '?tenant_id=org_a&limit=10000');
    expect(result.breaks).toEqual([]);
    expect(result.events_checked).toBe(2500);
    const newest = await getEvent(h, first.id);
    expect(newest.integrity.event_hash).not.toBe(first.integrity.event_hash);
    expect(newest.integrity.event_hash).toBe(hashOf(newest));
  });

  it('refuses an unknown id and changes nothing', async () => {
    const h = fixtures.start();
    const { orgA } = await writeChains(h);
    const before = orgA.map((e) => storedRows(h.emulator.db, e.id));
    expect(() => tamper(h.emulator.db, { kind: 'rewrite', id: 'no-such-event' })).toThrow(
      'No event with id no-such-event',
    );
    expect(orgA.map((e) => storedRows(h.emulator.db, e.id))).toEqual(before);
  });
});

describe('tamper --rewrite on the command line', () => {
  function cli(args: string[]) {
    const run = spawnSync('npx', ['tsx', 'src/cli.ts', ...args], {
      cwd: packageDir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  /** A database file with the chains above, written by an emulator that is then closed. */
  async function databaseFile() {
    const file = path.join(fixtures.tempDir(), 'audit.db');
    const h = fixtures.start({ db: file });
    const chains = await writeChains(h);
    await h.emulator.close();
    fixtures.forget(h);
    return { file, ...chains };
  }

  it('rewrites an event in a database file so that verify says valid after reopening', async () => {
    const { file, orgA } = await databaseFile();
    const victim = orgA[3]!;
    const run = cli(['tamper', '--db', file, '--rewrite', victim.id]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(victim.id);
    expect(run.stdout).toContain('sequence 4');
    expect(run.stdout).toContain('1 later event rehashed');

    const h = fixtures.start({ db: file });
    const result = await verify(h);
    expect(result.breaks).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBe(7);
    const rewritten = await getEvent(h, victim.id);
    expect(rewritten.action).toBe('document.viewed');
    expect(rewritten.integrity.event_hash).not.toBe(victim.integrity.event_hash);
    expect(run.stdout).toContain(
      `${victim.integrity.event_hash} → ${rewritten.integrity.event_hash}`,
    );
    const last = await getEvent(h, orgA[4]!.id);
    expect(last.integrity.previous_event_hash).toBe(rewritten.integrity.event_hash);
    expect(last.integrity.event_hash).not.toBe(orgA[4]!.integrity.event_hash);
  });

  it('exits non-zero naming the id when no event has it, and changes nothing', async () => {
    const { file, orgA, orgB } = await databaseFile();
    const dump = () => {
      const db = new Database(file, { readonly: true });
      const rows = [...orgA, ...orgB].map((e) => storedRows(db, e.id));
      db.close();
      return rows;
    };
    const before = dump();
    const run = cli(['tamper', '--db', file, '--rewrite', 'no-such-event']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('No event with id no-such-event');
    expect(dump()).toEqual(before);
  });
});
