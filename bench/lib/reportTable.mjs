// The table `pnpm bench` prints: one row per figure with its target and a ✓/✗ verdict, in
// sections (bundle, render, integrity, emulator), for the parts that ran.
import { kb, num, range } from './format.mjs';
import { DOM_TOLERANCE, FRAME_JITTER_MS, TARGETS } from './targets.mjs';

/**
 * The rows for the measured `results` (a one-cell row is a section title) and the verdicts,
 * `{ [figure]: met }`, of the figures that have a target.
 */
export function figureRows(results, { runs, emulatorEvents }) {
  const rows = [];
  const verdicts = {};
  const table = {
    section: (title) => rows.push([title]),
    row: (...cells) => rows.push(cells),
    mark: (key, ok) => {
      verdicts[key] = ok;
      return ok ? '✓' : '✗';
    },
  };
  if (results.bundle) bundleRows(table, results.bundle);
  if (results.render) renderRows(table, results.render, runs);
  integrityRows(table, results.check_event, results.emulator);
  if (results.emulator) emulatorRows(table, results.emulator, emulatorEvents);
  return { rows, verdicts };
}

function bundleRows({ section, row, mark }, bundle) {
  const a = bundle.audit_log;
  const c = bundle.client;
  const s = bundle.split;
  section('Bundle (esbuild minify, ES2022; gzip -9)');
  row(
    '<AuditLog /> + provider + createViewerClient, React external',
    `${kb(a.min)} min, ${kb(a.gzip)} min+gzip (JS ${kb(a.jsGzip)} + CSS ${kb(a.cssGzip)} gzip), as one bundle`,
    '',
    '',
  );
  row(
    '  initial: loaded before the first paint',
    `${kb(s.initial.gzip)} min+gzip (JS ${kb(s.initial.js_gzip)} + CSS ${kb(s.initial.css_gzip)})`,
    `≤ ${TARGETS.initialKb} kB`,
    mark('bundle_initial', s.initial.gzip <= TARGETS.initialKb * 1024),
  );
  row(
    '  on demand: import() chunks, each gzipped alone',
    `${kb(s.on_demand_gzip)}: ${s.on_demand.map((chunk) => `${chunk.chunk} ${kb(chunk.gzip)}`).join(' · ')}`,
    '',
    '',
  );
  row(
    '  everything <AuditLog /> can show (initial + on demand)',
    `${kb(s.total_gzip)} min+gzip`,
    `≤ ${TARGETS.totalKb} kB`,
    mark('bundle_audit_log', s.total_gzip <= TARGETS.totalKb * 1024),
  );
  const p = bundle.composition;
  row(
    '  of which (min+gzip, each layer on top of the last)',
    `TanStack ${kb(p.tanstack)} · client ${kb(p.client)} · integrity ${kb(p.integrity)} · kit ${kb(p.kit)} · CSS ${kb(p.css)}`,
    '',
    '',
  );
  if (bundle.reference_stack)
    row(
      'bare reference stack (react-query + react-table + react-virtual)',
      `${kb(bundle.reference_stack.min)} min, ${kb(bundle.reference_stack.gzip)} min+gzip`,
      '',
      '',
    );
  row(
    'viewer client (createViewerClient + checks)',
    `${kb(c.min)} min, ${kb(c.gzip)} min+gzip`,
    `≤ ${TARGETS.viewerClientKb} kB`,
    mark('bundle_viewer_client', c.gzip <= TARGETS.viewerClientKb * 1024),
  );
}

