import { describe, expect, it } from 'vitest';
import { beyondNoise, pairedRatios } from './pairedRatios.mjs';

describe('pairedRatios', () => {
  it('pairs run i of the kit with run i of the reference, not the sorted runs', () => {
    // Sorted separately, these would give 1.0 for every pair; paired, the kit is twice as slow.
    const kit = [20, 40, 60, 80, 100];
    const reference = [10, 20, 30, 40, 50];
    expect(pairedRatios(kit, reference)).toMatchObject({ median: 2, low: 2, high: 2, pairs: 5 });
    expect(pairedRatios([100, 80, 60, 40, 20], reference)?.median).toBe(2);
  });

  it('takes the whole range for 7 pairs (98.4%), as 6 of 7 would cover only 87.5%', () => {
    const reference = [10, 10, 10, 10, 10, 10, 10];
    const kit = [11, 12, 13, 14, 15, 16, 17];
    const interval = pairedRatios(kit, reference);
    expect(interval).toMatchObject({ median: 1.4, low: 1.1, high: 1.7 });
    expect(interval?.coverage).toBeCloseTo(1 - 2 / 128, 10);
  });

  it('narrows to the 7th smallest and largest of 21 pairs (92.2%)', () => {
    const kit = Array.from({ length: 21 }, (_, i) => 100 + i);
    const interval = pairedRatios(kit, Array(21).fill(100));
    expect(interval).toMatchObject({ low: 1.06, high: 1.14, median: 1.1 });
    expect(interval?.coverage).toBeCloseTo(0.9216, 4);
    expect(interval?.coverage).toBeGreaterThanOrEqual(0.9);
  });

  it('has no interval for fewer than 5 pairs, or runs that do not pair up', () => {
    expect(pairedRatios([1, 2, 3, 4], [1, 2, 3, 4])).toBeNull();
    expect(pairedRatios([1, 2, 3, 4, 5], [1, 2, 3, 4])).toBeNull();
  });
});

describe('beyondNoise', () => {
  it('says met or missed only when the whole interval is on one side of the target', () => {
    expect(beyondNoise({ low: 1.3, high: 2.1 }, 1.2)).toBe('missed beyond the noise');
    expect(beyondNoise({ low: 0.9, high: 1.2 }, 1.2)).toBe('met beyond the noise');
    expect(beyondNoise({ low: 1.1, high: 1.4 }, 1.2)).toBe('within the noise');
  });
});
