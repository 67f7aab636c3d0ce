// One formatter per locale, made when a number is first shown: an Intl constructor costs
// milliseconds on a cold page, and a component mount must not pay it.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** "40,000" in the locale's digits and grouping (the runtime's default without a locale code). */
export function formatNumber(value: number, code: string | undefined): string {
  const key = code ?? '';
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(code)));
  return format.format(value);
}
