// Reads a CDP CPU profile (.cpuprofile): self and total time by function and by source file,
// mapped through the bench page's source map, so "what bounds it" names code, not guesses.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** A source map's mappings as, per generated line, sorted [column, sourceIndex, originalLine] triples. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let originalLine = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const digit = B64_INDEX.get(c);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        // Source index and original line are deltas across the whole file, not per line.
        source += fields[1];
        originalLine += fields[2];
        segments.push([column, source, originalLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** (line, column) of the generated file (0-based) → `source:line` (1-based line), the source shortened. */
export function sourceLocator(map) {
  const lines = decodeMappings(map.mappings);
  const names = map.sources.map(shortSource);
  return (line, column) => {
    const segments = lines[line];
    if (!segments || segments.length === 0) return null;
    let lo = 0;
    let hi = segments.length - 1;
    if (segments[0][0] > column) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid][0] <= column) lo = mid;
      else hi = mid - 1;
    }
    const name = names[segments[lo][1]];
    return name === undefined ? null : `${name}:${segments[lo][2] + 1}`;
  };
}

/** node_modules/.pnpm/x@1/node_modules/react-dom/cjs/… → react-dom/cjs/…; packages/react/src/… kept. */
function shortSource(source) {
  const s = source.replace(/\\/g, '/');
  const nm = s.lastIndexOf('node_modules/');
  if (nm >= 0) return s.slice(nm + 'node_modules/'.length);
  const pk = s.indexOf('packages/');
  if (pk >= 0) return s.slice(pk);
  const bench = s.indexOf('bench/');
  return bench >= 0 ? s.slice(bench) : s;
}

/** A package-level bucket for a source: 'react-dom', '@tanstack/react-virtual', 'packages/react/src/table/…'. */
function bucketOf(located) {
  if (!located) return null;
  const source = located.replace(/:\d+$/, '');
  if (source.startsWith('packages/') || source.startsWith('bench/')) return source;
  const parts = source.split('/');
  return source.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * @param {any} profile CDP Profiler.stop's profile
 * @param {(line: number, column: number) => string | null} locate
 * @param {{ pageUrl?: string }} options frames from other URLs are labelled by URL
 */
export function summarizeProfile(profile, locate, { scriptUrl } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map();
  profile.samples.forEach((id, i) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );

  const frameOf = (node) => {
    const f = node.callFrame;
    const special = f.functionName.startsWith('(') ? f.functionName : null;
    if (special) return { name: special, source: special, bucket: special };
    let source = null;
    if (scriptUrl && f.url === scriptUrl) source = locate(f.lineNumber, f.columnNumber);
    else if (!f.url) source = '(native)';
    else source = f.url;
    return {
      name: f.functionName || '(anonymous)',
      source: source ?? '(bundle)',
      bucket: bucketOf(source) ?? '(bundle)',
    };
  };
  const frames = new Map([...byId.values()].map((n) => [n.id, frameOf(n)]));

  let total = 0;
  const self = new Map();
  const selfBucket = new Map();
  const inclusive = new Map();
  for (const [id, ms] of selfMs) {
    total += ms;
    const frame = frames.get(id);
    const key = `${frame.name} — ${frame.source}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    // Native frames (JSON.stringify, Intl…) are charged to the nearest JS caller's bucket.
    let bucketNode = id;
    while (frames.get(bucketNode)?.source === '(native)' && parent.has(bucketNode))
      bucketNode = parent.get(bucketNode);
    const bucket = frames.get(bucketNode).bucket;
    selfBucket.set(bucket, (selfBucket.get(bucket) ?? 0) + ms);
    // Total (inclusive) time: each function once per sample stack.
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = frames.get(n);
      const k = `${f.name} — ${f.source}`;
      if (seen.has(k) || f.name === '(root)') continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({
        name,
        ms: Math.round(ms * 10) / 10,
        pct: Math.round((ms / total) * 1000) / 10,
      }));
  return {
    totalMs: Math.round(total),
    selfByFunction: top(self, 15),
    selfBySource: top(selfBucket, 12),
    totalByFunction: top(inclusive, 80),
  };
}
