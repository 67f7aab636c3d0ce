import type { AuditEvent } from '@getimmutable/client';
import { useTable, type ColumnVisibilityState, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Locale } from 'date-fns';
import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { AuditFilters } from '../auditFilters.js';
import { cx } from '../cx.js';
import { failureSentence, isPassingFailure } from '../failureText.js';
import { FILTER_LABELS } from '../filterLabels.js';
import type { Messages } from '../messages.js';
import { Pager } from '../Pager.js';
import { useAuditEvents } from '../useAuditEvents.js';
import { useControllableState } from '../useControllableState.js';
import { useIntegrityChecks } from '../useEventIntegrity.js';
import { useNow } from '../useNow.js';
import { userTextMessage } from '../UserText.js';
import { usePresentation } from '../viewerContext.js';
import {
  auditTableFeatures,
  columnLabel,
  defaultAuditColumns,
  type AuditColumnDef,
  type AuditTableFeatures,
} from './auditColumns.js';
import { ColumnsMenu } from './ColumnsMenu.js';

/** What the table shows: the `data-state` of its root. */
export type AuditLogTableState = 'loading' | 'empty' | 'error' | 'ready';

/** Reported through `onStateChange` whenever the state or the rows change. */
export interface AuditLogTableStatus {
  state: AuditLogTableState;
  /** The rows on screen (this page, or every loaded page in infinite mode). */
  events: AuditEvent[];
  error: Error | null;
  /** Zero-based page (always 0 in infinite mode). */
  pageIndex: number;
}

/** Custom cell content by column id; wins over the column definition's `cell`. */
export type AuditCellRenderers = Partial<Record<string, (event: AuditEvent) => ReactNode>>;

export interface AuditLogTableProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The filters; a change starts again at the first page. @default {} */
  filters?: AuditFilters;
  /** `'pages'`: Previous/Next; `'infinite'`: a virtualized, fixed-height list that loads as it scrolls. @default 'pages' */
  mode?: 'pages' | 'infinite';
  /** Events per page (controlled). @default undefined */
  pageSize?: number;
  /** Events per page when uncontrolled. @default 25 */
  defaultPageSize?: number;
  /** Called when the user picks another page size. @default undefined */
  onPageSizeChange?: (pageSize: number) => void;
  /** Replaces the default columns (see `defaultAuditColumns`, `auditColumnHelper`). @default defaultAuditColumns */
  columns?: readonly AuditColumnDef[];
  /** Columns appended after `columns`. @default [] */
  extraColumns?: readonly AuditColumnDef[];
  /** Cell content by column id, e.g. `{ actor: (e) => <UserLink id={e.actor_id} /> }`. @default {} */
  renderCell?: AuditCellRenderers;
  /** Which columns show, by id (`false` hides; controlled). @default undefined */
  columnVisibility?: ColumnVisibilityState;
  /** Which columns show when uncontrolled. @default {} (all) */
  defaultColumnVisibility?: ColumnVisibilityState;
  /** Called when the user shows or hides a column. @default undefined */
  onColumnVisibilityChange?: (visibility: ColumnVisibilityState) => void;
  /** The id of the event shown in a detail view: its row is marked selected. @default undefined */
  selectedEventId?: string | null;
  /** Called when a row is activated by click, Enter or Space. @default undefined */
  onEventSelect?: (event: AuditEvent) => void;
  /** Overrides the provider's time zone (`'local'`, `'UTC'` or an IANA name). @default the provider's */
  timeZone?: string;
  /** Overrides the provider's date-fns locale. @default the provider's */
  locale?: Locale;
  /** Called with the table's state and rows whenever they change (for composition). @default undefined */
  onStateChange?: (status: AuditLogTableStatus) => void;
  /** The pagination landmark's accessible name, over the message; give each table on a page its own. @default messages.paginationLabel */
  paginationLabel?: string;
}

const PAGE_SIZES = [10, 25, 50, 100];
const NO_EVENTS: AuditEvent[] = [];
const SKELETON_ROWS = 5;
/**
 * Infinite mode: every row's height (the stylesheet fixes rows to it). Without layout (SSR, jsdom)
 * it places the first rows; a different height (unstyled, another font size) is read once from a
 * rendered row.
 */
