// The kit beside the bare reference (bench/page/reference.tsx): for each render figure measured
// with a reference, the kit's median, the reference's median (range), their ratio and its target;
// and the bytes of the reference's TanStack stack beside the kit's.
import { kb, num, range } from './format.mjs';
import { beyondNoise, pairedRatios } from './pairedRatios.mjs';
import { TARGETS } from './targets.mjs';

const ratioText = (r) => `${num(r, 2)}×`;

/**
 * The interval of the paired ratios' median (pairedRatios.mjs) and, for a judged row, whether
 * the verdict holds beyond the noise; empty when the runs cannot be paired (too few).
 */
function pairedText(kit, reference, diagnostic) {
  const paired = pairedRatios(kit.runs ?? [], reference.runs ?? []);
  if (!paired) return '';
  const interval = `${num(paired.low, 2)}–${num(paired.high, 2)}× (${num(paired.coverage * 100)}%)`;
  return diagnostic ? interval : `${interval}, ${beyondNoise(paired, TARGETS.referenceRatio)}`;
}

/**
 * The table's lines (none when nothing was measured with a reference) and the verdicts,
 * `{ [figure]: met }`, of its judged rows.
 */
export function referenceLines(results) {
  const rows = [];
  const verdicts = {};
  const mounts = results.render?.mounts ?? {};
  /** One row: the kit's median, the reference's, their ratio; a diagnostic row has no target. */
  const judged = (key, label, kit, reference, { diagnostic = false, digits = 0 } = {}) => {
    const ratio = kit.median / reference.median;
    const ok = ratio <= TARGETS.referenceRatio;
    if (!diagnostic) verdicts[key] = ok;
    rows.push([
      label,
      `${num(kit.median, digits)} ms`,
      `${range(reference, digits)} ms`,
      ratioText(ratio),
      diagnostic ? '(diagnostic)' : `≤ ${TARGETS.referenceRatio}×`,
      diagnostic ? '' : ok ? '✓' : '✗',
      pairedText(kit, reference, diagnostic),
    ]);
  };
  for (const [id, f] of Object.entries(mounts)) {
    if (!f.reference) continue;
    const what =
      f.mode === 'pages'
        ? `first page of ${f.pageSize} rows ('pages')`
        : `${num(f.events)} loaded rows ('infinite')`;
    const rowsShown = `${f.rows_in_dom} / ${f.reference.rows_in_dom} rows`;
    const d = f.diagnostic;
    const label = d ? `  kit ${d}` : `${what}, ${rowsShown}`;
    const diagnostic = Boolean(d);
    judged(`ratio_${id}`, label, f.paint_ms, f.reference.paint_ms, { diagnostic });
    judged(`ratio_${id}_warm`, `  warm remount`, f.warm_paint_ms, f.reference.warm_paint_ms, {
      diagnostic,
    });
    // The same mount for a returning visitor: V8's code cache spares compiling what ran before.
    if (f.returning_paint_ms && f.reference.returning_paint_ms) {
      const returningLabel = '  returning visitor (code cache of 2 earlier visits)';
      const [kit, reference] = [f.returning_paint_ms, f.reference.returning_paint_ms];
      judged(`returning_${id}`, returningLabel, kit, reference, { diagnostic: true });
    }
    // What the painted markup alone costs to style and lay out: the DOM's share of the ratio.
    if (!d && f.layout_ms && f.reference.layout_ms) {
      const nodes = `${num(f.layout_nodes)} / ${num(f.reference.layout_nodes)} elements`;
      const layoutLabel = `  style + layout of the painted markup alone, ${nodes}`;
      judged(`layout_${id}`, layoutLabel, f.layout_ms, f.reference.layout_ms, {
        diagnostic: true,
        digits: 1,
      });
    }
  }
  const b = results.bundle;
  if (b?.reference_stack) {
    const ref = b.reference_stack.gzip;
    const bytes = (label, kit) =>
      rows.push([label, kb(kit), `${kb(ref)} (TanStack stack)`, ratioText(kit / ref), '', '', '']);
    // The reference's stack is all it loads, before its first paint.
    bytes(
      'bundle JS before the first paint, min+gzip (kit: + client, integrity)',
      b.split.initial.js_gzip,
    );
    bytes(
      '  + on demand (filters, toolbar, drawer, panels): all the JS',
      b.split.initial.js_gzip + b.split.on_demand_gzip,
    );
  }
  if (rows.length === 0) return { lines: [], verdicts };
  const head = ['figure (rows in the DOM: kit / reference)', 'kit', 'reference', 'ratio', 'target'];
  const pairedHead = 'run-by-run ratios: interval of their median';
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)));
  const pad = (text, w) => text + ' '.repeat(Math.max(0, w - [...text].length));
  const line = (r) =>
    [...r.slice(0, 5).map((c, i) => pad(c, widths[i])), pad(r[5] ?? '', 1), r[6] ?? '']
      .join('  ')
      .trimEnd();
  return {
    lines: [
      '',
      `Kit vs bare reference (TanStack table + query + virtual, plain text; page/reference.tsx): medians of interleaved cold runs`,
      line([...head, '', pairedHead]),
      '─'.repeat(
        widths.reduce((a, w) => a + w + 2, 0) +
          3 +
          Math.max(pairedHead.length, ...rows.map((r) => r[6].length)),
      ),
      ...rows.map(line),
    ],
    verdicts,
  };
}
