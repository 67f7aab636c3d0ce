// How the bench's table writes numbers.

/** A number with en grouping and exactly `digits` decimals: "12,345.6". */
export const num = (value, digits = 0) =>
  Number(value).toLocaleString('en', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
export const kb = (bytes) => `${num(bytes / 1024, 1)} kB`;
/** A summary's median with its range: "120 (110–135)". */
export const range = (s, digits = 0) =>
  `${num(s.median, digits)} (${num(s.min, digits)}–${num(s.max, digits)})`;
