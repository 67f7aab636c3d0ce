import type { Floors, IngestFloors, VerifyFloors } from './floors.js';
import { BATCH } from './ingest.js';
import { TARGETS } from './targets.js';

const n = (value: number, digits = 0) =>
  value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);

/**
 * Prints the results as a table of metric, figure, target and ✓/✗, then what bounds the
 * ingest and verify figures (the floors part), then the notes.
 */
export function report(r: Record<string, unknown>, sizes: number[]) {
  const rows: Array<[string, string, string, string]> = [];
  const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✓' : '✗');

  type IngestRun = { clients: number; events_per_s: number; failed_requests: number };
  const ingestRows = (runs: IngestRun[], where: string) => {
    for (const run of runs) {
      rows.push([
        `ingest, ${run.clients} client${run.clients > 1 ? 's' : ''} (batches of ${BATCH})${where}`,
        `${n(run.events_per_s)} events/s${run.failed_requests ? ` (${run.failed_requests} failed)` : ''}`,
        `≥ ${n(TARGETS.ingestPerS)}`,
        mark(run.events_per_s >= TARGETS.ingestPerS),
      ]);
    }
  };
  ingestRows(r.ingest as IngestRun[], '');
  ingestRows((r.ingest_apart as IngestRun[] | undefined) ?? [], ', server in its own process');
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

  const [head, ...body] = aligned([['metric', 'figure', 'target', ''], ...rows], '');
  console.log(`\nImmutable emulator benchmark — ${r.cpus as string}, Node ${r.node as string}\n`);
  console.log(head);
  console.log('─'.repeat(Math.max(...body.map((line) => [...line].length))));
  for (const line of body) console.log(line);
  const floors = r.floors as Floors | undefined;
  if (floors) {
    const overHttp = Math.max(
      ...(r.ingest as Array<{ events_per_s: number }>).map((i) => i.events_per_s),
    );
    console.log(`\n${ingestFloorLines(floors.ingest, overHttp).join('\n')}`);
    if (floors.verify) console.log(`\n${verifyFloorLines(floors.verify).join('\n')}`);
  }
  for (const note of r.notes as string[]) console.log(`\nNote: ${note}`);
}

/** Rows as columns, every one but the last padded to its widest cell, each line indented. */
function aligned(rows: string[][], indent = '  '): string[] {
  const width = (text: string) => [...text].length;
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => width(row[i] ?? ''))));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell)),
        )
        .join('  ')
        .trimEnd(),
  );
}

const CPU_NOTE =
  '  CPU = user + system time of the process, steadier than wall on a shared machine; ' +
  'ceilings are 1e6 / CPU µs.';

/** `overHttpPerS`: the table's best HTTP ingest figure, to set the in-process one beside. */
function ingestFloorLines(f: IngestFloors, overHttpPerS: number): string[] {
  const rows = f.variants.map((v, i) => [
    v.name,
    `${n(v.cpu_us, 1)} (${v.cpu_us_rounds.map((us) => n(us, 1)).join(', ')})`,
    n(v.wall_us, 1),
    i === 0 ? '' : `${n(v.saves_cpu_us, 1)} µs`,
    `${n(v.ceiling_per_s)} events/s`,
  ]);
  const lines = [
    `What bounds ingest — in process, no HTTP: ${n(f.events)} events in batches of ${f.batch} ` +
      `after ${n(f.warmup)} warm-up, each schema on a fresh file; median of ${f.rounds} interleaved rounds`,
    ...aligned([
      ['schema', 'CPU µs/event (rounds)', 'wall µs', 'what is dropped costs', 'ceiling'],
      ...rows,
    ]),
    `  Target ${n(TARGETS.ingestPerS)} events/s = ${n(1e6 / TARGETS.ingestPerS, 1)} µs per event ` +
      'for everything, HTTP included.',
    `  Over HTTP (the best ingest row above): ${n(1e6 / overHttpPerS, 1)} µs per event, wall; ` +
      'the in-process figures leave out HTTP, JSON and validation.',
    CPU_NOTE,
  ];
  for (const v of f.variants.filter((variant) => !variant.search_rows_ok)) {
    lines.push(
      `  ✗ ${v.name}: events_search has not one row per event; its figure is not a fair one.`,
    );
  }
  return lines;
}

function verifyFloorLines(f: VerifyFloors): string[] {
  const cost = (c: { cpu_us: number; wall_us: number }) => [n(c.cpu_us, 2), n(c.wall_us, 2)];
  const lines = [
    `What bounds verify @${label(f.events)} — in process, no HTTP: ${n(f.events)} rows, ` +
      `each part timed alone over all of them; median of ${f.rounds} interleaved rounds`,
    ...aligned([
      ['part', 'CPU µs/row', 'wall µs', ''],
      ['read the rows verify reads (SQL, raw iterate)', ...cost(f.read), ''],
      ['SHA-256 of each body', ...cost(f.sha256), ''],
      ['JSON.parse of each body', ...cost(f.json_parse), ''],
      [
        'floor = read + hash + parse',
        ...cost(f.floor),
        `ceiling ${n(f.floor_ceiling_per_s)} events/s`,
      ],
      ['whole walk (verifyChains, limit 100000)', ...cost(f.walk), `${n(f.walk_per_s)} events/s`],
      [
        'walk − floor: the copy checks (target rows, search text, copied columns)',
        ...cost(f.copy_checks),
        '',
      ],
    ]),
    `  Target ${n(TARGETS.verifyPerS)} events/s = ${n(1e6 / TARGETS.verifyPerS, 1)} µs per row.`,
    CPU_NOTE,
  ];
  if (!f.walk_valid) lines.push('  ✗ the walk found breaks: the bench database is not valid.');
  if (!f.walk_rows_match) {
    lines.push(
      '  ✗ the walk and the floor read different rows; their difference is not a fair one.',
    );
  }
  return lines;
}
