/**
 * Consumer 5: with the client's tarball installed (in the React 19 Vite app's folder), an export
 * built and checked with `@getimmutable/client/offline` on plain Node, and the compiled
 * `immutable-verify` bin exits 0 on it and 1, naming the line, once a field is edited.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { run } from './lib/processes.js';

const { apps } = inject('consumers');
const dir = path.join(apps.viteReact19, 'offline-verify');

/** Writes a three-event chain, newest first, and the same with line 2's action edited. */
const SCRIPT = `
import fs from 'node:fs';
import { computeEventHash } from '@getimmutable/client';
import { verifyExport } from '@getimmutable/client/offline';

const events = [];
let previous = null;
for (let sequence = 1; sequence <= 3; sequence++) {
  const event = {
    id: 'evt_' + sequence, tenant_id: 'org_acme', actor_id: 'user_1', actor_name: null,
    actor_type: null, action: 'document.viewed', action_category: null, resource: null,
    resource_id: null, resource_name: null, targets: [], metadata: {}, session_id: null,
    version: null, idempotency_key: null, context: null,
    created_at: '2026-03-0' + sequence + 'T00:00:00.000Z',
    integrity: { event_hash: '', previous_event_hash: previous, sequence },
  };
  previous = event.integrity.event_hash = computeEventHash(event);
  events.unshift(event);
}
const lines = events.map((e) => JSON.stringify(e) + '\\n');
fs.writeFileSync('export.ndjson', lines.join(''));
lines[1] = lines[1].replace('document.viewed', 'document.deleted');
fs.writeFileSync('tampered.ndjson', lines.join(''));
const report = await verifyExport(fs.createReadStream('export.ndjson'));
console.log(report.status, report.events);
`;

describe('offline verification from the installed client', () => {
  it('verifies with the ./offline entry on plain Node', async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'make-exports.mjs'), SCRIPT);
    expect(await run('node', ['make-exports.mjs'], { cwd: dir })).toBe('valid 3\n');
  });

  it('runs the compiled immutable-verify bin: 0 on the export, 1 on the edited one', async () => {
    const bin = fs.realpathSync(path.join(apps.viteReact19, 'node_modules/.bin/immutable-verify'));
    expect(bin).toMatch(/node_modules\/@getimmutable\/client\/dist\/immutable-verify\.js$/);
    expect(fs.readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const valid = await run('npx', ['immutable-verify', 'export.ndjson'], { cwd: dir });
    expect(valid).toMatch(/^valid: 3 events, 1 chain, 0 breaks/m);
    await expect(run('npx', ['immutable-verify', 'tampered.ndjson'], { cwd: dir })).rejects.toThrow(
      /exited with 1:[\s\S]*break hash_mismatch at line 2: event evt_2/,
    );
  });
});
