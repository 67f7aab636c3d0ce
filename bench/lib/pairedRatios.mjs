// Whether a ratio's verdict is more than the machine's noise. The kit's runs and the reference's
// alternate (kit, reference, kit, …), so run i of each meets the machine in much the same state:
// the ratio of each such pair is one sample of "how much slower is the kit", and their median has
// an interval that assumes nothing about their distribution (the sign test).

/** The smallest number of interleaved pairs that gives an interval of 90% or more. */
const MIN_PAIRS = 5;

/** P(X ≤ k) for X ~ Binomial(n, ½). */
function binomialHalfCdf(n, k) {
  let term = 0.5 ** n; // P(X = 0)
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term = (term * (n - i + 1)) / i;
    sum += term;
  }
  return sum;
}

/**
 * The ratios kit[i] / reference[i] of interleaved runs, their median, and an interval for the
 * true median: the k-th smallest and the k-th largest pair ratio, with k the largest for which
 * the interval holds the true median with probability ≥ `level` (1 − 2·P(X ≤ k − 1), X ~
 * Binomial(n, ½)). With 7 pairs that is their whole range (98.4%); with 21, the 7th to the 15th
 * (92.2%).
 * @param {number[]} kit — the kit's runs, in the order they ran
 * @param {number[]} reference — the reference's, each run just after the kit's of the same index
 * @returns {{ median: number, low: number, high: number, coverage: number, pairs: number } | null}
 *   null when there are fewer than MIN_PAIRS pairs, or the runs do not pair up
 */
export function pairedRatios(kit, reference, level = 0.9) {
  const n = kit.length;
  if (n < MIN_PAIRS || reference.length !== n) return null;
  const ratios = kit.map((k, i) => k / reference[i]).sort((a, b) => a - b);
  const mid = n >> 1;
  const median = n % 2 === 1 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
  let k = 1;
  while (k < mid && 1 - 2 * binomialHalfCdf(n, k) >= level) k++;
  const coverage = 1 - 2 * binomialHalfCdf(n, k - 1);
  return { median, low: ratios[k - 1], high: ratios[n - k], coverage, pairs: n };
}

/**
 * What the interval says of a target `≤ target`: met or missed whatever the noise, or not told
 * apart from it by these runs.
 * @param {{ low: number, high: number }} interval
 */
export function beyondNoise({ low, high }, target) {
  if (high <= target) return 'met beyond the noise';
  if (low > target) return 'missed beyond the noise';
  return 'within the noise';
}
