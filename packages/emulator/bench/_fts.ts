// scratch: FTS5 option costs on ingest
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmulator } from '../src/createEmulator.js';
import { generateSeedEvents } from '../src/seed.js';
import { validatePayload } from '../src/validatePayload.js';
import type { Db } from '../src/store/openDatabase.js';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fts-'));
const errors = {};
const payloads = generateSeedEvents(45000, { seed: 7100 }).map((s) => validatePayload(s.payload, errors));
const batches: any[][] = [];
for (let i = 0; i < payloads.length; i += 100) batches.push(payloads.slice(i, i + 100));
const recreate = (opts: string, after?: (db: Db) => void) => (db: Db) => {
  db.exec('DROP TABLE events_search');
  db.exec(`CREATE VIRTUAL TABLE events_search USING fts5(text, tokenize = 'trigram'${opts})`);
  after?.(db);
};
const am = (n: number) => (db: Db) => db.exec(`INSERT INTO events_search(events_search, rank) VALUES('automerge', ${n})`);
const variants: Array<[string, (db: Db) => void]> = [
  ['full', () => {}],
  ['columnsize=0', recreate(', columnsize=0')],
  ['automerge=8', recreate('', am(8))],
  ['automerge=16', recreate('', am(16))],
  ['cs0+am8', recreate(', columnsize=0', am(8))],
];
const res = new Map<string, number[]>();
const qres = new Map<string, number[]>();
for (let round = 0; round < 3; round++) {
  for (const [name, change] of variants) {
    const file = path.join(dir, `${name}-${round}.db`);
    const emu = createEmulator({ db: file, apiKey: 'imk_' + 'k'.repeat(32) });
    change(emu.db);
    for (const b of batches.slice(0, 50)) emu.events.ingest(b);
    const c0 = process.cpuUsage();
    for (const b of batches.slice(50)) emu.events.ingest(b);
    const c = process.cpuUsage(c0);
    res.set(name, [...(res.get(name) ?? []), (c.user + c.system) / 40000]);
    const q = emu.db.prepare('SELECT count(*) AS n FROM events_search WHERE events_search MATCH ?');
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) for (const m of ['"document"', '"user_1"', '"view" "doc"', '"xyzq"', '"acme"']) q.get(m);
    const segs = (emu.db.prepare("SELECT count(*) AS n FROM events_search_data").get() as any).n;
    qres.set(name, [...(qres.get(name) ?? []), (performance.now() - t0) / 100]);
    if (round === 0) console.log(name, 'data rows', segs);
    await emu.close();
  }
}
for (const [k, v] of res) console.log(k.padEnd(16), v.map((x) => x.toFixed(1)).join(' '), ' median', [...v].sort((a, b) => a - b)[1]!.toFixed(1));
for (const [k, v] of qres) console.log('query ms', k.padEnd(16), v.map((x) => x.toFixed(2)).join(' '));
fs.rmSync(dir, { recursive: true, force: true });
