import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { payload, startHarness, type Harness } from './harness.js';

let h: Harness;
let dir: string;
afterEach(async () => {
  await h.emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a database locked by another connection', () => {
  it('answers 503 database_busy with Retry-After, not a 500, and writes once the lock is gone', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imv-busy-'));
    const file = path.join(dir, 'locked.db');
    h = startHarness({ db: file });
    // A sqlite3 shell left in a write transaction, say: the emulator waits its busy timeout
    // (5 s), then gives up.
    const other = new BetterSqlite3(file);
    other.exec('BEGIN IMMEDIATE');
    const refused = await h.call('POST', '/events', { body: payload() });
    other.exec('COMMIT');
    other.close();
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'database_busy' });
    expect(refused.body.message).toMatch(/locked by another connection.*nothing was done/);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await h.call('POST', '/events', { body: payload() })).status).toBe(201);
    expect((await h.call('GET', '/events')).body.data).toHaveLength(1);
  }, 20_000);
});
