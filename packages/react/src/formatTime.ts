import type { Locale } from 'date-fns';
import { whenIdle } from './whenIdle.js';

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterKey = (timeZone: string, locale: Locale | undefined) =>
  `${timeZone}|${locale?.code ?? ''}`;

/** `'local'` → the runtime's zone; anything Intl rejects falls back to UTC (with one warning). */
function formatterFor(timeZone: string, locale: Locale | undefined): Intl.DateTimeFormat {
  const key = formatterKey(timeZone, locale);
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

// The first Intl object of a page costs tens of milliseconds (Chromium loads its ICU data then),
// more than a first page of rows takes to render: the table makes its formatter after the rows
// paint and shows absolute times from then on (RelativeTime).
const formatterListeners = new Set<() => void>();
const preparing = new Set<string>();

/** Calls `listener` whenever a formatter becomes ready; returns the unsubscribe. */
export function subscribeFormatters(listener: () => void): () => void {
  formatterListeners.add(listener);
  return () => formatterListeners.delete(listener);
}

/** Whether `formatAbsolute` for this zone and locale costs no Intl construction now. */
export function hasAbsoluteFormatter(timeZone: string, locale: Locale | undefined): boolean {
  return formatters.has(formatterKey(timeZone, locale));
}

/** Makes the formatter for this zone and locale in idle time, then tells the subscribers. */
export function prepareAbsoluteFormatter(timeZone: string, locale: Locale | undefined): void {
  const key = formatterKey(timeZone, locale);
  if (formatters.has(key) || preparing.has(key)) return;
  preparing.add(key);
  whenIdle(() => {
    preparing.delete(key);
    formatterFor(timeZone, locale);
    for (const listener of formatterListeners) listener();
  });
}

const UNITS = [
  ['year', 'xYears', 365 * 86_400_000],
  ['month', 'xMonths', 30 * 86_400_000],
  ['day', 'xDays', 86_400_000],
  ['hour', 'xHours', 3_600_000],
  ['minute', 'xMinutes', 60_000],
  ['second', 'xSeconds', 1000],
] as const;

/**
 * "3 minutes ago", in the locale's words: a date-fns Locale's own `formatDistance` when one is
 * given (so translations come from date-fns), else English, written out as
 * `Intl.RelativeTimeFormat('en-US', { numeric: 'always' })` words it: no Intl object (the first
 * one of a page is slow, see above) and no date-fns English locale data in every app.
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
  const amount = `${String(count).replace(/\B(?=(\d{3})+$)/g, ',')} ${unit}${count === 1 ? '' : 's'}`;
  // Zero is "0 seconds ago", as Intl words -0.
  return diff > 0 ? `in ${amount}` : `${amount} ago`;
}

/** How the zone is named in headers: stable across server and browser render. */
export function zoneLabel(timeZone: string): string {
  return timeZone === 'local' ? 'local time' : timeZone;
}
