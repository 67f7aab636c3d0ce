/**
 * Run in a fresh process (node --expose-gc) by offlineVerify.bench.ts, so that nothing else is
 * in its memory: verifies one export file and prints its figures as one JSON line.
 * Usage: tsx bench/lib/measureVerify.ts FILE [verify|general]
 * `general` only splits the lines, JSON.parses them and recomputes each hash with computeEventHash:
 * the general path's least cost, which the fast path for compact lines avoids.
 */
import fs from 'node:fs';
import { computeEventHash } from '../../src/computeEventHash.js';
import type { AuditEvent } from '../../src/index.js';
import { createUtf8Decoder } from '../../src/offline/createUtf8Decoder.js';
import { NdjsonLines } from '../../src/offline/NdjsonLines.js';
import { verifyExport } from '../../src/offline/index.js';

const [file, mode = 'verify'] = process.argv.slice(2) as [string, string?];
const size = fs.statSync(file).size;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
gc();
const baseline = process.memoryUsage();
let peakHeap = baseline.heapUsed;
let peakRss = baseline.rss;
/** Heap still in use (after a full GC) once a tenth, half and all of the file is read. */
const retained: number[] = [];
const marks = [0.1, 0.5];
function sample(bytes: number) {
  const { heapUsed, rss } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed);
  peakRss = Math.max(peakRss, rss);
  if (marks.length > 0 && bytes >= size * marks[0]!) {
    marks.shift();
    gc!();
    retained.push(process.memoryUsage().heapUsed);
  }
}

async function generalPath(stream: fs.ReadStream): Promise<number> {
  let events = 0;
  let bytes = 0;
  const decoder = createUtf8Decoder();
  const lines = new NdjsonLines((text) => {
    const event = JSON.parse(text) as AuditEvent;
    if (computeEventHash(event) !== event.integrity.event_hash) throw new Error('bad hash');
    events++;
  });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    lines.push(decoder.decode(chunk));
    sample(bytes);
  }
  lines.end();
  return events;
}

const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
const started = performance.now();
const cpuStarted = process.cpuUsage();
let events: number;
let status = 'valid';
if (mode === 'general') {
  events = await generalPath(stream);
} else {
  const report = await verifyExport(stream, { onProgress: ({ bytes }) => sample(bytes) });
  events = report.events;
  status = report.status;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
gc();
retained.push(process.memoryUsage().heapUsed);

console.log(
  JSON.stringify({
    mode,
    status,
    events,
    bytes: size,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    baselineRss: baseline.rss,
    peakRss: Math.max(peakRss, process.resourceUsage().maxRSS * 1024),
    baselineHeap: baseline.heapUsed,
    peakHeap,
    retained,
  }),
);
