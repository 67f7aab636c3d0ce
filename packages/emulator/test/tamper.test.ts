import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tamper } from '../src/tamper.js';
import { API_KEY, payload, startHarness, type Harness } from './harness.js';

type Ev = {
  id: string;
  tenant_id: string | null;
  actor_id: string;
  created_at: string;
  integrity: { event_hash: string; previous_event_hash: string | null; sequence: number };
  [key: string]: unknown;
};

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Plain RFC 8785 for the event shapes used here (strings, integers, null, objects, arrays). */
function jcs(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map((v) => jcs(v)).join(',') + ']';
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + jcs(record[k])).join(',') + '}';
}

function hashOf(event: Ev): string {
  const { integrity, ...rest } = event;
  const hashed = {
    ...rest,
    previous_event_hash: integrity.previous_event_hash,
    sequence: integrity.sequence,
  };
  return crypto.createHash('sha256').update(jcs(hashed), 'utf8').digest('hex');
}

/** org_a: five events by user_1/user_2 alternating; org_b: two events. */
async function writeChains(h: Harness) {
  const orgA: Ev[] = [];
  const orgB: Ev[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await h.call('POST', '/events', {
      body: payload({
        tenant_id: 'org_a',
        actor_id: i % 2 ? 'user_2' : 'user_1',
        action: 'document.updated',
        metadata: { i },
      }),
    });
    expect(res.status).toBe(201);
    orgA.push(res.body.data);
    h.clock.now += 1000;
    if (i < 2) {
      const b = await h.call('POST', '/events', {
        body: payload({ tenant_id: 'org_b', metadata: { i } }),
      });
      expect(b.status).toBe(201);
      orgB.push(b.body.data);
    }
  }
  return { orgA, orgB };
}

