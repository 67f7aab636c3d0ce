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
 * "3 minutes ago", with the absolute time in the chosen zone as the `<time>` title and inline
 * under it: its room is kept and the stylesheet shows it while the row is hovered or focused, so
 * it never covers a neighbouring row. It is the row's accessible description either way. Until
 * the formatter is ready (after the first paint) the line holds a no-break space, so the row
 * does not grow when it arrives. The relative text is the `<time>`'s own: one node fewer a row.
 */
export function TimeCell({ iso, timeZone, locale, tooltipId }: TimeCellProps) {
  return (
    <RelativeTime
      iso={iso}
      timeZone={timeZone}
      locale={locale}
      deferAbsolute
      className="imv-table__time"
      data-slot="table-time"
    >
      {(relative, absolute) => (
        <>
          {relative}{' '}
          <span className="imv-table__time-absolute" data-slot="table-time-absolute" id={tooltipId}>
            {absolute || '\u00a0'}
          </span>
        </>
      )}
    </RelativeTime>
  );
}
