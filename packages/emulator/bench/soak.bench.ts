/**
 * Soak: a long day of mixed traffic against one emulator process, on loopback, bounded in time.
 * 20 clients read, write, verify and export for SOAK_MINUTES (default 10); every minute it
 * prints requests/s, latency percentiles, the non-2xx count, the emulator's RSS and the size of
 * its export folder; the result is written to bench/results/soak.json. It measures; it never
 * fails on a figure.
 *
 *   pnpm bench:soak                  # 10 minutes
 *   SOAK_MINUTES=2 pnpm bench:soak   # a quick look
 *
 * The emulator runs as its own process (the CLI, through tsx) so that its RSS is its own and the
 * load's event loop is not the server's. SOAK_CLI=path runs another copy of the CLI (a built
 * `dist/cli.js`, or a checkout of another commit inside this package).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedEvents } from '../src/generateSeedEvents.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CLIENTS = 20;
/** Clients that export, one per scope, each waiting for its export to finish before the next. */
const EXPORTERS = [{ tenant: 'org_acme' }, { tenant: 'org_globex' }];
const SEED = 5_000;
const TENANTS = ['org_acme', 'org_globex', 'org_initech'];
const API_KEY = `imk_${crypto.randomBytes(24).toString('base64url')}`;

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'immutable-soak-'));
const dbFile = path.join(tempDir, 'soak.db');

interface Sample {
  op: string;
  ms: number;
  status: number;
}
let samples: Sample[] = [];
const unexpected = new Map<string, number>();

async function startEmulator(): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      process.env.SOAK_CLI ?? 'src/cli.ts',
      '--port',
      '0',
      '--db',
      dbFile,
      '--api-key',
      API_KEY,
      '--seed',
      String(SEED),
    ],
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}:\n${out}`)));
  });
  return { url, pid: child.pid!, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function folderMb(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes / 1024 / 1024;
}

/**
 * One request, timed until its whole body has arrived. A failure to connect or a dropped
 * connection counts as status 0, so the run reports it instead of stopping.
 */
async function timed(
  op: string,
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; text: string }> {
  const t0 = performance.now();
  let status = 0;
  let text = '';
  try {
    const response = await fetch(url, init);
    text = await response.text();
    status = response.status;
  } catch (error) {
    text = JSON.stringify({ error: String((error as Error).cause ?? error) });
  }
  samples.push({ op, ms: performance.now() - t0, status });
  if (status < 200 || status >= 300) {
    const key = `${op} ${status || 'network error'}`;
    unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
  }
  return { status, text };
}

const json = (response: { text: string }) => JSON.parse(response.text);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

async function viewerToken(base: string, tenant: string): Promise<string> {
  const response = await timed('mint token', `${base}/viewer-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tenant_id: tenant, ttl: 86_400 }),
  });
  return json(response).token;
}

/** One reader/writer client: a weighted random mix until the deadline. */
async function mixedClient(
  base: string,
  tokens: Record<string, string>,
  deadline: number,
  seed: number,
) {
  const writes = generateSeedEvents(50_000, { seed }).map((s) => s.payload);
  let written = 0;
  /** Ids seen on each tenant's last page, for reads of one event within the same scope. */
  const lastIds: Record<string, string[]> = {};
  while (Date.now() < deadline) {
    const tenant = pick(TENANTS);
    const viewer = { authorization: `Bearer ${tokens[tenant]}` };
    const roll = Math.random();
    if (roll < 0.45) {
      const filter = pick([
        '',
        '&action=document.*',
        '&search=report',
        '&actor_id=user_2hG9kLm',
        '&resource=document',
      ]);
      const page = json(
        await timed('list events', `${base}/events?limit=25${filter}`, { headers: viewer }),
      );
      lastIds[tenant] = (page.data ?? []).map((e: { id: string }) => e.id);
    } else if (roll < 0.6 && (lastIds[tenant]?.length ?? 0) > 0) {
      await timed('get event', `${base}/events/${pick(lastIds[tenant]!)}`, { headers: viewer });
    } else if (roll < 0.8) {
      const event = { ...writes[written++ % writes.length]!, idempotency_key: crypto.randomUUID() };
      await timed('ingest one', `${base}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
    } else if (roll < 0.87) {
      const batch = Array.from({ length: 20 }, () => ({
        ...writes[written++ % writes.length]!,
        idempotency_key: crypto.randomUUID(),
      }));
      await timed('ingest batch of 20', `${base}/events/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: batch }),
      });
    } else if (roll < 0.93) {
      const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
      await timed('verify 7 days', `${base}/verify?from=${encodeURIComponent(from)}`, {
        headers: viewer,
      });
    } else {
      await timed('list alerts', `${base}/alerts?limit=25`, { headers: viewer });
    }
  }
}

