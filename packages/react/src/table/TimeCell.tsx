import type { Locale } from 'date-fns';
import { RelativeTime } from '../RelativeTime.js';

export interface TimeCellProps {
  iso: string;
  timeZone: string;
  locale: Locale | undefined;
  /** Id of the absolute-time element, so the row can point `aria-describedby` at it. */
  tooltipId: string;
}

/**
 * "3 minutes ago", with the absolute time in the chosen zone as the `<time>` title (hover) and
 * as a tooltip the stylesheet shows while the row is hovered or focused.
 */
export function TimeCell({ iso, timeZone, locale, tooltipId }: TimeCellProps) {
  return (
    <RelativeTime iso={iso} timeZone={timeZone} locale={locale} className="imv-table-time" data-slot="table-time">
      {(relative, absolute) => (
        <>
          <span data-slot="table-time-relative">{relative}</span>{' '}
          <span className="imv-table-time-tooltip" data-slot="table-time-tooltip" id={tooltipId}>
            {absolute}
          </span>
        </>
      )}
    </RelativeTime>
  );
}
