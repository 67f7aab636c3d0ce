import { describe, expect, it } from 'vitest';
import { DATE_PRESETS, detectPreset, presetRange } from './datePresets.js';

const now = new Date('2026-03-08T12:34:56.789Z');

describe('presetRange', () => {
  it('puts from 24 hours, 7 days and 30 days before a fixed now, with no upper bound', () => {
    expect(presetRange('24h', now)).toEqual({ from: '2026-03-07T12:34:56.789Z' });
    expect(presetRange('7d', now)).toEqual({ from: '2026-03-01T12:34:56.789Z' });
    expect(presetRange('30d', now)).toEqual({ from: '2026-02-06T12:34:56.789Z' });
    expect(presetRange('24h', now.getTime())).toEqual(presetRange('24h', now));
  });

  it('counts exact hours across a DST switch, whatever the zone of the machine', () => {
    // 2026-03-08 is the US switch to summer time: still 7 × 24 h, not 7 calendar days.
    expect(presetRange('7d', new Date('2026-03-10T12:00:00.000Z'))).toEqual({
      from: '2026-03-03T12:00:00.000Z',
    });
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
      expect(detectPreset(presetRange(preset, now.getTime() - 90_000), now)).toBe('custom');
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
