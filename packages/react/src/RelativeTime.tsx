import type { Locale } from 'date-fns';
import {
  useEffect,
  useSyncExternalStore,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from 'react';
import {
  formatAbsolute,
  formatRelative,
  hasAbsoluteFormatter,
  prepareAbsoluteFormatter,
  subscribeFormatters,
  zoneLabel,
} from './formatTime.js';
import { useNow } from './useNow.js';
import { usePresentation } from './viewerContext.js';

export interface RelativeTimeProps extends Omit<ComponentPropsWithoutRef<'time'>, 'children'> {
  /** The instant, ISO 8601. */
  iso: string;
  /** Overrides the provider's time zone for the absolute time. @default the provider's */
  timeZone?: string | undefined;
  /** Overrides the provider's date-fns locale. @default the provider's */
  locale?: Locale | undefined;
  /**
   * Show the absolute time only once its formatter is ready (made after the first paint; '' until
   * then), so a first render makes no Intl object: for the table's many rows. @default false
   */
  deferAbsolute?: boolean;
  /** Wraps the relative text, e.g. `(when) => messages.verifiedAt(when)`. @default the text as is */
  children?: (relative: string, absolute: string) => ReactNode;
}

const alwaysReady = () => () => {};
const ready = () => true;

/**
 * Whether the absolute time may be formatted now. The page's first Intl formatter is slow to
 * make, so a deferring browser render without one shows the relative time first and the
 * absolute time once the formatter is made in idle time; server rendering and hydration format
 * at once (the server snapshot), so their markup matches.
 */
function useAbsoluteFormatter(timeZone: string, locale: Locale | undefined, defer: boolean) {
  const formatted = useSyncExternalStore(
    defer ? subscribeFormatters : alwaysReady,
    defer ? () => hasAbsoluteFormatter(timeZone, locale) : ready,
    ready,
  );
  useEffect(() => {
    if (!formatted) prepareAbsoluteFormatter(timeZone, locale);
  }, [formatted, timeZone, locale]);
  return formatted;
}

/**
 * "3 minutes ago" in a `<time>`, on the shared 30-second clock (never before `iso`, so a fresh
 * server stamp does not read "in 2 seconds"), with the absolute time and its zone as the title.
 */
export function RelativeTime({
  iso,
  timeZone,
  locale,
  deferAbsolute = false,
  children,
  ...rest
}: RelativeTimeProps) {
  const presentation = usePresentation();
  const zone = timeZone ?? presentation.timeZone;
  const loc = locale ?? presentation.locale;
  const now = useNow(Date.parse(iso) || 0);
  const absolute = useAbsoluteFormatter(zone, loc, deferAbsolute)
    ? `${formatAbsolute(iso, zone, loc)} ${presentation.messages.timeZoneSuffix(zoneLabel(zone))}`
    : '';
  const relative = formatRelative(iso, now, loc);
  return (
    <time dateTime={iso} title={absolute || undefined} {...rest}>
      {children ? children(relative, absolute) : relative}
    </time>
  );
}
