import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../src/createEmulator.js';
import { startCliProcess } from './cliProcess.js';
import { API_KEY, payload } from './harness.js';

const tempDirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imv-durability-'));
  tempDirs.push(dir);
  return path.join(dir, 'immutable.db');
}

/** Starts the real CLI in its own process (killed after the test) and resolves with its base URL. */
async function startCli(db: string): Promise<{ child: ChildProcess; url: string }> {
  const started = await startCliProcess(db, API_KEY);
  children.push(started.child);
  return started;
}

const auth = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };

async function verifyAll(url: string, tenant?: string) {
  const res = await fetch(
    `${url}/api/v1/verify?limit=100000${tenant ? `&tenant_id=${tenant}` : ''}`,
    { headers: auth },
  );
  return ((await res.json()) as { data: unknown }).data as {
    valid: boolean;
    events_checked: number;
    breaks: unknown[];
    head: { sequence: number } | null;
  };
}

describe('durability and concurrency', () => {
  it('keeps one valid chain under 8 concurrent writers', async () => {
    const emulator = createEmulator({ db: tempDb(), apiKey: API_KEY });
    const { url } = await emulator.listen(0);
    try {
      const writer = async (w: number) => {
        for (let i = 0; i < 10; i++) {
          const events = Array.from({ length: 20 }, (_, j) =>
            payload({ tenant_id: 'shared', resource_id: `w${w}-${i}-${j}` }),
          );
          const res = await fetch(`${url}/api/v1/events/batch`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ events }),
          });
          expect(res.status).toBe(201);
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
      const result = await verifyAll(url, 'shared');
      expect(result).toMatchObject({ valid: true, events_checked: 1600, breaks: [] });
      expect(result.head?.sequence).toBe(1600);
    } finally {
      await emulator.close();
    }
  });

  it('keeps every acknowledged event through kill -9 during ingest, and the chain continues after restart', async () => {
    const db = tempDb();
    const first = await startCli(db);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async () => {
      while (!stop) {
        try {
          const res = await fetch(`${first.url}/api/v1/events/batch`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ events: Array.from({ length: 10 }, () => payload()) }),
          });
          if (res.status !== 201) return;
          const body = (await res.json()) as { data: { id: string }[] };
          acknowledged.push(...body.data.map((e) => e.id));
        } catch {
          return; // the process died mid-request: that batch was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    while (acknowledged.length < 500) await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await exited;

    const second = await startCli(db);
    const result = await verifyAll(second.url, 'org_a');
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBeGreaterThanOrEqual(acknowledged.length);
    for (const id of acknowledged) {
      const res = await fetch(`${second.url}/api/v1/events/${id}`, { headers: auth });
      expect(res.status).toBe(200);
    }
    const after = await fetch(`${second.url}/api/v1/events`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(payload()),
    });
    const event = ((await after.json()) as { data: { integrity: { sequence: number } } }).data;
    expect(event.integrity.sequence).toBe(result.events_checked + 1);
    expect((await verifyAll(second.url, 'org_a')).valid).toBe(true);
  });
});
