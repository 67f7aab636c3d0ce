import { BATCH } from './ingest.js';
import { TARGETS } from './targets.js';

/** Prints the results as a table of metric, figure, target and ✓/✗, then the notes. */
export function report(r: Record<string, unknown>, sizes: number[]) {
  const rows: Array<[string, string, string, string]> = [];
  const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✓' : '✗');
  const n = (value: number, digits = 0) =>
    value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);

  for (const run of r.ingest as Array<{
    clients: number;
    events_per_s: number;
    failed_requests: number;
  }>) {
    rows.push([
      `ingest, ${run.clients} client${run.clients > 1 ? 's' : ''} (batches of ${BATCH})`,
      `${n(run.events_per_s)} events/s${run.failed_requests ? ` (${run.failed_requests} failed)` : ''}`,
      `≥ ${n(TARGETS.ingestPerS)}`,
      mark(run.events_per_s >= TARGETS.ingestPerS),
    ]);
  }
  const bySize = r.by_size as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const size of sizes) {
    const entry = bySize[size];
    const judged = size === sizes.at(-1);
    rows.push([
      `fill ${label(size)} in process (ingest())`,
      `${n(entry.fill.events_per_s)} events/s, ${n(entry.fill.seconds, 1)} s, ${n(entry.db_mb)} MB file`,
      '',
      '',
    ]);
    for (const [name, q] of Object.entries(
      entry.queries as Record<string, { p50_ms: number; p95_ms: number; rows: number }>,
    )) {
      rows.push([
        `GET /events ${name} @${label(size)}`,
        `p50 ${n(q.p50_ms, 1)} ms, p95 ${n(q.p95_ms, 1)} ms (${q.rows} rows)`,
        judged ? `p95 ≤ ${TARGETS.pageP95Ms} ms` : '',
        judged ? mark(q.p95_ms <= TARGETS.pageP95Ms) : '',
      ]);
    }
    for (const [name, w] of Object.entries(
      entry.worst_search as Record<
        string,
        { search_ms: number; page_meanwhile_ms: number; loop_blocked_ms: number }
      >,
    )) {
      rows.push([
        `worst search @${label(size)}: ${name}`,
        `${n(w.search_ms)} ms; GET /events?limit=1 meanwhile ${n(w.page_meanwhile_ms)} ms (loop blocked ${n(w.loop_blocked_ms)} ms)`,
        judged ? `≤ ${n(TARGETS.searchStallMs)} ms` : '',
        judged ? mark(w.page_meanwhile_ms <= TARGETS.searchStallMs) : '',
      ]);
    }
    const v = entry.verify;
    rows.push([
      `verify all @${label(size)} (limit 100000)`,
      `${n(v.events_per_s)} events/s (${n(v.events_checked)} in ${n(v.seconds, 1)} s, ${v.valid ? 'valid' : 'INVALID'})`,
      `≥ ${n(TARGETS.verifyPerS)}`,
      mark(v.events_per_s >= TARGETS.verifyPerS),
    ]);
    const e = entry.export_csv;
    if (e) {
      rows.push([
        `export CSV @${label(size)} (POST → download)`,
        e.status === 'completed'
          ? `${n(e.seconds, 2)} s (${n(e.rows)} rows, ${n(e.bytes / 1024 / 1024, 1)} MB; processing ${n(e.processing_seconds, 2)} s)`
          : `${e.status}: ${e.error}`,
        `≤ ${TARGETS.exportS} s`,
        mark(e.status === 'completed' && e.seconds <= TARGETS.exportS),
      ]);
    }
  }
  const rss = r.peak_rss_mb as number;
  rows.push([
    'peak RSS (maxRSS)',
    `${n(rss)} MB`,
    `≤ ${TARGETS.rssMb} MB`,
    mark(rss <= TARGETS.rssMb),
  ]);
  rows.push(['total bench time', `${n(r.total_seconds as number)} s`, '', '']);

  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  const pad = (text: string, width: number) =>
    text + ' '.repeat(Math.max(0, width - [...text].length));
  const line = (row: [string, string, string, string]) =>
    `${pad(row[0], widths[0]!)}  ${pad(row[1], widths[1]!)}  ${pad(row[2], widths[2]!)}  ${row[3]}`;
  console.log(`\nImmutable emulator benchmark — ${r.cpus as string}, Node ${r.node as string}\n`);
  console.log(line(['metric', 'figure', 'target', '']));
  console.log('─'.repeat(widths[0]! + widths[1]! + widths[2]! + 9));
  for (const row of rows) console.log(line(row));
  for (const note of r.notes as string[]) console.log(`\nNote: ${note}`);
}
