// The filter bar's date-range presets as plain data and arithmetic, so the same "last 7 days"
// is computed by the kit, a host's own UI and a server rendering a link.
import type { AuditFilters } from './normalizeFilters.js';

/** The date-range choices of `AuditLogFilters`, in the order they are offered. */
export const DATE_PRESETS = ['all', '24h', '7d', '30d', 'custom'] as const;

export type DatePreset = (typeof DATE_PRESETS)[number];

/** A preset that stands for a window relative to now (everything but `'custom'`). */
export type RelativeDatePreset = Exclude<DatePreset, 'custom'>;

/** The `from`/`to` a date range filters by (ISO 8601, inclusive). */
export type DateRange = Pick<AuditFilters, 'from' | 'to'>;

const HOUR = 3_600_000;
// Exact durations rather than calendar days: a window relative to now should not depend on the
// time zone of the machine computing it (server and browser must agree, and a DST switch in the
// browser's zone is not one in the viewer's), and it needs no date library.
const WINDOW_MS = { '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR } as const;

/**
 * The range a preset stands for at `now`: `from` as an ISO instant, no `to` (open-ended, so new
 * events keep arriving); `'all'` is no range at all. Pure: pass `now` to get the same answer twice.
 * @example presetRange('7d', new Date('2026-03-08T12:00:00Z')) // { from: '2026-03-01T12:00:00.000Z' }
 */
export function presetRange(
  preset: RelativeDatePreset,
  now: Date | number = Date.now(),
): DateRange {
  if (preset === 'all') return {};
  return { from: new Date(Number(now) - WINDOW_MS[preset]).toISOString() };
}

/**
 * Which preset a range looks like at `now`: `'all'` without bounds, a relative preset when `from`
 * lies within `toleranceMs` of where that preset would put it (and there is no `to`), else `'custom'`.
 * @example detectPreset({ from: presetRange('24h', now).from }, now) // '24h'
 */
export function detectPreset(
  range: DateRange,
  now: Date | number = Date.now(),
  toleranceMs = 60_000,
): DatePreset {
  if (!range.from && !range.to) return 'all';
  if (range.to || !range.from) return 'custom';
  const from = Date.parse(range.from);
  if (Number.isNaN(from)) return 'custom';
  for (const preset of ['24h', '7d', '30d'] as const) {
    if (Math.abs(from - (Number(now) - WINDOW_MS[preset])) <= toleranceMs) return preset;
  }
  return 'custom';
}
