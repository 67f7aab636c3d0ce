import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { groupCommits } from '../src/groupCommits.js';
import { payload } from './harness.js';
import { harnessPerTest } from './harnessPerTest.js';

const fixtures = harnessPerTest('group-commits-');
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A table of written items, and a queue whose calls record how each item was written. */
function setup(failOn?: string) {
  const db = new Database(':memory:');
  open.push(db);
  db.exec('CREATE TABLE items (name TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO items (name) VALUES (?)');
  const calls: string[] = [];
  const write = (name: string) => {
    calls.push(`${name} ${db.inTransaction ? 'grouped' : 'outside'}`);
    insert.run(name);
    if (name === failOn) throw new Error(`${name} fails`);
    return name.toUpperCase();
  };
  const writeAlone = db.transaction((name: string) => {
    calls.push(`${name} alone`);
    return write(name);
  });
  const queue = groupCommits(db, write, (name: string) => writeAlone.immediate(name));
  const names = () => (db.prepare('SELECT name FROM items').pluck().all() as string[]).sort();
  return { queue, calls, names };
}

describe('groupCommits', () => {
  it('writes items queued in the same turn in one transaction', async () => {
    const { queue, calls, names } = setup();
    const results = await Promise.all([queue('a'), queue('b'), queue('c')]);
    expect(results).toEqual(['A', 'B', 'C']);
    expect(calls).toEqual(['a grouped', 'b grouped', 'c grouped']);
    expect(names()).toEqual(['a', 'b', 'c']);
  });

  it('writes a lone item in a transaction of its own', async () => {
    const { queue, calls } = setup();
    expect(await queue('a')).toBe('A');
    expect(await queue('b')).toBe('B');
    expect(calls.filter((c) => c.endsWith('alone'))).toEqual(['a alone', 'b alone']);
  });

  it('fails only the item at fault, and writes the others once', async () => {
    const { queue, names } = setup('b');
    const outcomes = await Promise.allSettled([queue('a'), queue('b'), queue('c')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('b fails'));
    expect(names()).toEqual(['a', 'c']);
  });
});

describe('concurrent ingest requests', () => {
  it('all succeed, committed together, with unbroken chains', async () => {
    const h = fixtures.start();
    const post = (tenant: string, n: number) =>
      h.call('POST', '/events/batch', {
        body: {
          events: Array.from({ length: n }, (_, i) =>
            payload({ tenant_id: tenant, metadata: { i } }),
          ),
        },
      });
    const responses = await Promise.all([
      post('org_a', 50),
      post('org_b', 30),
      post('org_a', 50),
      post('org_a', 20),
    ]);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    // Written in request order: org_a's sequences run on across its three requests.
    const sequences = [responses[0], responses[2], responses[3]].flatMap((r) =>
      r!.body.data.map((e: { integrity: { sequence: number } }) => e.integrity.sequence),
    );
    expect(sequences).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const verify = (await h.call('GET', '/verify')).body.data;
    expect(verify).toMatchObject({ valid: true, events_checked: 150, breaks: [] });
  });

  it('refuses an invalid request without failing the requests beside it', async () => {
    const h = fixtures.start();
    const [good, bad, alsoGood] = await Promise.all([
      h.call('POST', '/events', { body: payload() }),
      h.call('POST', '/events/batch', { body: { events: [payload(), { action: 'x' }] } }),
      h.call('POST', '/events', { body: payload() }),
    ]);
    expect([good!.status, bad!.status, alsoGood!.status]).toEqual([201, 422, 201]);
    expect((await h.call('GET', '/verify')).body.data.events_checked).toBe(2);
  });
});
