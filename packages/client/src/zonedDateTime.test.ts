import { describe, expect, it } from 'vitest';
import { isoToWallTime, wallTimeToIso } from './zonedDateTime.js';

describe('wall-clock inputs in the viewer time zone', () => {
  it('reads a datetime-local value in UTC and an IANA zone, across a DST switch', () => {
    expect(wallTimeToIso('2026-03-08T14:30', 'UTC')).toBe('2026-03-08T14:30:00.000Z');
    // Berlin: UTC+1 in winter, UTC+2 in summer.
    expect(wallTimeToIso('2026-01-15T09:00', 'Europe/Berlin')).toBe('2026-01-15T08:00:00.000Z');
    expect(wallTimeToIso('2026-07-15T09:00', 'Europe/Berlin')).toBe('2026-07-15T07:00:00.000Z');
    expect(wallTimeToIso('2026-03-29T04:00', 'Europe/Berlin')).toBe('2026-03-29T02:00:00.000Z');
  });

  it('makes an inclusive end cover the whole minute, or the whole day of a bare date', () => {
    expect(wallTimeToIso('2026-03-08T14:30', 'UTC', 'end')).toBe('2026-03-08T14:30:59.999Z');
    expect(wallTimeToIso('2026-03-08', 'UTC', 'end')).toBe('2026-03-08T23:59:59.999Z');
    expect(wallTimeToIso('2026-03-08T14:30:15', 'UTC', 'end')).toBe('2026-03-08T14:30:15.999Z');
  });

  it('ends a bare date of a DST switch when that day ends: 23 or 25 hours, not 24', () => {
    // Berlin springs forward on 29 March 2026 (a 23-hour day) and falls back on 25 October.
    expect(wallTimeToIso('2026-03-29', 'Europe/Berlin', 'end')).toBe('2026-03-29T21:59:59.999Z');
    expect(wallTimeToIso('2026-10-25', 'Europe/Berlin', 'end')).toBe('2026-10-25T22:59:59.999Z');
    expect(wallTimeToIso('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
  });

  it('rejects values that are not real dates', () => {
    expect(wallTimeToIso('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(wallTimeToIso('2026-03-08T24:10', 'UTC')).toBeNull();
    expect(wallTimeToIso('2026-03-08T10:60', 'UTC')).toBeNull();
    expect(wallTimeToIso('next tuesday', 'UTC')).toBeNull();
    expect(wallTimeToIso('', 'UTC')).toBeNull();
  });

  it('reads an unknown zone as UTC rather than throwing', () => {
    expect(wallTimeToIso('2026-03-08T14:30', 'Mars/Olympus')).toBe('2026-03-08T14:30:00.000Z');
  });

  it('shows an instant as the wall clock of the zone, and round-trips it', () => {
    expect(isoToWallTime('2026-07-15T07:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-15T09:00');
    expect(isoToWallTime('2026-03-08T14:30:59.999Z', 'UTC')).toBe('2026-03-08T14:30');
    expect(
      wallTimeToIso(
        isoToWallTime('2026-11-02T23:15:00.000Z', 'America/New_York'),
        'America/New_York',
      ),
    ).toBe('2026-11-02T23:15:00.000Z');
    expect(isoToWallTime(undefined, 'UTC')).toBe('');
    expect(isoToWallTime('garbage', 'UTC')).toBe('');
  });
});
