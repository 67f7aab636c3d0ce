import type { Locale } from 'date-fns';
import { formatAbsolute, formatRelative, zoneLabel } from '../formatTime.js';

export interface TimeCellProps {
  iso: string;
  timeZone: string;
  locale: Locale | undefined;
  now: number;
  /** Id of the absolute-time element, so the row can point `aria-describedby` at it. */
  tooltipId: string;
}

/**
 * "3 minutes ago", with the absolute time in the chosen zone as the `<time>` title (hover) and
 * as a tooltip the stylesheet shows while the row is hovered or focused.
 */
export function TimeCell({ iso, timeZone, locale, now, tooltipId }: TimeCellProps) {
  const absolute = `${formatAbsolute(iso, timeZone, locale)} (${zoneLabel(timeZone)})`;
  return (
    <time className="imv-table-time" data-slot="table-time" dateTime={iso} title={absolute}>
      <span data-slot="table-time-relative">{formatRelative(iso, now, locale)}</span>{' '}
      <span className="imv-table-time-tooltip" data-slot="table-time-tooltip" id={tooltipId}>
        {absolute}
      </span>
    </time>
  );
}