const ROW_HEIGHT = 44;
const UNMEASURED_ROWS = 20;
/** Infinite mode: start loading the next page this many rows before the end. */
const LOAD_AHEAD = 10;
// Not on the server (where React 18 warns about layout effects); the table has no layout there.
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
const INTERACTIVE =
  'a, button, input, select, textarea, summary, [role="button"], [role="link"], [tabindex]';
/** After a load fails for a passing reason, it is tried again after 5 s, then 10 s, 20 s… at most 60 s. */
const AUTO_RETRY_MS = 5_000;
const AUTO_RETRY_MAX_MS = 60_000;
/** Filters under which consecutive rows are still chain neighbours. */
const CONTIGUOUS_FILTERS = new Set(['from', 'to', 'tenant_id']);

/** "No events match action "document.*" and search "foo"." (each value isolated) or "No events yet.". */
function emptyMessage(filters: AuditFilters, messages: Messages): ReactNode {
  const fields = Object.keys(filters) as Array<keyof AuditFilters>;
  if (fields.length === 0) return messages.empty;
  return userTextMessage((user) =>
    messages.emptyFiltered(
      messages.joinTerms(
        fields.map((field) =>
          messages.filterTerm(messages[FILTER_LABELS[field]], user(filters[field] ?? '')),
        ),
      ),
    ),
  );
}

/**
 * The audit events as a table: paged or infinite (virtualized), with a Columns menu, integrity
 * marks, and rows that open the detail view by click, Enter or Space. The table is one tab stop;
 * Up/Down/Home/End move between rows. Each row carries `data-event-id` and focus returns to the
 * activated row when `selectedEventId` goes back to null and nothing else holds focus.
 * @example
 * <AuditLogTable filters={{ action: 'document.*' }} onEventSelect={(e) => setSelected(e.id)} />
 */
