import { ImmutableError } from '@getimmutable/client';
import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autoRetryDelay, useAutoRetry } from './useAutoRetry.js';

type Load = Parameters<typeof useAutoRetry>[0];

const unavailable = new ImmutableError('GET /events failed (503)', 503, 'server_error');
const refused = new ImmutableError('GET /events failed (403)', 403, 'forbidden');

function load(overrides: Partial<Load>, refetch: () => void): Load {
  return {
    status: 'error',
    error: unavailable,
    isFetching: false,
    isPlaceholderData: false,
    refetch,
    ...overrides,
  };
}

describe('useAutoRetry', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits 5 s, then twice as long each time, at most a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(autoRetryDelay)).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('tries a passing failure again by itself, backing off while it keeps failing', () => {
    const refetch = vi.fn();
    const { rerender } = renderHook((props: Load) => useAutoRetry(props), {
      initialProps: load({}, refetch),
    });
    vi.advanceTimersByTime(4_999);
    expect(refetch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refetch).toHaveBeenCalledTimes(1);
    // The try is in flight, then fails again: the next one waits 10 s.
    rerender(load({ isFetching: true }, refetch));
    rerender(load({}, refetch));
    vi.advanceTimersByTime(9_999);
    expect(refetch).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(refetch).toHaveBeenCalledTimes(2);
  });

  it('starts the backoff over after a real success, not after a stand-in page', () => {
    const refetch = vi.fn();
    const { rerender } = renderHook((props: Load) => useAutoRetry(props), {
      initialProps: load({}, refetch),
    });
    vi.advanceTimersByTime(5_000);
    rerender(load({ status: 'success', error: null, isPlaceholderData: true }, refetch));
    rerender(load({}, refetch));
    vi.advanceTimersByTime(5_000);
    expect(refetch).toHaveBeenCalledTimes(1); // still backing off: 10 s
    vi.advanceTimersByTime(5_000);
    expect(refetch).toHaveBeenCalledTimes(2);

    rerender(load({ status: 'success', error: null }, refetch));
    rerender(load({}, refetch));
    vi.advanceTimersByTime(5_000);
    expect(refetch).toHaveBeenCalledTimes(3);
  });

  it('calls the latest refetch, and leaves a failure that will not pass to the user', () => {
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = renderHook((props: Load) => useAutoRetry(props), {
      initialProps: load({}, first),
    });
    rerender(load({}, latest));
    vi.advanceTimersByTime(5_000);
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);

    const never = vi.fn();
    renderHook(() => useAutoRetry(load({ error: refused }, never)));
    vi.advanceTimersByTime(120_000);
    expect(never).not.toHaveBeenCalled();
  });
});