function renderRows({ section, row, mark }, render, runs) {
  const m = render.mounts;
  const hasMounts = m && Object.keys(m).length > 0;
  if (hasMounts) {
    section(
      `Render in Chromium ${render.chromium}: mount → first painted rows, median (range) of ${runs} cold runs`,
    );
    for (const size of [25, 50, 100]) {
      const f = m[`pages-${size}`];
      row(
        `first page of ${size} rows ('pages')`,
        `${range(f.paint_ms)} ms; warm ${num(f.warm_paint_ms.median)} ms; ${num(f.dom_nodes.median)} DOM nodes; heap +${num(f.heap_mb.mount_growth.median, 1)} MB`,
        `≤ ${TARGETS.firstPageMs} ms`,
        mark(`first_page_${size}`, f.paint_ms.median <= TARGETS.firstPageMs),
      );
    }
    for (const size of [1000, 10_000, 100_000]) {
      const f = m[`infinite-${size}`];
      const judged = size === 10_000;
      row(
        `${num(size)} loaded rows ('infinite')`,
        `${range(f.paint_ms)} ms; warm ${num(f.warm_paint_ms.median)} ms; ${num(f.dom_nodes.median)} DOM nodes (${f.rows_in_dom} rows); heap +${num(f.heap_mb.mount_growth.median, 1)} MB`,
        judged ? `≤ ${TARGETS.loaded10kMs} ms` : '',
        judged ? mark('loaded_10k', f.paint_ms.median <= TARGETS.loaded10kMs) : '',
      );
    }
    const doms = [1000, 10_000, 100_000].map((s) => m[`infinite-${s}`].dom_nodes.median);
    row(
      'DOM size vs loaded rows (1k / 10k / 100k)',
      `${doms.map((d) => num(d)).join(' / ')} nodes`,
      'does not grow',
      mark('dom_flat', Math.max(...doms) <= Math.min(...doms) * (1 + DOM_TOLERANCE)),
    );
    const h = m['infinite-100000'].heap_mb;
    row(
      'JS heap, 100,000 loaded events (after GC)',
      `${range(h.used_after_mount, 1)} MB used: events ${num(h.events_parsed.median, 1)} MB + viewer ${num(h.mount_growth.median, 1)} MB + page ${num(h.blank_page.median, 1)} MB`,
      `≤ ${TARGETS.heap100kMb} MB`,
      mark('heap_100k', h.used_after_mount.median <= TARGETS.heap100kMb),
    );
  }
  if (render.scroll) {
    const s = render.scroll;
    if (!hasMounts) section(`Render in Chromium ${render.chromium}`);
    row(
      `scrolling 100,000 loaded rows (${s.stepPx} px/frame, ${s.durationMs / 1000} s × ${runs})`,
      `frame p50 ${num(s.frame_ms.p50, 1)} ms, p95 ${num(s.frame_ms.p95, 1)} ms (by run ${range(s.p95_by_run, 1)}); ${num(s.late_frames_pct)}% frames late; idle frame ${num(s.idle_frame_ms.p50, 1)} ms`,
      `p95 ≤ ${TARGETS.scrollP95Ms} ms`,
      mark('scroll_p95', s.frame_ms.p95 <= TARGETS.scrollP95Ms + FRAME_JITTER_MS),
    );
  }
}

/** The event counts the emulator part measured (each once), and the largest of them. */
function largestSize(em) {
  const sizes = em.sizes.filter((s, i, all) => all.indexOf(s) === i && em.by_size[s]);
  return { sizes, size: sizes.at(-1) };
}
const sizeLabel = (s) => (s >= 1_000_000 ? `${s / 1_000_000}M` : `${s / 1000}k`);

function integrityRows({ section, row, mark }, ce, em) {
  if (ce || em) section('Integrity');
  if (ce) {
    // The script reports rates per wall-clock second (judged, as every figure here) and, in newer
    // versions, per CPU second of the measuring thread (what the machine's load does not move).
    const wall = (x) => (x && typeof x === 'object' && 'wall' in x ? x.wall : x);
    const cpu = (x) => (x && typeof x === 'object' && 'cpu' in x ? x.cpu : null);
    const figure = (x) =>
      `${range(wall(x))} events/s${cpu(x) ? `; per CPU second ${num(cpu(x).median)}/s` : ''}`;
    const c = wall(ce.chromium_pure_ts);
    row(
      `checkEvent in Chromium ${ce.chromium} (${num(ce.events)} events)`,
      figure(ce.chromium_pure_ts),
      `≥ ${num(TARGETS.checksPerS)}/s`,
      mark('check_event', c.median >= TARGETS.checksPerS),
    );
    if (ce.node_native)
      row(`checkEvent in Node ${ce.node} (native SHA-256)`, figure(ce.node_native), '', '');
  }
  if (em) {
    const { size } = largestSize(em);
    const v = em.by_size[size].verify;
    row(
      `server verify @${sizeLabel(size)} (emulator, HTTP)`,
      `${num(v.events_per_s)} events/s (${v.valid ? 'valid' : 'INVALID'})`,
      `≥ ${num(em.targets.verifyPerS)}/s`,
      mark('server_verify', v.events_per_s >= em.targets.verifyPerS),
    );
  }
}

