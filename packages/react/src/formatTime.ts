import type { Locale } from 'date-fns';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `'local'` → the runtime's zone; anything Intl rejects falls back to UTC (with one warning). */
function formatterFor(timeZone: string, locale: Locale | undefined): Intl.DateTimeFormat {
  const key = `${timeZone}|${locale?.code ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: timeZone === 'local' ? undefined : timeZone,
    };
    try {
      formatter = new Intl.DateTimeFormat(locale?.code, options);
    } catch {
      console.warn(
        `[@getimmutable/react] timeZone "${timeZone}" is not a known time zone; showing UTC.`,
      );
      formatter = new Intl.DateTimeFormat(locale?.code, { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The absolute time in the chosen zone, e.g. "Mar 4, 2026, 09:12:33". */
export function formatAbsolute(iso: string, timeZone: string, locale?: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor(timeZone, locale).format(date);
}

const UNITS = [
  ['year', 'xYears', 365 * 86_400_000],
  ['month', 'xMonths', 30 * 86_400_000],
  ['day', 'xDays', 86_400_000],
  ['hour', 'xHours', 3_600_000],
  ['minute', 'xMinutes', 60_000],
  ['second', 'xSeconds', 1000],
] as const;
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "3 minutes ago", in the locale's words: a date-fns Locale's own `formatDistance` when one is
 * given (so translations come from date-fns), else Intl. Avoids bundling date-fns' English
 * locale data into every app (the size budget).
 */
export function formatRelative(iso: string, now: number, locale?: Locale): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  // A server clock slightly ahead of this one must not make a fresh event "in 3 seconds".
  const raw = time - now;
  const diff = raw > 0 && raw < 60_000 ? 0 : raw;
  const [unit, token, ms] =
    UNITS.find(([, , size]) => Math.abs(diff) >= size) ?? UNITS[UNITS.length - 1]!;
  const count = Math.round(Math.abs(diff) / ms);
  if (locale?.formatDistance) {
    return locale.formatDistance(token, count, { addSuffix: true, comparison: diff > 0 ? 1 : -1 });
  }
  const code = locale?.code ?? 'en-US';
  let rtf = relativeFormatters.get(code);
  if (!rtf)
    relativeFormatters.set(code, (rtf = new Intl.RelativeTimeFormat(code, { numeric: 'always' })));
  // -0 reads "0 seconds ago", +0 "in 0 seconds".
  return rtf.format(diff > 0 ? count : -count, unit);
}

/** How the zone is named in headers: stable across server and browser render. */
export function zoneLabel(timeZone: string): string {
  return timeZone === 'local' ? 'local time' : timeZone;
}
