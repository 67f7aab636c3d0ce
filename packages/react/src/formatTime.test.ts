import { de } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatRelative, zoneLabel } from './formatTime.js';

const now = Date.parse('2026-03-04T12:00:00.000Z');

describe('formatRelative', () => {
  it('says how long ago in English by default', () => {
    expect(formatRelative('2026-03-04T11:57:00.000Z', now)).toBe('3 minutes ago');
    expect(formatRelative('2026-03-02T12:00:00.000Z', now)).toBe('2 days ago');
    expect(formatRelative('2026-03-04T11:59:58.000Z', now)).toBe('2 seconds ago');
  });

  it('words every unit, count and direction as Intl.RelativeTimeFormat (en-US) does', () => {
    const intl = new Intl.RelativeTimeFormat('en-US', { numeric: 'always' });
    const units = [
      ['second', 1000],
      ['minute', 60_000],
      ['hour', 3_600_000],
      ['day', 86_400_000],
      ['month', 30 * 86_400_000],
      ['year', 365 * 86_400_000],
    ] as const;
    for (const [unit, ms] of units) {
      for (const count of [1, 2, 3]) {
        expect(formatRelative(new Date(now - count * ms).toISOString(), now)).toBe(
          intl.format(-count, unit),
        );
        if (ms >= 60_000)
          expect(formatRelative(new Date(now + count * ms).toISOString(), now)).toBe(
            intl.format(count, unit),
          );
      }
    }
    // Thousands are grouped.
    expect(formatRelative('0001-01-01T00:00:00.000Z', now)).toBe(
      intl.format(
        -Math.round((now - Date.parse('0001-01-01T00:00:00.000Z')) / (365 * 86_400_000)),
        'year',
      ),
    );
  });

  it("uses a date-fns locale's own words when one is given", () => {
    expect(formatRelative('2026-03-04T11:57:00.000Z', now, de)).toBe('vor 3 Minuten');
  });

  it('returns the input unchanged when it is not a date', () => {
    expect(formatRelative('yesterday-ish', now)).toBe('yesterday-ish');
  });
});

describe('formatAbsolute', () => {
  it('shows the time in the chosen zone', () => {
    expect(formatAbsolute('2026-03-04T09:12:33.412Z', 'UTC')).toMatch(/09:12:33/);
    expect(formatAbsolute('2026-03-04T09:12:33.412Z', 'Asia/Tokyo')).toMatch(
      /0?6:12:33\sPM|18:12:33/,
    );
  });

  it('falls back to UTC for an unknown zone instead of crashing', () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(formatAbsolute('2026-03-04T09:12:33.412Z', 'Mars/Olympus')).toMatch(/09:12:33/);
    } finally {
      console.warn = warn;
    }
  });

  it('names the zone for headers', () => {
    expect(zoneLabel('UTC')).toBe('UTC');
    expect(zoneLabel('local')).toBe('local time');
  });
});

describe('formatRelative and clock skew', () => {
  it('reads a time a few seconds ahead of this clock as just past, not future', () => {
    expect(formatRelative('2026-03-04T12:00:02.000Z', now)).toBe('0 seconds ago');
    expect(formatRelative('2026-03-04T12:10:00.000Z', now)).toBe('in 10 minutes');
  });
});