async function verify(h: Harness, query = '', auth?: string) {
  const res = await h.call('GET', `/verify${query}`, auth === undefined ? {} : { auth });
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('tamper: edit', () => {
  it('names the edited event with a hash_mismatch (expected recomputed, actual stored)', async () => {
    const h = startHarness();
    const { orgA } = await writeChains(h);
    const victim = orgA[2]!;
    const message = tamper(h.emulator.db, { kind: 'edit', id: victim.id });
    expect(message).toContain(victim.id);
    const edited = (await h.call('GET', `/events/${victim.id}`)).body.data as Ev;
    expect(edited.action).not.toBe(victim.action);
    expect(edited.integrity.event_hash).toBe(victim.integrity.event_hash);
    const recomputed = hashOf(edited);
    expect(recomputed).not.toBe(victim.integrity.event_hash);

    const result = await verify(h, '?tenant_id=org_a');
    expect(result.valid).toBe(false);
    expect(result.events_checked).toBe(5);
    expect(result.breaks).toEqual([
      {
        type: 'hash_mismatch',
        event_id: victim.id,
        sequence: 3,
        expected: recomputed,
        actual: victim.integrity.event_hash,
      },
    ]);
    await h.emulator.close();
  });

  it("leaves the other tenants' chains valid", async () => {
    const h = startHarness();
    const { orgA, orgB } = await writeChains(h);
    tamper(h.emulator.db, { kind: 'edit', id: orgA[0]!.id });
    const other = await verify(h, '?tenant_id=org_b');
    expect(other.valid).toBe(true);
    expect(other.events_checked).toBe(orgB.length);
    const all = await verify(h);
    expect(all.valid).toBe(false);
    expect(all.breaks.map((b: { event_id: string }) => b.event_id)).toEqual([orgA[0]!.id]);
    await h.emulator.close();
  });
});

describe('tamper: delete', () => {
  it("names the deleted event's successor with a sequence_gap and no chain_mismatch for that link", async () => {
    const h = startHarness();
    const { orgA } = await writeChains(h);
    tamper(h.emulator.db, { kind: 'delete', id: orgA[2]!.id });
    expect((await h.call('GET', `/events/${orgA[2]!.id}`)).status).toBe(404);
    const result = await verify(h, '?tenant_id=org_a');
    expect(result.valid).toBe(false);
    expect(result.events_checked).toBe(4);
    expect(result.breaks).toEqual([
      { type: 'sequence_gap', event_id: orgA[3]!.id, sequence: 4, expected: '3', actual: '4' },
    ]);
    await h.emulator.close();
  });

  it('reports a gap at the start when the first event of a chain is deleted', async () => {
    const h = startHarness();
    const { orgA } = await writeChains(h);
    tamper(h.emulator.db, { kind: 'delete', id: orgA[0]!.id });
    const result = await verify(h, '?tenant_id=org_a');
    expect(result.breaks).toEqual([
      { type: 'sequence_gap', event_id: orgA[1]!.id, sequence: 2, expected: '1', actual: '2' },
    ]);
    await h.emulator.close();
  });

  it('reports the gap when the range starts right after the deleted event', async () => {
    const h = startHarness();
    const { orgA } = await writeChains(h);
    tamper(h.emulator.db, { kind: 'delete', id: orgA[2]!.id });
    const result = await verify(h, `?tenant_id=org_a&from=${orgA[3]!.created_at}`);
    expect(result.events_checked).toBe(2);
    expect(result.breaks).toEqual([
      { type: 'sequence_gap', event_id: orgA[3]!.id, sequence: 4, expected: '3', actual: '4' },
    ]);
    await h.emulator.close();
  });
});

describe('tamper: swap', () => {
  it('names the swapped events with chain_mismatch breaks', async () => {
    const h = startHarness();
    const { orgA } = await writeChains(h);
    const [e1, e2, e3, e4, e5] = orgA as [Ev, Ev, Ev, Ev, Ev];
    tamper(h.emulator.db, { kind: 'swap', id: e2.id, other: e4.id });
    const result = await verify(h, '?tenant_id=org_a');
    expect(result.valid).toBe(false);
    expect(result.events_checked).toBe(5);
    const hash = (e: Ev) => e.integrity.event_hash;
    // The walk now reads e1, e4, e3, e2, e5: every link from sequence 2 on is broken.
    expect(result.breaks).toEqual([
      {
        type: 'chain_mismatch',
        event_id: e4.id,
        sequence: 2,
        expected: hash(e1),
        actual: hash(e3),
      },
      {
        type: 'chain_mismatch',
        event_id: e3.id,
        sequence: 3,
        expected: hash(e4),
        actual: hash(e2),
      },
      {
        type: 'chain_mismatch',
        event_id: e2.id,
        sequence: 4,
        expected: hash(e3),
        actual: hash(e1),
      },
      {
        type: 'chain_mismatch',
        event_id: e5.id,
        sequence: 5,
        expected: hash(e2),
        actual: hash(e4),
      },
    ]);
    await h.emulator.close();
  });

  it('names both events of an adjacent swap', async () => {
    const h = startHarness();
    const { orgA } = await writeChains(h);
    const [e1, e2, e3, e4] = orgA as [Ev, Ev, Ev, Ev];
    tamper(h.emulator.db, { kind: 'swap', id: e2.id, other: e3.id });
    const result = await verify(h, '?tenant_id=org_a');
    const hash = (e: Ev) => e.integrity.event_hash;
    expect(result.breaks).toEqual([
      {
        type: 'chain_mismatch',
        event_id: e3.id,
        sequence: 2,
        expected: hash(e1),
        actual: hash(e2),
      },
      {
        type: 'chain_mismatch',
        event_id: e2.id,
        sequence: 3,
        expected: hash(e3),
        actual: hash(e1),
      },
      {
        type: 'chain_mismatch',
        event_id: e4.id,
        sequence: 4,
        expected: hash(e2),
        actual: hash(e3),
      },
    ]);
    await h.emulator.close();
  });

  it('refuses to swap events of different chains', async () => {
    const h = startHarness();
    const { orgA, orgB } = await writeChains(h);
    expect(() =>
      tamper(h.emulator.db, { kind: 'swap', id: orgA[0]!.id, other: orgB[0]!.id }),
    ).toThrow(/same chain/);
    expect((await verify(h)).valid).toBe(true);
    await h.emulator.close();
  });
});

describe('tamper: overwritten event_hash', () => {
  it('yields a hash_mismatch on that event and a chain_mismatch on the next', async () => {
    const h = startHarness();
    const { orgA } = await writeChains(h);
    const victim = orgA[1]!;
    const forged = 'e'.repeat(64);
    h.emulator.db.prepare('UPDATE events SET event_hash = ? WHERE id = ?').run(forged, victim.id);
    const result = await verify(h, '?tenant_id=org_a');
    expect(result.valid).toBe(false);
    expect(result.breaks).toEqual([
      {
        type: 'hash_mismatch',
        event_id: victim.id,
        sequence: 2,
        expected: victim.integrity.event_hash,
        actual: forged,
      },
      {
        type: 'chain_mismatch',
        event_id: orgA[2]!.id,
        sequence: 3,
        expected: forged,
        actual: victim.integrity.event_hash,
      },
    ]);
    await h.emulator.close();
  });

  it("hides other actors' event ids from an actor-scoped viewer but still reports the breaks", async () => {
    const h = startHarness();
    const { orgA } = await writeChains(h);
    const victim = orgA[1]!; // by user_2; its successor orgA[2] is by user_1
    expect(victim.actor_id).toBe('user_2');
    expect(orgA[2]!.actor_id).toBe('user_1');
    h.emulator.db
      .prepare('UPDATE events SET event_hash = ? WHERE id = ?')
      .run('e'.repeat(64), victim.id);
    const token = await h.viewer('org_a', 'user_1');
    const result = await verify(h, '', token);
    expect(result.events_checked).toBe(5);
    expect(
      result.breaks.map((b: { type: string; event_id: string | null }) => [b.type, b.event_id]),
    ).toEqual([
      ['hash_mismatch', null],
      ['chain_mismatch', orgA[2]!.id],
    ]);
    await h.emulator.close();
  });
});

describe('the tamper CLI', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A database file with org_a's five events, written by an emulator that is then closed. */
  async function databaseFile() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamper-cli-'));
    dirs.push(dir);
    const file = path.join(dir, 'audit.db');
    const h = startHarness({ db: file });
    const { orgA } = await writeChains(h);
    await h.emulator.close();
    return { file, orgA };
  }

  function cli(args: string[]) {
    const run = spawnSync('npx', ['tsx', 'src/cli.ts', ...args], {
      cwd: packageDir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it('tamper --edit on a database file makes verify report a hash_mismatch after reopening', async () => {
    const { file, orgA } = await databaseFile();
    const victim = orgA[3]!;
    const run = cli(['tamper', '--db', file, '--edit', victim.id]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(victim.id);

    const h = startHarness({ db: file, apiKey: API_KEY });
    const result = await verify(h, '?tenant_id=org_a');
    expect(result.valid).toBe(false);
    expect(result.breaks).toHaveLength(1);
    expect(result.breaks[0]).toMatchObject({
      type: 'hash_mismatch',
      event_id: victim.id,
      sequence: 4,
      actual: victim.integrity.event_hash,
    });
    const edited = (await h.call('GET', `/events/${victim.id}`)).body.data as Ev;
    expect(result.breaks[0].expected).toBe(hashOf(edited));
    await h.emulator.close();
  });

  it('tamper --swap ID1 ID2 on a database file makes verify report chain_mismatch on both', async () => {
    const { file, orgA } = await databaseFile();
    const run = cli(['tamper', '--db', file, '--swap', orgA[0]!.id, orgA[1]!.id]);
    expect(run.status).toBe(0);
    const h = startHarness({ db: file });
    const result = await verify(h, '?tenant_id=org_a');
    const named = result.breaks.map(
      (b: { type: string; event_id: string }) => `${b.type} ${b.event_id}`,
    );
    expect(named).toContain(`chain_mismatch ${orgA[0]!.id}`);
    expect(named).toContain(`chain_mismatch ${orgA[1]!.id}`);
    await h.emulator.close();
  });

  it('exits non-zero naming --db when no database is given', async () => {
    const { orgA } = await databaseFile();
    const run = cli(['tamper', '--edit', orgA[0]!.id]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('tamper needs --db FILE');
  });

  it('exits non-zero naming the choice when two actions are given', async () => {
    const { file, orgA } = await databaseFile();
    const run = cli(['tamper', '--db', file, '--edit', orgA[0]!.id, '--delete', orgA[1]!.id]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      'tamper needs exactly one of --edit ID, --delete ID, --swap ID1 ID2',
    );
    const h = startHarness({ db: file });
    expect((await verify(h)).valid).toBe(true);
    await h.emulator.close();
  });

  it('exits non-zero naming the id when no event has it', async () => {
    const { file } = await databaseFile();
    const run = cli(['tamper', '--db', file, '--delete', 'no-such-event']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('No event with id no-such-event');
    const h = startHarness({ db: file });
    const result = await verify(h);
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBe(7);
    await h.emulator.close();
  });
});
