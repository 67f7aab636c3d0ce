export interface TimeCellProps {
  iso: string;
  /** "3 minutes ago". */
  relative: string;
  /** The absolute time with its zone; '' until the table's formatter is ready (after paint). */
  absolute: string;
  /** Id of the absolute-time element, so the row can point `aria-describedby` at it. */
  tooltipId: string;
}

/**
 * "3 minutes ago", with the absolute time in the chosen zone as the `<time>` title and inline
 * under it: its room is kept and the stylesheet shows it while the row is hovered or focused, so
 * it never covers a neighbouring row. It is the row's accessible description either way. Until
 * the formatter is ready the line holds a no-break space, so the row does not grow when it comes.
 * No hooks: the table reads the clock and the formatter once for all its rows (a row's own
 * subscriptions and effects were a large part of a first page's render).
 */
export function TimeCell({ iso, relative, absolute, tooltipId }: TimeCellProps) {
  return (
    <time
      dateTime={iso}
      title={absolute || undefined}
      className="imv-table__time"
      data-slot="table-time"
    >
      {relative}{' '}
      <span className="imv-table__time-absolute" data-slot="table-time-absolute" id={tooltipId}>
        {absolute || '\u00a0'}
      </span>
    </time>
  );
}
