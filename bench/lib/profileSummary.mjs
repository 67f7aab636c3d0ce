// What bounds each missed target, under the table: the heaviest code of each CPU-profiled run
// (see lib/profile.mjs), by package, by call chain in the kit (total time) and by function (self).
import path from 'node:path';
import { root } from './esbuild.mjs';
import { num } from './format.mjs';

/** "(anonymous) — file:line" → "file:line". */
const label = (name) =>
  name.startsWith('(anonymous) — ') ? name.slice('(anonymous) — '.length) : name;

/** A chain of callers with the same share keeps its deepest frame. */
const chainCollapsed = (frames) =>
  frames.reduce((kept, f) => {
    const last = kept.at(-1);
    if (last && Math.abs(last.pct - f.pct) <= 0.5) kept[kept.length - 1] = f;
    else kept.push(f);
    return kept;
  }, []);

/** The summary's lines for the render figures that were profiled; none when none was. */
export function profileSummaryLines(render) {
  const profiled = [
    ...Object.entries(render?.mounts ?? {}).map(([id, f]) => [
      id,
      f.profile,
      `${num(f.profile?.paint_ms ?? 0)} ms`,
    ]),
    ['scroll', render?.scroll?.profile, `p95 ${num(render?.scroll?.profile?.p95_ms ?? 0, 1)} ms`],
  ].filter(([, p]) => p);
  if (profiled.length === 0) return [];
  const out = [
    '',
    'What bounds it — one extra CPU-profiled run each (CDP Profiler, 200 µs sampling; share of sampled time):',
  ];
  for (const [id, p, figure] of profiled) {
    const inKit = chainCollapsed(
      p.totalByFunction.filter((f) => /packages\/|virtual-core|table-core/.test(f.name)),
    ).slice(0, 5);
    const self = p.selfByFunction
      .filter((f) => !/^\((idle|program|root)\)/.test(f.name))
      .slice(0, 5);
    const buckets = p.selfBySource.filter((b) => b.name !== '(idle)').slice(0, 6);
    out.push(`  ${id} (${figure}; ${num(p.totalMs)} ms sampled) → ${path.relative(root, p.file)}`);
    out.push(`      by package: ${buckets.map((b) => `${b.name} ${num(b.pct, 1)}%`).join(', ')}`);
    out.push(
      `      total:      ${inKit.map((f) => `${label(f.name)} ${num(f.pct, 1)}%`).join(' › ')}`,
    );
    out.push(
      `      self:       ${self.map((f) => `${label(f.name)} ${num(f.pct, 1)}%`).join(', ')}`,
    );
  }
  out.push(
    '  ("(program)" is V8 parse/compile and Blink style, layout and paint; see bench/README.md.)',
  );
  return out;
}
