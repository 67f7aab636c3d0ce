import type { FieldErrors } from './HttpError.js';

/** `created_at` format: UTC, millisecond precision, e.g. 2026-03-04T09:12:33.412Z. */
export const formatTimestamp = (ms: number): string => new Date(ms).toISOString();

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an ISO 8601 bound to the first and last millisecond it covers: a date covers the
 * whole day, a time without seconds the whole minute, without fractions the whole second.
 * A time without an offset is UTC. Returns null when unparseable.
 */
export function parseInstant(text: string): { start: number; end: number } | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h ?? 0), minute = Number(mi ?? 0), second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const millis = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let start = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null; // 2026-02-30
  if (offset && offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    start -= sign * minutes * 60_000;
  }
  const span = h === undefined ? 86_400_000 : s === undefined ? 60_000 : frac === undefined ? 1000 : 1;
  if (!Number.isFinite(start) || start < Date.UTC(0, 0, 1) || start > Date.UTC(9999, 11, 31)) return null;
  return { start, end: start + span - 1 };
}

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
    if (!parsed) (errors.from ??= []).push('must be an ISO 8601 date or date-time');
    else fromMs = parsed.start;
  }
  if (to) {
    const parsed = parseInstant(to);
    if (!parsed) (errors.to ??= []).push('must be an ISO 8601 date or date-time');
    else toMs = parsed.end;
  }
  if (fromMs !== null && toMs !== null && fromMs > toMs) {
    (errors.from ??= []).push('must not be after to');
  }
  if (fromMs !== null) range.from = formatTimestamp(fromMs);
  if (toMs !== null) range.to = formatTimestamp(toMs);
  return range;
}