function emulatorRows({ section, row, mark }, em, emulatorEvents) {
  const { sizes, size } = largestSize(em);
  section(
    `Emulator (pnpm bench:emulator, BENCH_EVENTS=${num(emulatorEvents)}; full 1M: pnpm bench:emulator)`,
  );
  // In the bench's process (as a test suite's createEmulator()), then the CLI in its own.
  for (const [runs, where, key] of [
    [em.ingest, '', 'ingest'],
    [em.ingest_apart ?? [], ', server in its own process', 'ingest_apart'],
  ]) {
    for (const run of runs) {
      row(
        `ingest, ${run.clients} client${run.clients > 1 ? 's' : ''} (batches of 100)${where}`,
        `${num(run.events_per_s)} events/s`,
        `≥ ${num(em.targets.ingestPerS)}/s`,
        mark(`${key}_${run.clients}`, run.events_per_s >= em.targets.ingestPerS),
      );
    }
  }
  const queries = Object.entries(em.by_size[size].queries);
  const worst = queries.reduce((a, b) => (b[1].p95_ms > a[1].p95_ms ? b : a));
  row(
    `GET /events @${sizeLabel(size)}, ${queries.length} filters`,
    `p95 worst ${num(worst[1].p95_ms, 1)} ms (${worst[0]}), best ${num(Math.min(...queries.map((q) => q[1].p95_ms)), 1)} ms`,
    `p95 ≤ ${em.targets.pageP95Ms} ms`,
    mark('page_p95', worst[1].p95_ms <= em.targets.pageP95Ms),
  );
  const x = sizes.map((s) => [s, em.by_size[s].export_csv]).find(([, e]) => e);
  if (x) {
    const [s, e] = x;
    row(
      `export CSV @${sizeLabel(s)}`,
      e.status === 'completed' ? `${num(e.seconds, 2)} s (${num(e.rows)} rows)` : `${e.status}`,
      `≤ ${em.targets.exportS} s`,
      mark('export', e.status === 'completed' && e.seconds <= em.targets.exportS),
    );
  }
  row(
    'emulator peak RSS',
    `${num(em.peak_rss_mb)} MB`,
    `≤ ${num(em.targets.rssMb)} MB`,
    mark('rss', em.peak_rss_mb <= em.targets.rssMb),
  );
}

/** The header line and the rows, their columns aligned; a section title gets a blank line above. */
export function tableLines(results, rows) {
  const width = (i) => Math.max(...rows.filter((r) => r.length > 1).map((r) => [...r[i]].length));
  const widths = [0, 1, 2].map(width);
  const pad = (text, w) => text + ' '.repeat(Math.max(0, w - [...text].length));
  const line = (r) =>
    `${pad(r[0], widths[0])}  ${pad(r[1], widths[1])}  ${pad(r[2], widths[2])}  ${r[3]}`.trimEnd();
  return [
    `@getimmutable/react benchmark — ${results.cpus}, Node ${results.node}, load average ${results.load_average_at_start} → ${results.load_average_at_end}`,
    '',
    line(['metric', 'figure', 'target', '']),
    '─'.repeat(widths[0] + widths[1] + widths[2] + 9),
    ...rows.map((r) => (r.length === 1 ? `\n${r[0]}` : line(r))),
  ];
}
