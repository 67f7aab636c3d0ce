import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery.js';
import { formatQueryDate, parseQueryDate } from './queryDates.js';

const range = (text: string, timeZone: string, now: string) => {
  const { filters, errors } = parseQuery(text, { timeZone, now: Date.parse(now) });
  expect(errors).toEqual([]);
  return filters;
};

describe('relative dates', () => {
  it.each([
    ['after:-30m', '2026-03-08T11:30:00.000Z'],
    ['after:-24h', '2026-03-07T12:00:00.000Z'],
    ['after:-7d', '2026-03-01T12:00:00.000Z'],
    ['after:-2w', '2026-02-22T12:00:00.000Z'],
  ])('%s counts exact time back from now, in any zone', (text, from) => {
    expect(range(text, 'UTC', '2026-03-08T12:00:00.000Z')).toEqual({ from });
    expect(range(text, 'America/New_York', '2026-03-08T12:00:00.000Z')).toEqual({ from });
  });

  it('before:-1h ends an hour ago', () => {
    expect(range('before:-1h', 'UTC', '2026-03-08T12:00:00.000Z')).toEqual({
      to: '2026-03-08T11:00:00.000Z',
    });
  });

  it('today and yesterday are days in UTC', () => {
    const now = '2026-03-08T01:30:00.000Z';
    expect(range('after:today', 'UTC', now)).toEqual({ from: '2026-03-08T00:00:00.000Z' });
    expect(range('after:yesterday before:yesterday', 'UTC', now)).toEqual({
      from: '2026-03-07T00:00:00.000Z',
      to: '2026-03-07T23:59:59.999Z',
    });
  });

  it("today is the zone's day: still the 7th in New York at 01:30 UTC on the 8th", () => {
    expect(range('after:TODAY', 'America/New_York', '2026-03-08T01:30:00.000Z')).toEqual({
      from: '2026-03-07T05:00:00.000Z',
    });
  });

  it('yesterday across the spring-forward change in New York is 23 hours long', () => {
    // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT; the 9th starts at 04:00 UTC.
    const filters = range(
      'after:yesterday before:yesterday',
      'America/New_York',
      '2026-03-09T15:00:00.000Z',
    );
    expect(filters).toEqual({ from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T03:59:59.999Z' });
    expect(Date.parse(filters.to!) + 1 - Date.parse(filters.from!)).toBe(23 * 3_600_000);
    expect(range('after:today', 'America/New_York', '2026-03-09T15:00:00.000Z')).toEqual({
      from: '2026-03-09T04:00:00.000Z',
    });
  });

  it('-1d across the change is 24 exact hours, as the date range presets count', () => {
    expect(range('after:-1d', 'America/New_York', '2026-03-08T12:00:00.000Z')).toEqual({
      from: '2026-03-07T12:00:00.000Z',
    });
  });
});

describe('wall-clock dates in the view zone', () => {
  it('reads a bare date and a time in New York, before and after the change', () => {
    expect(
      range('after:2026-03-07 before:"2026-03-09 18:00"', 'America/New_York', '2026-03-10'),
    ).toEqual({ from: '2026-03-07T05:00:00.000Z', to: '2026-03-09T22:00:59.999Z' });
  });

  it('reads seconds, milliseconds and instants with an offset', () => {
    const context = { timeZone: 'America/New_York', now: 0 };
    expect(parseQueryDate('2026-03-05T18:00:30', 'end', context)).toBe('2026-03-05T23:00:30.999Z');
    expect(parseQueryDate('2026-03-05 18:00:30.25', 'end', context)).toBe(
      '2026-03-05T23:00:30.250Z',
    );
    expect(parseQueryDate('2026-03-05T18:00:00Z', 'start', context)).toBe(
      '2026-03-05T18:00:00.000Z',
    );
    expect(parseQueryDate('2026-03-05T18:00+01:00', 'start', context)).toBe(
      '2026-03-05T17:00:00.000Z',
    );
    expect(parseQueryDate('2026-03-05T18:00+24:00', 'start', context)).toBeNull();
    expect(parseQueryDate('2026-3-5', 'start', context)).toBeNull();
  });
});

describe('formatQueryDate', () => {
  it.each([
    ['2026-03-01T00:00:00.000Z', 'start', '2026-03-01'],
    ['2026-03-01T23:59:59.999Z', 'end', '2026-03-01'],
    ['2026-03-01T18:00:00.000Z', 'start', '2026-03-01 18:00'],
    ['2026-03-01T18:00:59.999Z', 'end', '2026-03-01 18:00'],
    ['2026-03-01T18:00:05.000Z', 'start', '2026-03-01 18:00:05'],
    ['2026-03-01T18:00:05.999Z', 'end', '2026-03-01 18:00:05'],
    ['2026-03-01T18:00:05.123Z', 'start', '2026-03-01 18:00:05.123'],
    ['2026-03-01T18:00:00.000Z', 'end', '2026-03-01 18:00:00.000'],
  ] as const)('writes %s (%s) as %s in UTC', (iso, edge, text) => {
    expect(formatQueryDate(iso, 'UTC', edge)).toBe(text);
  });

  it('writes wall-clock time of the zone', () => {
    expect(formatQueryDate('2026-03-08T05:00:00.000Z', 'America/New_York', 'start')).toBe(
      '2026-03-08',
    );
  });

  it('writes an instant of an hour a DST change repeats as ISO, which reads back exactly', () => {
    // 2026-11-01 01:30 happens twice in New York; wall-clock time names only the first.
    const second = '2026-11-01T06:30:00.000Z';
    expect(formatQueryDate(second, 'America/New_York', 'start')).toBe(second);
    expect(formatQueryDate('2026-11-01T05:30:00.000Z', 'America/New_York', 'start')).toBe(
      '2026-11-01 01:30',
    );
  });

  it('is null for what is no date', () => {
    expect(formatQueryDate('soon', 'UTC', 'start')).toBeNull();
  });
});
