// The kit beside the bare reference (bench/page/reference.tsx): for each render figure measured
// with a reference, the kit's median, the reference's median (range), their ratio and its target;
// and the bytes of the reference's TanStack stack beside the kit's.
import { kb, num, range } from './format.mjs';
import { TARGETS } from './targets.mjs';

const ratioText = (r) => `${num(r, 2)}×`;

/**
 * The table's lines (none when nothing was measured with a reference) and the verdicts,
 * `{ [figure]: met }`, of its judged rows.
 */
export function referenceLines(results) {
  const rows = [];
  const verdicts = {};
  const mounts = results.render?.mounts ?? {};
  const judged = (key, label, kit, reference) => {
    const ratio = kit.median / reference.median;
    const ok = ratio <= TARGETS.referenceRatio;
    verdicts[key] = ok;
    rows.push([
      label,
      `${num(kit.median)} ms`,
      `${range(reference)} ms`,
      ratioText(ratio),
      `≤ ${TARGETS.referenceRatio}×`,
      ok ? '✓' : '✗',
    ]);
  };
  for (const [id, f] of Object.entries(mounts)) {
    if (!f.reference) continue;
    const what =
      f.mode === 'pages'
        ? `first page of ${f.pageSize} rows ('pages')`
        : `${num(f.events)} loaded rows ('infinite')`;
    const rowsShown = `${f.rows_in_dom} / ${f.reference.rows_in_dom} rows`;
    judged(`ratio_${id}`, `${what}, ${rowsShown}`, f.paint_ms, f.reference.paint_ms);
    judged(`ratio_${id}_warm`, `  warm remount`, f.warm_paint_ms, f.reference.warm_paint_ms);
  }
  const b = results.bundle;
  if (b?.reference_stack) {
    const kit = b.audit_log.jsGzip;
    const ref = b.reference_stack.gzip;
    rows.push([
      'bundle JS, min+gzip (kit: + client, integrity; CSS apart)',
      kb(kit),
      `${kb(ref)} (TanStack stack)`,
      ratioText(kit / ref),
      '',
      '',
    ]);
  }
  if (rows.length === 0) return { lines: [], verdicts };
  const head = ['figure (rows in the DOM: kit / reference)', 'kit', 'reference', 'ratio', 'target'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)));
  const pad = (text, w) => text + ' '.repeat(Math.max(0, w - [...text].length));
  const line = (r) =>
    [...r.slice(0, 5).map((c, i) => pad(c, widths[i])), r[5] ?? ''].join('  ').trimEnd();
  return {
    lines: [
      '',
      `Kit vs bare reference (TanStack table + query + virtual, plain text; page/reference.tsx): medians of interleaved cold runs`,
      line(head),
      '─'.repeat(widths.reduce((a, w) => a + w + 2, 0) + 1),
      ...rows.map(line),
    ],
    verdicts,
  };
}
