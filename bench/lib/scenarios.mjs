// The mounts `pnpm bench:ab` and `pnpm bench:trace` time, named on their command lines.

/**
 * `pages:25` (a first page of 25, from 1,000 events) or `infinite:1000` (1,000 loaded rows, in
 * pages of 100), comma-separated; `@<ms>` after one makes each list request answer that late, as
 * over a network: `pages:25@100`.
 */
export function parseScenarios(list) {
  return list.split(',').map((spec) => {
    const [shape, latency = '0'] = spec.trim().split('@');
    const [mode, n] = shape.split(':');
    const count = Number(n);
    const latencyMs = Number(latency);
    if (!['pages', 'infinite'].includes(mode) || !Number.isInteger(count) || count < 1)
      throw new Error(`--scenarios: "${spec}" is not pages:<page size> or infinite:<rows>`);
    if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 10_000)
      throw new Error(
        `--scenarios: "${spec}": the latency after @ is whole milliseconds, 0..10000`,
      );
    return mode === 'pages'
      ? { id: spec, mode, pageSize: count, events: 1000, latencyMs }
      : { id: spec, mode, pageSize: 100, events: count, latencyMs };
  });
}

/** `--runs`, checked. */
export function parseRuns(value) {
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  return runs;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
}
