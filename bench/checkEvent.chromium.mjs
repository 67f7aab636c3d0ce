#!/usr/bin/env node
/**
 * Benchmark (not a test): `checkEvent` throughput in real Chromium, on realistic events from the
 * emulator, next to the same code and events in Node.
 *
 *   node bench/checkEvent.chromium.mjs              # from the repo root
 *   node bench/checkEvent.chromium.mjs --profile    # also a Chromium CPU profile (.cpuprofile)
 *
 * Method:
 * 1. Seeds 5,000 events into an in-memory emulator and reads them over real HTTP (API key,
 *    `limit=100` pages following `next_cursor`), so they are exactly what a client receives.
 * 2. Bundles a small entry (esbuild, browser platform, ES2022, minified as an app ships it)
 *    holding the client's `checkEvent` and the measuring loop below, and serves it with the
 *    events' JSON on 127.0.0.1 (node:http).
 * 3. Opens it in headless Chromium (Playwright, /usr/bin/chromium). The page fetches and parses
 *    the JSON itself, checks that every event is `ok` and that a tampered copy is not (a
 *    correctness guard: printed, and the run stops if it fails), warms up for WARMUP_MS, then
 *    runs ROUNDS rounds of at least ROUND_MS each; a round calls `checkEvent` on all 5,000
 *    events as many times as fits.
 * 4. Each round gives two rates: events per wall-clock second (`performance.now()` in the page),
 *    and events per CPU second of the page's main thread (CDP `Performance.getMetrics`
 *    ThreadTime around the round). On an idle machine the two agree; on a shared one the wall
 *    rate also counts the time the OS gave to other processes, the CPU rate does not. Both are
 *    printed as median, range and best, and the same is done in this Node process for the same
 *    bundle code (CPU time from `process.cpuUsage()`), with Node's native SHA-256 and with the
 *    pure-TS SHA-256 that browsers run (forced by stubbing `nativeSha256`).
 *
 * Results go to bench/results/checkEvent.chromium.json (git-ignored). It measures; it never
 * fails on a missed target. Rates move with the machine: compare runs on one machine.
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';

const TARGET_EVENTS_PER_S = 250_000;
const EVENTS = 5_000;
const WARMUP_MS = 1_500;
const ROUNDS = 9;
const ROUND_MS = 300;
const API_KEY = `imk_${'x'.repeat(32)}`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(root, 'packages/client');
const resultsDir = path.join(root, 'bench/results');
const { values: args } = parseArgs({ options: { profile: { type: 'boolean', default: false } } });
const profile = args.profile;
// esbuild, tsx and the emulator are the client package's devDependencies, not the root's.
const clientRequire = createRequire(path.join(clientDir, 'package.json'));

/**
 * The bundled entry: `checkEvent` plus the measuring loop, so Chromium and Node time exactly the
 * same code. `prepare` parses the events' JSON text and runs the correctness guard; `round`
 * checks every event as many times as fits in `ms` and reports what it did.
 */
const ENTRY = `
import { checkEvent } from './checkEvent.ts';
import { eventHashInput } from './computeEventHash.ts';

let events = [];

export function prepare(json) {
  events = JSON.parse(json);
  let ok = 0;
  for (const e of events) if (checkEvent(e).ok) ok++;
  const tampered = { ...events[0], actor_name: String(events[0].actor_name) + ' ' };
  const tamperedCaught = checkEvent(tampered).status === 'hash_mismatch';
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const e of events) bytes += encoder.encode(eventHashInput(e)).length;
  return { events: events.length, ok, tamperedCaught, meanBytes: Math.round(bytes / events.length) };
}

export function round(ms) {
  let checked = 0;
  let ok = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    // The ok count keeps the work observable (and is part of the guard).
    for (let i = 0; i < events.length; i++) if (checkEvent(events[i]).ok) ok++;
    checked += events.length;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return { checked, ok, ms: elapsed };
}
`;

/** Replaces the client's native-hash lookup with "none", as in a browser. */
const pureTsPlugin = {
  name: 'force-pure-ts-sha256',
  setup(build) {
    build.onLoad({ filter: /[\\/]nativeSha256\.ts$/ }, () => ({
      contents: 'export function nativeSha256() { return null; }',
      loader: 'ts',
    }));
  },
};

