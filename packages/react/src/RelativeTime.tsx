import type { Locale } from 'date-fns';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { formatAbsolute, formatRelative, zoneLabel } from './formatTime.js';
import { useNow } from './useNow.js';
import { usePresentation } from './viewerContext.js';
import { useMessages } from './messages/useMessages.js';
import { coreMessages } from './messages/coreMessages.js';

export interface RelativeTimeProps extends Omit<ComponentPropsWithoutRef<'time'>, 'children'> {
  /** The instant, ISO 8601. */
  iso: string;
  /** Overrides the provider's time zone for the absolute time. @default the provider's */
  timeZone?: string | undefined;
  /** Overrides the provider's date-fns locale. @default the provider's */
  locale?: Locale | undefined;
  /** Wraps the relative text, e.g. `(when) => messages.verifiedAt(when)`. @default the text as is */
  children?: (relative: string, absolute: string) => ReactNode;
}

/**
 * "3 minutes ago" in a `<time>`, on the shared 30-second clock (never before `iso`, so a fresh
 * server stamp does not read "in 2 seconds"), with the absolute time and its zone as the title.
 */
export function RelativeTime({ iso, timeZone, locale, children, ...rest }: RelativeTimeProps) {
  const presentation = usePresentation();
  const messages = useMessages(coreMessages);
  const zone = timeZone ?? presentation.timeZone;
  const loc = locale ?? presentation.locale;
  const now = useNow(Date.parse(iso) || 0);
  const absolute = `${formatAbsolute(iso, zone, loc)} ${messages.timeZoneSuffix(zoneLabel(zone))}`;
  const relative = formatRelative(iso, now, loc);
  return (
    <time dateTime={iso} title={absolute} {...rest}>
      {children ? children(relative, absolute) : relative}
    </time>
  );
}
