import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RECEIPT_TENANT,
  chainIndexes,
  makeRealExports,
  positionOf,
  rewriteTail,
  serialize,
  type RealExports,
} from './offlineExportFixtures.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(packageDir, 'src/cli/immutable-verify.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `immutable-verify` from its source with tsx, as a user runs the built one. */
function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { cwd: packageDir },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let real: RealExports;
let chain: number[];
const file = (name: string, text: string) => {
  const at = path.join(real.dir, name);
  fs.writeFileSync(at, text);
  return at;
};

beforeAll(async () => {
  real = await makeRealExports();
  chain = chainIndexes(real.events, RECEIPT_TENANT);
});
afterAll(() => real.stop());

describe('immutable-verify', () => {
  it('exits 0 on a valid export, with the head of each chain, the totals and the rate', async () => {
    const result = await run(file('valid.ndjson', real.text.ndjson));
    expect(result.code).toBe(0);
    const head = real.heads.get(RECEIPT_TENANT)!;
    expect(result.stdout).toContain(
      `chain ${RECEIPT_TENANT}: ${chain.length} events, head sequence ${head.sequence} event ${real.receipt.event!.id} hash ${head.event_hash}`,
    );
    expect(result.stdout).toContain('chain (no tenant): 6 events');
    expect(result.stdout).toMatch(
      /^valid: 306 events, 4 chains, 0 breaks, .*\(ndjson\) in [\d.]+ s, [\d,]+ events\/s$/m,
    );
  });

  it('exits 0 on a valid JSON export consistent with a receipt', async () => {
    const receipt = file('receipt.json', JSON.stringify(real.receipt));
    const result = await run(file('valid.json', real.text.json), '--receipt', receipt);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('receipt consistent: The file has the receipt');
  });

  it('exits 1 and prints one line per break: an edited field and a deleted line', async () => {
    const events = structuredClone(real.events);
    const edited = events[chain[3]!]!;
    edited.actor_name = 'Someone Else';
    events.splice(chain[8]!, 1);
    const result = await run(file('tampered.ndjson', serialize(events, 'ndjson')));
    expect(result.code).toBe(1);
    const breaks = result.stdout.split('\n').filter((line) => line.startsWith('break '));
    expect(breaks).toEqual([
      expect.stringMatching(
        `^break hash_mismatch at line ${chain[3]! + 1}: event ${edited.id}, sequence ${edited.integrity.sequence} of ${RECEIPT_TENANT} `,
      ),
      expect.stringMatching(
        `^break sequence_gap at line ${chain[7]! + 1}: event ${events[chain[7]!]!.id}, `,
      ),
    ]);
    expect(result.stdout).toMatch(/^broken: 305 events, 4 chains, 2 breaks/m);
    expect(result.stdout).not.toContain('note:');
  });

  it('exits 1 on an export filtered by actor, noting that gaps alone are what a filter leaves', async () => {
    const actor = real.events[chain[5]!]!.actor_id;
    const filtered = real.events.filter((e) => e.actor_id === actor);
    const result = await run(file('filtered.ndjson', serialize(filtered, 'ndjson')));
    expect(result.code).toBe(1);
    const breaks = result.stdout.split('\n').filter((line) => line.startsWith('break '));
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks.every((line) => line.startsWith('break sequence_gap '))).toBe(true);
    expect(result.stdout).toContain(
      'note: every event hashes right and every link between adjacent events holds; the breaks are all sequence gaps',
    );
  });

  it('exits 1 on swapped lines, naming the index of the line moved down', async () => {
    const events = structuredClone(real.events);
    [events[chain[1]!], events[chain[2]!]] = [events[chain[2]!]!, events[chain[1]!]!];
    const result = await run(file('swapped.json', serialize(events, 'json')));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `break out_of_order at index ${chain[2]}: event ${real.events[chain[1]!]!.id}`,
    );
  });

  it('exits 1 on a rewritten tail that links but contradicts the receipt', async () => {
    const receipt = file('receipt.json', JSON.stringify(real.receipt));
    const forged = file('forged.ndjson', serialize(rewriteTail(real.events, chain[12]!), 'ndjson'));
    const result = await run(forged, '--receipt', receipt);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('receipt inconsistent: At sequence');
    expect(result.stdout).toMatch(/^broken: 306 events, 4 chains, 0 breaks/m);
  });

  it('prints a machine-readable report with --json', async () => {
    const events = structuredClone(real.events);
    events[chain[3]!]!.action = 'document.forged';
    const result = await run(file('edited.json', serialize(events, 'json')), '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      status: 'broken',
      format: 'json',
      events: 306,
      breaks: [
        {
          type: 'hash_mismatch',
          event_id: events[chain[3]!]!.id,
          ...positionOf(chain[3]!, 'json'),
        },
      ],
      problem: null,
    });
    expect(report.events_per_second).toBeGreaterThan(0);
    expect(report.chains).toHaveLength(4);
  });

  it('exits 2 naming the line of a duplicate key, and of a truncated last line', async () => {
    const lines = real.text.ndjson.trimEnd().split('\n');
    lines[9] = lines[9]!.replace('"action":', '"action":"x","action":');
    const duplicate = await run(file('duplicate.ndjson', lines.join('\n') + '\n'));
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('line 10: duplicate key "action" in event');
    const cut = await run(file('cut.ndjson', real.text.ndjson.slice(0, -40)));
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain(`line ${lines.length}: truncated`);
  });

  it('exits 2 naming the index of an integer beyond 2^53 in a JSON export', async () => {
    const text = real.text.json.replace('"sequence":', '"sequence":9007199254740993,"x":');
    const result = await run(file('big.json', text), '--json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'unusable',
      problem: { index: 0, message: expect.stringContaining('index 0: number 9007199254740993') },
    });
  });

  it('exits 2 with the usage on an unknown flag or no file', async () => {
    const unknown = await run('--fast', 'x.ndjson');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--fast'");
    expect(unknown.stderr).toContain('Usage: immutable-verify FILE');
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error: no FILE given');
  });

  it('exits 2 when the file or the receipt cannot be read', async () => {
    const missing = await run(path.join(real.dir, 'missing.ndjson'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: cannot read .*missing\.ndjson: ENOENT/);
    const badReceipt = file('bad-receipt.json', '{"kind":"something else"}');
    const result = await run(file('valid.ndjson', real.text.ndjson), '--receipt', badReceipt);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Not a checkpoint receipt: kind must be "immutable.checkpoint"',
    );
  });
});