export const AuditLogTable = forwardRef<HTMLDivElement, AuditLogTableProps>(function AuditLogTable(
  {
    filters,
    mode = 'pages',
    pageSize: pageSizeProp,
    defaultPageSize = 25,
    onPageSizeChange,
    columns,
    extraColumns,
    renderCell,
    columnVisibility: columnVisibilityProp,
    defaultColumnVisibility,
    onColumnVisibilityChange,
    selectedEventId,
    onEventSelect,
    timeZone: timeZoneProp,
    locale: localeProp,
    onStateChange,
    paginationLabel,
    className,
    ...rest
  },
  ref,
) {
  const presentation = usePresentation();
  const { messages } = presentation;
  const timeZone = timeZoneProp ?? presentation.timeZone;
  const locale = localeProp ?? presentation.locale;
  const infinite = mode === 'infinite';

  const [pageSize, setPageSize] = useControllableState({
    prop: pageSizeProp,
    defaultProp: defaultPageSize,
    onChange: onPageSizeChange,
  });
  const [columnVisibility, setColumnVisibility] = useControllableState<ColumnVisibilityState>({
    prop: columnVisibilityProp,
    defaultProp: defaultColumnVisibility ?? {},
    onChange: onColumnVisibilityChange,
  });

  const result = useAuditEvents({ filters, pageSize, mode });
  // When a page fails to load, the rows last shown for the same filters stay on screen under the
  // error (never rows of other filters).
  const rowsKey = `${JSON.stringify(result.filters)}|${pageSize}|${mode}`;
  const [shown, setShown] = useState({ key: rowsKey, events: NO_EVENTS });
  if (result.events.length > 0 && (shown.key !== rowsKey || shown.events !== result.events)) {
    setShown({ key: rowsKey, events: result.events });
  }
  const kept = result.status === 'error' && shown.key === rowsKey ? shown.events : NO_EVENTS;
  // A stable empty list while pending, so `onStateChange` and the row model don't churn.
  const events = result.events.length > 0 ? result.events : kept;
  const integrity = useIntegrityChecks(events);
  const showLinks = Object.keys(result.filters).every((field) => CONTIGUOUS_FILTERS.has(field));
  const now = useNow();
  const rowIdPrefix = `${useId()}-row-`;

  const allColumns = useMemo(
    () => [...(columns ?? defaultAuditColumns), ...(extraColumns ?? [])],
    [columns, extraColumns],
  );
  const table = useTable<AuditTableFeatures, AuditEvent>({
    features: auditTableFeatures,
    columns: allColumns,
    data: events,
    getRowId: (event) => event.id,
    state: { columnVisibility },
    onColumnVisibilityChange: setColumnVisibility,
    meta: { messages, locale, timeZone, now, integrity, showLinks, rowIdPrefix },
  });
  const rowModel = table.getRowModel();
  const rows = rowModel.rows;
  const visibleColumns = table.getVisibleLeafColumns();

  const state: AuditLogTableState =
    result.status === 'pending'
      ? 'loading'
      : result.status === 'error'
        ? 'error'
        : rows.length === 0
          ? 'empty'
          : 'ready';

  // Infinite mode: a fixed-height scroll container, only the rows in view are in the DOM.
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows are all one height, so no row is measured as it scrolls in (no forced layout, no jumps).
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  // Stable per row list: the virtualizer rebuilds its positions of every row when this changes.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // The virtualizer is read during render only, never memoized.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 8,
    enabled: infinite,
  });
  const hasRows = rows.length > 0;
  useClientLayoutEffect(() => {
    if (!infinite || !hasRows) return;
    const row = scrollRef.current?.querySelector<HTMLElement>('[data-slot="table-row"]');
    // Layout-less environments (jsdom, hidden containers) measure 0: keep the estimate then.
    const height = row?.getBoundingClientRect().height ?? 0;
    if (height > 0 && Math.abs(height - rowHeight) > 0.5) {
      setRowHeight(height);
      virtualizer.measure();
    }
    // Once, when the rows first show: every row has this height, so one read is enough.
  }, [infinite, hasRows]);
  const virtualItems = infinite ? virtualizer.getVirtualItems() : [];
  const windowed =
    virtualItems.length > 0
      ? virtualItems
      : rows
          .slice(0, UNMEASURED_ROWS)
          .map((_, index) => ({ index, start: index * rowHeight, end: (index + 1) * rowHeight }));
  const lastRendered = windowed[windowed.length - 1]?.index ?? -1;
  const { hasNext, isFetching, loadMore } = result;
  useEffect(() => {
    if (
      infinite &&
      hasNext &&
      !isFetching &&
      virtualItems.length > 0 &&
      lastRendered >= rows.length - 1 - LOAD_AHEAD
    )
      loadMore();
  }, [infinite, hasNext, isFetching, loadMore, lastRendered, rows.length, virtualItems.length]);

  // Roving tabindex: one row is the table's tab stop.
  const [activeId, setActiveId] = useState<string | null>(null);
  const { rowsById } = rowModel;
  const tabStopId =
    activeId !== null && Object.hasOwn(rowsById, activeId)
      ? activeId
      : selectedEventId != null && Object.hasOwn(rowsById, selectedEventId)
        ? selectedEventId
        : (rows[0]?.id ?? null);
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const element = document.getElementById(rowIdPrefix + id);
    if (element) {
      pendingFocus.current = null;
      element.focus();
    }
  });

  const focusIndex = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setActiveId(row.id);
    if (infinite) virtualizer.scrollToIndex(row.index);
    const element = document.getElementById(rowIdPrefix + row.id);
    // A virtualized row out of view renders after the scroll: focus it then.
    if (element) element.focus();
    else pendingFocus.current = row.id;
  };

  // When the detail view closes and focus fell to the page, give it back to the row.
  const previousSelected = useRef(selectedEventId);
  useEffect(() => {
    const previous = previousSelected.current;
    previousSelected.current = selectedEventId;
    if (!previous || selectedEventId) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const element = document.getElementById(rowIdPrefix + previous);
    if (element) element.focus();
  }, [selectedEventId, rowIdPrefix]);

  // A load that failed for a passing reason is tried again by itself, less often each time, so the
  // log recovers when the server does (each try is one call of the client, with its own retries).
  const [autoRetries, setAutoRetries] = useState(0);
  // (Not while the previous page stands in: react-query calls that a success too.)
  if (result.status === 'success' && !result.isPlaceholderData && autoRetries !== 0) {
    setAutoRetries(0);
  }
  const retryLater =
    result.status === 'error' && !result.isFetching && isPassingFailure(result.error);
  const latestRefetch = useRef(result.refetch);
  useEffect(() => {
    latestRefetch.current = result.refetch;
  });
  useEffect(() => {
    if (!retryLater) return;
    const delay = Math.min(AUTO_RETRY_MAX_MS, AUTO_RETRY_MS * 2 ** autoRetries);
    const timer = setTimeout(() => {
      setAutoRetries((n) => n + 1);
      latestRefetch.current();
    }, delay);
    return () => clearTimeout(timer);
  }, [retryLater, autoRetries]);

  const latestOnStateChange = useRef(onStateChange);
  useEffect(() => {
    latestOnStateChange.current = onStateChange;
  });
  const { error, pageIndex } = result;
  useEffect(() => {
    latestOnStateChange.current?.({ state, events, error, pageIndex });
  }, [state, events, error, pageIndex]);

  const activate = (row: Row<AuditTableFeatures, AuditEvent>) => {
    setActiveId(row.id);
    onEventSelect?.(row.original);
  };

  const onRowKeyDown = (
    event: KeyboardEvent<HTMLTableRowElement>,
    row: Row<AuditTableFeatures, AuditEvent>,
  ) => {
    if (event.target !== event.currentTarget) return; // keys inside a custom cell's controls
    const moves: Record<string, number> = {
      ArrowDown: row.index + 1,
      ArrowUp: row.index - 1,
      PageDown: row.index + 10,
      PageUp: row.index - 10,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusIndex(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(row);
    }
  };

  const onRowClick = (
    event: MouseEvent<HTMLTableRowElement>,
    row: Row<AuditTableFeatures, AuditEvent>,
  ) => {
    const control = (event.target as Element).closest(INTERACTIVE);
    if (control && control !== event.currentTarget && event.currentTarget.contains(control)) return;
    activate(row);
  };

  const renderRow = (row: Row<AuditTableFeatures, AuditEvent>) => {
    const event = row.original;
    const selected = selectedEventId != null && event.id === selectedEventId;
    const cells = row.getVisibleCells();
    const describedByTime = cells.some(
      (c) => c.column.columnDef.meta?.describesRow && !renderCell?.[c.column.id],
    );
    return (
      <tr
        key={row.id}
        id={rowIdPrefix + row.id}
        data-index={row.index}
        className="imv-table-row"
        data-slot="table-row"
        data-event-id={event.id}
        data-state={selected ? 'selected' : undefined}
        aria-selected={selectedEventId === undefined ? undefined : selected}
        aria-rowindex={infinite ? row.index + 2 : undefined}
        aria-label={messages.openEvent(event.action, event.actor_name ?? event.actor_id)}
        aria-describedby={describedByTime ? `${rowIdPrefix}${event.id}-time` : undefined}
        tabIndex={row.id === tabStopId ? 0 : -1}
        onClick={(e) => onRowClick(e, row)}
        onKeyDown={(e) => onRowKeyDown(e, row)}
        onFocus={(e) => {
          if (e.target === e.currentTarget) setActiveId(row.id);
        }}
      >
        {cells.map((cell) => {
          const custom = renderCell?.[cell.column.id];
          return (
            <td
              key={cell.id}
              className="imv-table-cell"
              data-slot="table-cell"
              data-column-id={cell.column.id}
            >
              {custom ? custom(event) : <table.FlexRender cell={cell} />}
            </td>
          );
        })}
      </tr>
    );
  };

  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr key={key} aria-hidden="true" data-slot="table-spacer">
        <td colSpan={visibleColumns.length} style={{ height, padding: 0, border: 0 }} />
      </tr>
    ) : null;

  let body: ReactNode;
  if (state === 'loading') {
    body = Array.from({ length: SKELETON_ROWS }, (_, i) => (
      <tr key={i} aria-hidden="true" className="imv-table-row" data-slot="table-skeleton-row">
        {visibleColumns.map((column) => (
          <td key={column.id} className="imv-table-cell" data-slot="table-cell">
            <span className="imv-table-skeleton" data-slot="table-skeleton" />
          </td>
        ))}
      </tr>
    ));
  } else if (infinite) {
    const first = windowed[0];
    const last = windowed[windowed.length - 1];
    const total = virtualItems.length > 0 ? virtualizer.getTotalSize() : rows.length * rowHeight;
    body = [
      spacer(first?.start ?? 0, 'top'),
      ...windowed.map((item) => (rows[item.index] ? renderRow(rows[item.index]!) : null)),
      spacer(total - (last?.end ?? 0), 'bottom'),
    ];
  } else {
    body = rows.map(renderRow);
  }

  const busy =
    state === 'loading' ||
    result.isPlaceholderData ||
    result.isLoadingMore ||
    (state === 'error' && result.isFetching);
  const liveText =
    state === 'loading'
      ? messages.loading
      : state === 'empty'
        ? emptyMessage(result.filters, messages)
        : result.isLoadingMore
          ? messages.loadingMore
          : '';

  return (
    <div
      ref={ref}
      className={cx('imv-table-root', className)}
      data-slot="table-root"
      data-state={state}
      data-mode={mode}
      {...rest}
    >
      {/* Nothing to show or hide columns of while the first load is pending or has failed. */}
      {state === 'loading' || (state === 'error' && !hasRows) ? null : (
        <div className="imv-table-toolbar" data-slot="table-toolbar">
          <ColumnsMenu
            label={messages.columns}
            legend={messages.columnsLegend}
            items={table.getAllLeafColumns().map((column) => ({
              id: column.id,
              label: columnLabel(column, messages),
              visible: column.getIsVisible(),
            }))}
            onToggle={(id, visible) => table.getColumn(id)?.toggleVisibility(visible)}
          />
        </div>
      )}

      <div
        role="status"
        className={state === 'empty' ? 'imv-table-empty' : 'imv-visually-hidden'}
        data-slot={state === 'empty' ? 'table-empty' : 'table-status'}
      >
        {liveText}
      </div>

      {state === 'error' ? (
        <div role="alert" className="imv-table-error" data-slot="table-error">
          <p className="imv-table-error-title">{messages.errorTitle}</p>
          {failureSentence(result.error, messages) ? (
            <p className="imv-table-error-message">
              {failureSentence(result.error, messages)}{' '}
              {isPassingFailure(result.error)
                ? hasRows
                  ? messages.failureKeptRows
                  : messages.failureRetrying
                : null}
            </p>
          ) : null}
          {result.error?.message ? (
            <p className="imv-table-error-detail">{result.error.message}</p>
          ) : null}
          <button type="button" className="imv-button" onClick={() => result.refetch()}>
            {messages.retry}
          </button>
        </div>
      ) : null}
      {state === 'empty' || (state === 'error' && !hasRows) ? null : (
        <div
          ref={scrollRef}
          className="imv-table-scroll"
          data-slot="table-scroll"
          style={
            infinite ? { blockSize: 'var(--imv-table-height, 480px)', overflow: 'auto' } : undefined
          }
        >
          <table
            className="imv-table"
            data-slot="table"
            aria-label={messages.tableLabel}
            aria-busy={busy || undefined}
            aria-rowcount={infinite && state === 'ready' ? rows.length + 1 : undefined}
          >
            <thead className="imv-table-head" data-slot="table-head">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} aria-rowindex={infinite && state === 'ready' ? 1 : undefined}>
                  {group.headers.map((header) => (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                      className="imv-table-header"
                      data-slot="table-header"
                      data-column-id={header.column.id}
                    >
                      {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody
              className="imv-table-body"
              data-slot="table-body"
              data-state={result.isPlaceholderData || state === 'error' ? 'stale' : undefined}
            >
              {body}
            </tbody>
          </table>
        </div>
      )}

      {infinite ? (
        state === 'ready' && (result.hasNext || result.isLoadingMore) ? (
          <div className="imv-table-footer" data-slot="table-footer">
            <button
              type="button"
              className="imv-button"
              aria-disabled={result.isLoadingMore || undefined}
              onClick={() => result.loadMore()}
            >
              {result.isLoadingMore ? messages.loadingMore : messages.loadMore}
            </button>
          </div>
        ) : null
      ) : (state === 'error' && !hasRows) || (state === 'empty' && !result.hasPrevious) ? null : (
        <Pager
          label={paginationLabel ?? messages.paginationLabel}
          pageIndex={result.pageIndex}
          canPrevious={result.hasPrevious && state !== 'loading'}
          canNext={result.hasNext && state !== 'loading'}
          onPrevious={result.previousPage}
          onNext={result.nextPage}
          className="imv-table-footer"
          pageClassName="imv-table-page"
          slot="table"
          navSlot="table-pagination"
        >
          <label className="imv-table-page-size" data-slot="table-page-size">
            {messages.pageSize}{' '}
            <select
              className="imv-select"
              value={pageSize}
              onChange={(e) => setPageSize(Number(e.target.value))}
            >
              {(PAGE_SIZES.includes(pageSize)
                ? PAGE_SIZES
                : [...PAGE_SIZES, pageSize].sort((a, b) => a - b)
              ).map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
        </Pager>
      )}
    </div>
  );
});
