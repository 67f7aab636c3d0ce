/** Theme and time zone, remembered in localStorage. */
import { useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';

const read = (key: string): string | null => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key: string, value: string) => {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
};

/** A value kept in localStorage under `key`, starting from `initial()` when nothing is stored. */
export function useStoredState<T extends string>(
  key: string,
  initial: () => T,
  isValid: (value: string) => value is T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = read(key);
    return stored !== null && isValid(stored) ? stored : initial();
  });
  useEffect(() => write(key, value), [key, value]);
  return [value, setValue];
}

export const systemTheme = (): Theme =>
  window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

export const isTheme = (value: string): value is Theme => value === 'light' || value === 'dark';

export const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const TIME_ZONES = [
  'local',
  'UTC',
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
] as const;

export const isTimeZone = (value: string): value is string =>
  (TIME_ZONES as readonly string[]).includes(value);
