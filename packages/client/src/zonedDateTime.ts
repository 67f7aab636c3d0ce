// Converts between `<input type="datetime-local">` values (wall-clock time, no zone) and ISO
// instants, in the provider's time zone: `'local'`, `'UTC'` or an IANA name. Intl does the zone
// math, so no time-zone library is needed.

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // Same fallback as formatAbsolute: an unknown zone reads as UTC.
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  if (timeZone === 'local') return -new Date(instant).getTimezoneOffset() * 60_000;
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour') % 24,
    part('minute'),
    part('second'),
  );
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The instant a wall-clock value (`2026-03-08T14:30`, or a bare date) names in `timeZone`, as ISO;
 * `edge: 'end'` gives the last millisecond that value covers (the whole minute, or the whole day),
 * so an inclusive `to` means what it says. Null when the value is not a real date.
 */
export function wallTimeToIso(
  value: string,
  timeZone: string,
  edge: 'start' | 'end' = 'start',
): string | null {
  const match = WALL_TIME.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map((part) =>
    part === undefined ? undefined : Number(part),
  );
  const wall = Date.UTC(y!, mo! - 1, d!, h ?? 0, mi ?? 0, s ?? 0);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo! - 1 ||
    check.getUTCDate() !== d ||
    (h ?? 0) > 23 ||
    (mi ?? 0) > 59 ||
    (s ?? 0) > 59
  ) {
    return null;
  }
  const span = h === undefined ? 86_400_000 : s === undefined ? 60_000 : 1000;
  const toInstant = (at: number) => {
    const first = at - offsetAt(at, timeZone);
    // Around a DST switch the offset at the guess can differ from the offset at the answer.
    return at - offsetAt(first, timeZone);
  };
  // The end is the millisecond before the next day (or minute) starts: a day of a DST switch
  // lasts 23 or 25 hours, not the 24 that the start plus a span would give.
  const instant = edge === 'end' ? toInstant(wall + span) - 1 : toInstant(wall);
  return new Date(instant).toISOString();
}

/** The wall-clock value (`yyyy-MM-ddTHH:mm`) of an ISO instant in `timeZone`; '' when unparseable. */
export function isoToWallTime(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  const wall = new Date(instant + offsetAt(instant, timeZone));
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`
  );
}
