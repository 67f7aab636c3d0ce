import { useCallback, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js';

/**
 * One piece of user state that is controlled (`prop` + `onChange`) or not (`defaultProp`),
 * as Radix does it: the component always calls `setValue`, and it works either way.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
}: {
  prop?: T | undefined;
  defaultProp: T;
  onChange?: ((value: T) => void) | undefined;
}): [T, (next: T | ((previous: T) => T)) => void] {
  const [own, setOwn] = useState(defaultProp);
  const controlled = prop !== undefined;
  const value = controlled ? prop : own;
  const latest = useRef({ value, onChange, controlled });
  // Synced after render, before any event can call setValue (a ref written during render would
  // hold a value React may throw away, in concurrent rendering).
  useIsomorphicLayoutEffect(() => {
    latest.current = { value, onChange, controlled };
  });
  const setValue = useCallback((next: T | ((previous: T) => T)) => {
    const { value: current, onChange: notify, controlled: isControlled } = latest.current;
    const resolved = typeof next === 'function' ? (next as (previous: T) => T)(current) : next;
    if (Object.is(resolved, current)) return;
    if (!isControlled) setOwn(resolved);
    notify?.(resolved);
  }, []);
  return [value, setValue];
}
