// Realistic events, exactly as the API returns them, without SQLite or HTTP: the emulator's own
// pure ingest steps (generateSeedEvents → validatePayload → chainEvent (chain fields, JCS,
// SHA-256) → eventFromRow) run here in Node, so every `event_hash` and `previous_event_hash` is
// real and the integrity cells in the page check out, as they would against the server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { esbuild, emulatorDir } from './esbuild.mjs';

const ENTRY = `
import { generateSeedEvents } from './generateSeedEvents.ts';
import { validatePayload } from './validatePayload.ts';
import { chainEvent } from './chainEvent.ts';
import { sha256HexNode } from './crypto/nodeSha256.ts';
import { eventFromRow } from './eventRows.ts';
import { checkEvent } from '../../client/src/checkEvent.ts';
import { checkChain } from '../../client/src/checkChain.ts';

/** count events, newest first (the API's order), as EventStore#writeOne would store them. */
export function makeEvents(count, endMs) {
  const seeded = generateSeedEvents(count, { endMs });
  const heads = new Map();
  const out = new Array(count);
  let lastMs = -Infinity;
  for (let i = 0; i < count; i++) {
    const errors = {};
    const p = validatePayload(seeded[i].payload, errors);
    if (Object.keys(errors).length > 0) throw new Error('invalid seed payload: ' + JSON.stringify(errors));
    const chain = p.tenant_id ?? '';
    const head = heads.get(chain);
    const ms = Math.max(seeded[i].at, lastMs);
    const { hashed, body, eventHash } = chainEvent(p, head, ms, sha256HexNode);
    heads.set(chain, { sequence: hashed.sequence, event_hash: eventHash });
    lastMs = Date.parse(hashed.created_at);
    out[count - 1 - i] = eventFromRow(body, eventHash);
  }
  return out;
}

/** Correctness guard: the client's own checks accept these events (a sample; all links). */
export function guard(events) {
  const step = Math.max(1, Math.floor(events.length / 2000));
  for (let i = 0; i < events.length; i += step) {
    if (!checkEvent(events[i]).ok) throw new Error('generated event fails checkEvent: ' + events[i].id);
  }
  const links = checkChain(events);
  const bad = links.filter((l) => l.status !== 'linked' && l.status !== 'unknown').length;
  if (bad > 0) throw new Error(bad + ' generated events fail checkChain');
}
`;

let loaded;
async function generator() {
  if (!loaded) {
    const result = await esbuild.build({
      stdin: {
        contents: ENTRY,
        resolveDir: path.join(emulatorDir, 'src'),
        sourcefile: 'events-entry.js',
        loader: 'js',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imv-bench-events-'));
    const file = path.join(dir, 'events.mjs');
    fs.writeFileSync(file, result.outputFiles[0].text);
    try {
      loaded = await import(pathToFileURL(file).href);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return loaded;
}

/** `count` events, newest first, with real hashes and chain links; checked before returning. */
export async function makeEvents(count) {
  const { makeEvents: make, guard } = await generator();
  const events = make(count, Date.now());
  guard(events);
  return events;
}