async function bundle(format, plugins = []) {
  const { build } = clientRequire('esbuild');
  const result = await build({
    stdin: {
      contents: ENTRY,
      resolveDir: path.join(clientDir, 'src'),
      sourcefile: 'checkEvent.bench-entry.js',
      loader: 'js',
    },
    bundle: true,
    // Minified as an app ships it; a profiling run keeps the names readable.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: !profile,
    format,
    globalName: format === 'iife' ? 'checkEventBench' : undefined,
    platform: 'browser',
    target: 'es2022',
    write: false,
    plugins,
  });
  return result.outputFiles[0].text;
}

/** 5,000 seeded events, read over HTTP as a client reads them; returns them as JSON text. */
async function seededEventsJson() {
  // tsx loads the emulator's TypeScript (its ESM API: the CJS one's register() fails here).
  const tsxPackage = clientRequire.resolve('tsx/package.json');
  const tsxApi = JSON.parse(fs.readFileSync(tsxPackage, 'utf8')).exports['./esm/api'].import
    .default;
  const { register } = await import(pathToFileURL(path.join(path.dirname(tsxPackage), tsxApi)));
  register();
  const emulatorEntry = clientRequire.resolve('@getimmutable/emulator');
  const { createEmulator, seedEmulator } = await import(pathToFileURL(emulatorEntry).href);
  const emulator = createEmulator({ db: ':memory:', apiKey: API_KEY });
  try {
    seedEmulator(emulator, EVENTS);
    const { url } = await emulator.listen(0, '127.0.0.1');
    const events = [];
    let cursor = null;
    do {
      const query = new URLSearchParams({ limit: '100' });
      if (cursor) query.set('cursor', cursor);
      const response = await fetch(`${url}/api/v1/events?${query}`, {
        headers: { Authorization: `Bearer ${API_KEY}` },
      });
      if (!response.ok) throw new Error(`GET /events → ${response.status}`);
      const body = await response.json();
      events.push(...body.data);
      cursor = body.pagination.next_cursor;
    } while (cursor);
    if (events.length !== EVENTS)
      throw new Error(`expected ${EVENTS} events, got ${events.length}`);
    // One array again: JSON.stringify keeps every key in the order the server sent it.
    return JSON.stringify(events);
  } finally {
    await emulator.close();
  }
}

function serve(files) {
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Warm-up, then ROUNDS timed rounds. `runRound(ms)` runs one round and returns it with the CPU
 * seconds it took; rates are events per second of wall clock and of CPU.
 */
async function measure(prepared, runRound) {
  await runRound(WARMUP_MS);
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await runRound(ROUND_MS));
  return {
    ...prepared,
    okInRounds: rounds.every((r) => r.ok === r.checked),
    checked: rounds.reduce((n, r) => n + r.checked, 0),
    wall: summarize(rounds.map((r) => (r.checked / r.ms) * 1000)),
    cpu: summarize(rounds.map((r) => r.checked / r.cpuSeconds)),
  };
}

function summarize(rates) {
  const sorted = [...rates].sort((a, b) => a - b);
  return {
    median: Math.round(sorted[Math.floor(sorted.length / 2)]),
    min: Math.round(sorted[0]),
    max: Math.round(sorted[sorted.length - 1]),
    rounds: rates.map(Math.round),
  };
}

function guard(where, result) {
  const ok = result.ok === result.events && result.tamperedCaught && result.okInRounds;
  console.log(
    `correctness guard (${where}): ${n(result.ok)}/${n(result.events)} ok, tampered copy ${result.tamperedCaught ? 'caught' : 'NOT CAUGHT'}, all ${n(result.checked)} timed checks ok: ${result.okInRounds}`,
  );
  if (!ok) throw new Error(`correctness guard failed in ${where}`);
}

const n = (x) => x.toLocaleString('en');
const describe = (s) =>
  `median ${n(s.median)}/s (range ${n(s.min)}–${n(s.max)}) ${s.median >= TARGET_EVENTS_PER_S ? 'ok' : 'UNDER TARGET'}`;

