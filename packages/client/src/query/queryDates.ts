// Dates in a query (`after:`, `before:`): wall-clock time in the view's zone, exact instants, and
// times relative to `now`, read and written with the date range field's rules (zonedDateTime):
// a bare date after: starts at 00:00 of that day, before: runs to its last millisecond; a time
// covers its whole minute (or second) the same way, so an inclusive `to` means what it says.
import { isoToWallTime, wallTimeToIso } from '../zonedDateTime.js';

/** Which end of the span a value names: `after:` takes its start, `before:` its end. */
export type DateEdge = 'start' | 'end';

export interface QueryDateContext {
  /** `'local'`, `'UTC'` or an IANA name: the zone wall-clock values are read in. */
  timeZone: string;
  /** The instant relative dates count back from, epoch ms. */
  now: number;
}

const MINUTE = 60_000;
// Exact durations, as the date range presets use: "-7d" is the same window in every zone.
const UNIT_MS = { m: MINUTE, h: 60 * MINUTE, d: 1440 * MINUTE, w: 7 * 1440 * MINUTE } as const;
const RELATIVE = /^-(\d{1,6})([mhdw])$/i;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;

/** `YYYY-MM-DD` of a day `shift` days from the given wall date (calendar arithmetic, no zone). */
function shiftDay(date: string, shift: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + shift)).toISOString().slice(0, 10);
}

/**
 * The first or last instant of a day in `timeZone`. The last is the next day's start less 1 ms,
 * not start + 24 h: a day a DST change shortens has 23 hours, one it lengthens 25.
 */
function dayEdge(date: string, timeZone: string, edge: DateEdge): string | null {
  const start = wallTimeToIso(date, timeZone, 'start');
  if (start === null || edge === 'start') return start;
  const next = wallTimeToIso(shiftDay(date, 1), timeZone, 'start');
  return next === null ? null : new Date(Date.parse(next) - 1).toISOString();
}

/**
 * The ISO instant a query date stands for, at `edge`; null when it is no date. Reads `-30m`,
 * `-24h`, `-7d`, `-2w` (exact durations back from `now`), `today` and `yesterday` (that day in
 * the zone), `2026-03-01`, `2026-03-05 18:00` (or with `T`, seconds, milliseconds) in the zone,
 * and instants with an offset (`2026-03-05T18:00:00Z`, `…+01:00`).
 */
export function parseQueryDate(
  value: string,
  edge: DateEdge,
  { timeZone, now }: QueryDateContext,
): string | null {
  const relative = RELATIVE.exec(value);
  if (relative) {
    const unit = relative[2]!.toLowerCase() as keyof typeof UNIT_MS;
    return new Date(now - Number(relative[1]) * UNIT_MS[unit]).toISOString();
  }
  const word = value.toLowerCase();
  if (word === 'today' || word === 'yesterday') {
    const today = isoToWallTime(new Date(now).toISOString(), timeZone).slice(0, 10);
    return dayEdge(word === 'today' ? today : shiftDay(today, -1), timeZone, edge);
  }
  const match = DATE_TIME.exec(value);
  if (!match) return null;
  const [, date, hm, seconds, fraction, offset] = match;
  if (!hm) return dayEdge(date!, timeZone, edge);
  const wall = `${date}T${hm}${seconds ? `:${seconds}` : ''}`;
  // Milliseconds name one instant: no span to take the end of.
  const ms = fraction === undefined ? undefined : Number(fraction.padEnd(3, '0'));
  const zone = offset ? 'UTC' : timeZone;
  const iso = wallTimeToIso(wall, zone, ms === undefined ? edge : 'start');
  if (iso === null) return null;
  let instant = Date.parse(iso) + (ms ?? 0);
  if (offset && offset.toUpperCase() !== 'Z') {
    const [h, m] = offset.slice(1).split(':').map(Number);
    if (h! > 23 || m! > 59) return null;
    instant -= (offset.startsWith('-') ? -1 : 1) * (h! * 60 + m!) * MINUTE;
  }
  return new Date(instant).toISOString();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The shortest way to write an instant as a query date at `edge` in `timeZone`: a bare date when
 * it is a day's edge, then minutes, seconds, milliseconds of wall-clock time, and the ISO instant
 * when no wall-clock time names it (an hour repeated by a DST change). Null when `iso` is no date.
 * @example formatQueryDate('2026-03-01T23:59:59.999Z', 'UTC', 'end') // '2026-03-01'
 */
export function formatQueryDate(iso: string, timeZone: string, edge: DateEdge): string | null {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return null;
  const exact = new Date(instant).toISOString();
  const wallMinute = isoToWallTime(exact, timeZone);
  const date = wallMinute.slice(0, 10);
  const minute = wallMinute.replace('T', ' ');
  const candidates = [date, minute];
  const minuteStart = wallTimeToIso(wallMinute, timeZone, 'start');
  const into = minuteStart === null ? -1 : instant - Date.parse(minuteStart);
  if (into >= 0 && into < MINUTE) {
    const second = `${minute}:${pad(Math.floor(into / 1000))}`;
    candidates.push(second, `${second}.${pad(into % 1000, 3)}`);
  }
  const context = { timeZone, now: instant };
  return candidates.find((text) => parseQueryDate(text, edge, context) === exact) ?? exact;
}
