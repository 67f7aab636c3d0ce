import type { Locale } from 'date-fns';
import { useEffect, useSyncExternalStore } from 'react';
import {
  hasAbsoluteFormatter,
  prepareAbsoluteFormatter,
  subscribeFormatters,
} from './formatTime.js';

const always = () => true;

/**
 * Whether `formatAbsolute` may run now for this zone and locale. The page's first Intl formatter
 * costs tens of milliseconds, so a browser render without one says no and has the formatter made
 * in idle time, after the paint; then it says yes. Server rendering and hydration say yes at once
 * (the server snapshot), so their markup matches. One call serves a whole table of times.
 */
export function useAbsoluteFormatReady(timeZone: string, locale: Locale | undefined): boolean {
  const ready = useSyncExternalStore(
    subscribeFormatters,
    () => hasAbsoluteFormatter(timeZone, locale),
    always,
  );
  useEffect(() => {
    if (!ready) prepareAbsoluteFormatter(timeZone, locale);
  }, [ready, timeZone, locale]);
  return ready;
}
