import type { AuditEvent } from '@getimmutable/client';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useShownEvents, type ShownEventsOptions } from './useShownEvents.js';

const page = [{ id: 'a' }, { id: 'b' }] as AuditEvent[];
const ok = (events: AuditEvent[], filters = {}): ShownEventsOptions['result'] => ({
  status: 'success',
  events,
  filters,
});
const failed = (filters = {}): ShownEventsOptions['result'] => ({
  status: 'error',
  events: [],
  filters,
});

function shown(initial: ShownEventsOptions) {
  return renderHook((options: ShownEventsOptions) => useShownEvents(options), {
    initialProps: initial,
  });
}

describe('useShownEvents', () => {
  it('keeps the last rows under an error for the same filters, page size and mode', () => {
    const { result, rerender } = shown({ result: ok(page), pageSize: 25, mode: 'pages' });
    expect(result.current).toBe(page);
    rerender({ result: failed(), pageSize: 25, mode: 'pages' });
    expect(result.current).toBe(page);
  });

  it('never keeps rows of another query, nor while a load is pending', () => {
    const { result, rerender } = shown({ result: ok(page), pageSize: 25, mode: 'pages' });
    rerender({ result: failed({ action: 'x.*' }), pageSize: 25, mode: 'pages' });
    expect(result.current).toEqual([]);
    rerender({ result: ok(page), pageSize: 25, mode: 'pages' });
    rerender({ result: failed(), pageSize: 50, mode: 'pages' });
    expect(result.current).toEqual([]);
    rerender({ result: ok(page), pageSize: 25, mode: 'pages' });
    rerender({ result: failed(), pageSize: 25, mode: 'infinite' });
    expect(result.current).toEqual([]);
    rerender({ result: ok(page), pageSize: 25, mode: 'pages' });
    rerender({ result: { ...failed(), status: 'pending' }, pageSize: 25, mode: 'pages' });
    expect(result.current).toEqual([]);
  });

  it('renders once when the rows are there from the start (a cached query), not twice', () => {
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useShownEvents({ result: ok(page), pageSize: 25, mode: 'pages' });
    });
    expect(result.current).toBe(page);
    expect(renders).toBe(1);
  });

  it('gives one empty list for every empty state, so consumers do not churn', () => {
    const { result, rerender } = shown({ result: failed(), pageSize: 25, mode: 'pages' });
    const empty = result.current;
    rerender({ result: { ...ok([]) }, pageSize: 25, mode: 'pages' });
    expect(result.current).toBe(empty);
  });
});
