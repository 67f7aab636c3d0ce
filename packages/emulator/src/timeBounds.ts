import type { FieldErrors } from './HttpError.js';

/** `created_at` format: UTC, millisecond precision, e.g. 2026-03-04T09:12:33.412Z. */
export const formatTimestamp = (ms: number): string => new Date(ms).toISOString();

/**
 * The one date rule of docs/api.md ("Query"), for every date parameter: a date, or an RFC 3339
 * date-time whose offset may be left out (then UTC).
 */
const DATE_OR_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))?)?$/;

/** Four-digit years only, as `created_at` is written: a wider instant has no such spelling. */
const EARLIEST = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * Milliseconds since the epoch of a UTC calendar date and time, or null when the date does not
 * exist (2023-02-29). `setUTCFullYear` takes the year as written, where `Date.UTC` would read
 * 0–99 as 1900–1999.
 */
function utcMillis(year: number, month: number, day: number, ms: number): number | null {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return date.getTime() + ms;
}

/**
 * Parses a bound to the first and last millisecond it covers: a date covers the whole day, a
 * time without fractions the whole second. Returns null when the value breaks the date rule.
 */
export function parseInstant(text: string): { start: number; end: number } | null {
  const m = DATE_OR_DATE_TIME.exec(text);
  if (!m) return null;
  const [, yyyy, mm, dd, time, fraction, sign, offsetHours, offsetMinutes] = m;
  const [hours, minutes, seconds] = (time ?? '00:00:00').split(':').map(Number);
  // No 24:00:00, and no leap second: JavaScript time has no 23:59:60 to compare with.
  if (hours! > 23 || minutes! > 59 || seconds! > 59) return null;
  if (Number(offsetHours ?? 0) > 23 || Number(offsetMinutes ?? 0) > 59) return null;
  // created_at has millisecond precision: further digits cannot change a comparison with it.
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const sinceMidnight = ((hours! * 60 + minutes!) * 60 + seconds!) * 1000 + millis;
  const wallClock = utcMillis(Number(yyyy), Number(mm), Number(dd), sinceMidnight);
  if (wallClock === null) return null;
  const offset = (Number(offsetHours ?? 0) * 60 + Number(offsetMinutes ?? 0)) * 60_000;
  const start = sign === '-' ? wallClock + offset : wallClock - offset;
  const span = time === undefined ? 86_400_000 : fraction === undefined ? 1000 : 1;
  const end = start + span - 1;
  if (start < EARLIEST || end > LATEST) return null;
  return { start, end };
}

const BREAKS_DATE_RULE =
  'must be a date (YYYY-MM-DD) or an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SS, optional fraction ' +
  'and offset within ±23:59) with a year from 0000 to 9999';

export interface TimeRange {
  from: string | null;
  to: string | null;
}

/** Validates `from`/`to` query values (both inclusive) into `created_at`-comparable strings. */
export function parseTimeRange(
  from: string | undefined,
  to: string | undefined,
  errors: FieldErrors,
): TimeRange {
  const range: TimeRange = { from: null, to: null };
  let fromMs: number | null = null;
  let toMs: number | null = null;
  if (from) {
    const parsed = parseInstant(from);
    if (!parsed) (errors.from ??= []).push(BREAKS_DATE_RULE);
    else fromMs = parsed.start;
  }
  if (to) {
    const parsed = parseInstant(to);
    if (!parsed) (errors.to ??= []).push(BREAKS_DATE_RULE);
    else toMs = parsed.end;
  }
  if (fromMs !== null && toMs !== null && fromMs > toMs) {
    (errors.from ??= []).push('must not be after to');
  }
  if (fromMs !== null) range.from = formatTimestamp(fromMs);
  if (toMs !== null) range.to = formatTimestamp(toMs);
  return range;
}