async function inChromium(script, json) {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>checkEvent bench</title>' +
    '<script src="/bench.js"></script></head><body></body></html>';
  const server = await serve({
    '/': ['text/html; charset=utf-8', html],
    '/bench.js': ['text/javascript; charset=utf-8', script],
    '/events.json': ['application/json', json],
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const threadTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
    const prepared = await page.evaluate(async () =>
      globalThis.checkEventBench.prepare(await (await fetch('/events.json')).text()),
    );
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const result = await measure(prepared, async (ms) => {
      const before = await threadTime();
      const r = await page.evaluate((m) => globalThis.checkEventBench.round(m), ms);
      return { ...r, cpuSeconds: (await threadTime()) - before };
    });
    if (profile) {
      const { profile: cpuProfile } = await cdp.send('Profiler.stop');
      fs.mkdirSync(resultsDir, { recursive: true });
      const out = path.join(resultsDir, 'checkEvent.chromium.cpuprofile');
      fs.writeFileSync(out, JSON.stringify(cpuProfile));
      console.log(
        `CPU profile: ${path.relative(root, out)} (open in Chrome DevTools › Performance)`,
      );
    }
    return { ...result, version: browser.version() };
  } finally {
    await browser.close();
    server.close();
  }
}

async function inNode(code, name, json, tmp) {
  const file = path.join(tmp, `${name}.mjs`);
  fs.writeFileSync(file, code);
  const bench = await import(pathToFileURL(file).href);
  return measure(bench.prepare(json), async (ms) => {
    const before = process.cpuUsage();
    const r = bench.round(ms);
    const used = process.cpuUsage(before);
    return { ...r, cpuSeconds: (used.user + used.system) / 1e6 };
  });
}

const json = await seededEventsJson();
const [browserScript, nodeNative, nodePureTs] = await Promise.all([
  bundle('iife'),
  bundle('esm'),
  bundle('esm', [pureTsPlugin]),
]);
const chromiumResult = await inChromium(browserScript, json);
// Node after Chromium, so the two never compete for the CPU.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'checkEvent-bench-'));
const nativeResult = await inNode(nodeNative, 'native', json, tmp);
const pureTsResult = await inNode(nodePureTs, 'pure-ts', json, tmp);
fs.rmSync(tmp, { recursive: true, force: true });

const load = os.loadavg()[0].toFixed(2);
console.log(
  `events: ${n(EVENTS)} from the emulator over HTTP, ${chromiumResult.meanBytes} bytes of canonical JSON each on average`,
);
console.log(
  `method: warm-up ${WARMUP_MS} ms, then ${ROUNDS} rounds of ≥ ${ROUND_MS} ms, each checkEvent over all events as often as fits; ${os.cpus().length} CPUs, load average ${load}`,
);
guard('Chromium', chromiumResult);
guard('Node, native SHA-256', nativeResult);
guard('Node, pure-TS SHA-256', pureTsResult);
const rows = [
  [`Chromium ${chromiumResult.version} (pure-TS SHA-256)`, chromiumResult],
  [`Node ${process.version}, native SHA-256`, nativeResult],
  [`Node ${process.version}, pure-TS SHA-256`, pureTsResult],
];
for (const [name, r] of rows) {
  console.log(`checkEvent, ${name}:`);
  console.log(`  per wall-clock second: ${describe(r.wall)}`);
  console.log(`  per CPU second:        ${describe(r.cpu)}`);
}
console.log(`target: ≥ ${n(TARGET_EVENTS_PER_S)} events/s (median)`);

fs.mkdirSync(resultsDir, { recursive: true });
const out = path.join(resultsDir, 'checkEvent.chromium.json');
const entry = (r) => ({ wall: r.wall, cpu: r.cpu });
fs.writeFileSync(
  out,
  `${JSON.stringify(
    {
      target_events_per_s: TARGET_EVENTS_PER_S,
      started_at: new Date().toISOString(),
      node: process.version,
      chromium: chromiumResult.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      load_average_1m: Number(load),
      events: EVENTS,
      mean_canonical_bytes: chromiumResult.meanBytes,
      method: { warmup_ms: WARMUP_MS, rounds: ROUNDS, round_ms: ROUND_MS, minified: !profile },
      chromium_pure_ts: entry(chromiumResult),
      node_native: entry(nativeResult),
      node_pure_ts: entry(pureTsResult),
    },
    null,
    2,
  )}\n`,
);
console.log(`results: ${path.relative(root, out)}`);
