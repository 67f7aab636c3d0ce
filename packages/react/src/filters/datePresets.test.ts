import { describe, expect, it } from 'vitest';
import { DATE_PRESETS, detectPreset, presetRange } from './datePresets.js';
import { isoToWallTime, wallTimeToIso } from './zonedDateTime.js';

const now = new Date('2026-03-08T12:34:56.789Z');

describe('presetRange', () => {
  it('puts from 24 hours, 7 days and 30 days before a fixed now, with no upper bound', () => {
    expect(presetRange('24h', now)).toEqual({ from: '2026-03-07T12:34:56.789Z' });
    expect(presetRange('7d', now)).toEqual({ from: '2026-03-01T12:34:56.789Z' });
    expect(presetRange('30d', now)).toEqual({ from: '2026-02-06T12:34:56.789Z' });
  });

  it('has no bounds for all time', () => {
    expect(presetRange('all', now)).toEqual({});
  });

  it('offers the presets in menu order, custom last', () => {
    expect(DATE_PRESETS).toEqual(['all', '24h', '7d', '30d', 'custom']);
  });
});

describe('detectPreset', () => {
  it('recognises each relative preset it computed, within the tolerance', () => {
    for (const preset of ['24h', '7d', '30d'] as const) {
      expect(detectPreset(presetRange(preset, now), now)).toBe(preset);
      expect(detectPreset(presetRange(preset, now.getTime() - 30_000), now)).toBe(preset);
    }
  });

  it('calls a range custom when it has an upper bound or lies off every preset', () => {
    expect(
      detectPreset({ from: '2026-03-01T12:34:56.789Z', to: '2026-03-02T00:00:00Z' }, now),
    ).toBe('custom');
    expect(detectPreset({ from: '2026-03-05T00:00:00Z' }, now)).toBe('custom');
    expect(detectPreset({ to: '2026-03-05T00:00:00Z' }, now)).toBe('custom');
    expect(detectPreset({ from: 'yesterday' }, now)).toBe('custom');
  });

  it('calls no bounds all time', () => {
    expect(detectPreset({}, now)).toBe('all');
  });
});

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
  });

  it('rejects values that are not real dates', () => {
    expect(wallTimeToIso('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(wallTimeToIso('2026-03-08T24:10', 'UTC')).toBeNull();
    expect(wallTimeToIso('next tuesday', 'UTC')).toBeNull();
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