/** One exporter: start an export, poll until it ends, download it; again until the deadline. */
async function exporterClient(base: string, token: string, deadline: number) {
  const viewer = { authorization: `Bearer ${token}` };
  while (Date.now() < deadline) {
    const created = await timed('create export', `${base}/exports`, {
      method: 'POST',
      headers: { ...viewer, 'content-type': 'application/json' },
      body: JSON.stringify({ format: pick(['csv', 'json', 'ndjson']), action: 'document.*' }),
    });
    if (created.status !== 202) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      continue;
    }
    const id = json(created).data.id;
    let job;
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = json(await timed('poll export', `${base}/exports/${id}`, { headers: viewer })).data;
    } while (job.status === 'pending' || job.status === 'processing');
    if (job.download_url) await timed('download export', job.download_url);
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function summarize(batch: Sample[], seconds: number) {
  const ms = batch.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: batch.length,
    per_s: Math.round(batch.length / seconds),
    p50_ms: +percentile(ms, 50).toFixed(1),
    p95_ms: +percentile(ms, 95).toFixed(1),
    p99_ms: +percentile(ms, 99).toFixed(1),
    non_2xx: batch.filter((s) => s.status < 200 || s.status >= 300).length,
  };
}

const emulator = await startEmulator();
const base = `${emulator.url}/api/v1`;
const exportsDir = `${dbFile}.exports`;
try {
  const tokens = Object.fromEntries(
    await Promise.all(TENANTS.map(async (t) => [t, await viewerToken(base, t)])),
  );
  samples = [];
  const started = Date.now();
  const deadline = started + MINUTES * 60_000;
  console.log(
    `Soak: ${CLIENTS} clients (${CLIENTS - EXPORTERS.length} mixed, ${EXPORTERS.length} exporters) for ${MINUTES} min against ${emulator.url} (seeded ${SEED})`,
  );
  const minutes: Array<Record<string, number>> = [];
  const all: Sample[] = [];
  const sampler = setInterval(() => {
    const batch = samples;
    samples = [];
    const row = {
      minute: minutes.length + 1,
      ...summarize(batch, 60),
      rss_mb: Math.round(rssMb(emulator.pid)),
      exports_mb: +folderMb(exportsDir).toFixed(1),
    };
    minutes.push(row);
    all.push(...batch);
    console.log(JSON.stringify(row));
  }, 60_000);
  await Promise.all([
    ...Array.from({ length: CLIENTS - EXPORTERS.length }, (_, i) =>
      mixedClient(base, tokens, deadline, 100 + i),
    ),
    ...EXPORTERS.map((e) => exporterClient(base, tokens[e.tenant]!, deadline)),
  ]);
  clearInterval(sampler);
  all.push(...samples);
  const total = {
    ...summarize(all, (Date.now() - started) / 1000),
    rss_mb: Math.round(rssMb(emulator.pid)),
    exports_mb: +folderMb(exportsDir).toFixed(1),
    db_mb: +(fs.statSync(dbFile).size / 1024 / 1024).toFixed(1),
  };
  const byOp = Object.fromEntries(
    [...new Set(all.map((s) => s.op))].map((op) => [
      op,
      summarize(
        all.filter((s) => s.op === op),
        (Date.now() - started) / 1000,
      ),
    ]),
  );
  console.log('\nWhole run:', JSON.stringify(total));
  console.table(byOp);
  console.log(
    unexpected.size === 0
      ? 'No non-2xx answers.'
      : `Non-2xx answers: ${JSON.stringify(Object.fromEntries(unexpected))}`,
  );
  const out = path.resolve(here, '../../../bench/results/soak.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        minutes: MINUTES,
        clients: CLIENTS,
        seed: SEED,
        per_minute: minutes,
        total,
        by_op: byOp,
        non_2xx: Object.fromEntries(unexpected),
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`Written to ${path.relative(process.cwd(), out)}`);
} finally {
  emulator.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
}
