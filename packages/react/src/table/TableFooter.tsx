import { PAGE_LIMIT } from '@getimmutable/client';
import type { CoreMessages } from '../messages/coreMessages.js';
import { Pager } from '../Pager.js';
import type { TableEvents } from './useTableEvents.js';
import type { AuditLogTableState } from './useTableStatus.js';

/** The page sizes offered (up to the API's largest page); a different controlled size joins them. */
const PAGE_SIZES = [10, PAGE_LIMIT.default, 50, PAGE_LIMIT.max];

export interface TableFooterProps {
  mode: 'pages' | 'infinite';
  state: AuditLogTableState;
  /** Rows are on screen (an error may keep the last ones). */
  hasRows: boolean;
  result: Pick<
    TableEvents,
    | 'pageIndex'
    | 'hasPrevious'
    | 'hasNext'
    | 'previousPage'
    | 'nextPage'
    | 'loadMore'
    | 'isLoadingMore'
  >;
  pageSize: number;
  onPageSizeChange(pageSize: number): void;
  /** The pagination landmark's name. */
  paginationLabel: string;
  messages: CoreMessages;
}

/**
 * Under the rows: Load more in infinite mode (scrolling near the end loads too; the button is the
 * keyboard's way), else the pager with the page size select. Absent when there is nowhere to
 * go: no rows after a failure, or an empty first page.
 */
export function TableFooter({
  mode,
  state,
  hasRows,
  result,
  pageSize,
  onPageSizeChange,
  paginationLabel,
  messages,
}: TableFooterProps) {
  if (mode === 'infinite') {
    if (state !== 'ready' || !(result.hasNext || result.isLoadingMore)) return null;
    return (
      <div className="imv-table__footer" data-slot="table-footer">
        {/* aria-disabled, not disabled: focus stays on the button while the page loads. */}
        <button
          type="button"
          className="imv-button"
          aria-disabled={result.isLoadingMore || undefined}
          onClick={() => result.loadMore()}
        >
          {result.isLoadingMore ? messages.loadingMore : messages.loadMore}
        </button>
      </div>
    );
  }
  if ((state === 'error' && !hasRows) || (state === 'empty' && !result.hasPrevious)) return null;
  const sizes = PAGE_SIZES.includes(pageSize)
    ? PAGE_SIZES
    : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  // Previous/Next stay put but inert while a first load is pending (their pages are unknown).
  return (
    <Pager
      label={paginationLabel}
      pageIndex={result.pageIndex}
      canPrevious={result.hasPrevious && state !== 'loading'}
      canNext={result.hasNext && state !== 'loading'}
      onPrevious={result.previousPage}
      onNext={result.nextPage}
      className="imv-table__footer"
      pageClassName="imv-table__page"
      slot="table"
      navSlot="table-pagination"
    >
      <label className="imv-table__page-size" data-slot="table-page-size">
        {messages.pageSize}{' '}
        <select
          className="imv-select"
          value={pageSize}
          onChange={(e) => onPageSizeChange(Number(e.target.value))}
        >
          {sizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </Pager>
  );
}
