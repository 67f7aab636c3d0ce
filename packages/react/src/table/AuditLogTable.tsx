import { PAGE_LIMIT, type AuditEvent } from '@getimmutable/client';
import { useTable, type ColumnVisibilityState } from '@tanstack/react-table';
import { forwardRef, useEffect, useId, useMemo } from 'react';
import { cx } from '../cx.js';
import { FirstLoadGate } from './FirstLoadGate.js';
import { useControllableState } from '../useControllableState.js';
import { useAbsoluteFormatReady } from '../useAbsoluteFormatReady.js';
import { useNow } from '../useNow.js';
import { usePresentation } from '../viewerContext.js';
import {
  auditTableFeatures,
  columnLabel,
  defaultAuditColumns,
  type AuditTableFeatures,
} from './auditColumns.js';
import type { AuditLogTableProps } from './AuditLogTableProps.js';
import { AuditTableRow } from './AuditTableRow.js';
import { ColumnsMenu } from './ColumnsMenu.js';
import { TableError } from './TableError.js';
import { TableFooter } from './TableFooter.js';
import { TableLiveStatus } from './TableLiveStatus.js';
import { useAutoRetry } from './useAutoRetry.js';
import { useIdleIntegrity } from './useIdleIntegrity.js';
import { useRovingRowFocus } from './useRovingRowFocus.js';
import { useShownEvents } from './useShownEvents.js';
import { useTableEvents } from './useTableEvents.js';
import { useTableStatus } from './useTableStatus.js';
import { useVirtualRows } from './useVirtualRows.js';
import { onDemand } from '../onDemand/onDemand.js';
import { OnDemandPart } from '../onDemand/OnDemandPart.js';
import { useMessages } from '../messages/useMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

export type { AuditCellRenderers } from './AuditTableRow.js';
export type { AuditLogTableProps } from './AuditLogTableProps.js';
export type { AuditLogTableState, AuditLogTableStatus } from './useTableStatus.js';

/** Filters under which consecutive rows are still chain neighbours (a time range, a tenant). */
const CONTIGUOUS_FILTERS = new Set(['from', 'to', 'tenant_id']);
/** Infinite mode: start loading the next page this many rows before the end. */
const LOAD_AHEAD = 10;
// The live tail's code (its query and notice) loads only for a table with `live` on.
const liveTailPart = onDemand(() => import('../live/LiveTail.js'));

/** Enough placeholder rows to suggest a table without pushing the footer far down. */
const SKELETON_ROWS = 5;

/**
 * The audit events as a table: paged or infinite (virtualized), with a Columns menu, integrity
 * marks, and rows that open the detail view by click, Enter or Space. The table is one tab stop;
 * Up/Down/Home/End move between rows. Each row carries `data-event-id` and focus returns to the
 * activated row when `selectedEventId` goes back to null and nothing else holds focus.
 *
 * This file composes: the data and status hooks, the TanStack table, windowing
 * (`useVirtualRows`) and row focus (`useRovingRowFocus`), laid out with the parts
 * (`TableLiveStatus`, `TableError`, `AuditTableRow`, `TableFooter`). The frame's plain markup
 * (toolbar, head, placeholder and spacer rows) stays inline: as components they would cost the
 * size-limited bundle some 40 B gzip each (.size-limit.mjs) and hold no logic to test.
 * @example
 * <AuditLogTable filters={{ action: 'document.*' }} onEventSelect={(e) => setSelected(e.id)} />
 */
export const AuditLogTable = forwardRef<HTMLDivElement, AuditLogTableProps>(function AuditLogTable(
  {
    filters,
    mode = 'pages',
    pageSize: pageSizeProp,
    defaultPageSize = PAGE_LIMIT.default,
    onPageSizeChange,
    columns,
    extraColumns,
    renderCell,
    columnVisibility: columnVisibilityProp,
    defaultColumnVisibility,
    onColumnVisibilityChange,
    selectedEventId,
    onEventSelect,
    timeZone,
    locale,
    onStateChange,
    paginationLabel,
    live,
    className,
    ...rest
  },
  ref,
) {
  const presentation = usePresentation();
  const messages = useMessages(coreMessages);
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

  // The data: this page (or every loaded page), the last rows kept under an error, self-retry.
  const result = useTableEvents({ filters, pageSize, mode });
  const events = useShownEvents({ result, pageSize, mode });
  useAutoRetry(result);

  // Windowing works on the events (a row per event, in order, keyed by the same id): the rows
  // in the DOM are known before the table, which reads their integrity checks from its meta.
  const virtual = useVirtualRows({ rows: events, enabled: infinite });

  // The TanStack table, and what every cell reads from its meta.
  const rowIdPrefix = `${useId()}-row-`;
  // A new column list makes TanStack rebuild every column: only when the props change.
  const allColumns = useMemo(
    () => [...(columns ?? defaultAuditColumns), ...(extraColumns ?? [])],
    [columns, extraColumns],
  );
  // Checked after paint (see useIdleIntegrity), and only while an integrity column shows.
  const checksShown =
    columnVisibility.integrity !== false && allColumns.some((c) => c.id === 'integrity');
  const integrity = useIdleIntegrity(
    events,
    virtual.start,
    checksShown ? virtual.end : virtual.start,
  );
  const showLinks = Object.keys(result.filters).every((field) => CONTIGUOUS_FILTERS.has(field));
  const now = useNow();
  const zone = timeZone ?? presentation.timeZone;
  const loc = locale ?? presentation.locale;
  const absoluteReady = useAbsoluteFormatReady(zone, loc);
  const table = useTable<AuditTableFeatures, AuditEvent>({
    features: auditTableFeatures,
    columns: allColumns,
    data: events,
    getRowId: (event) => event.id,
    state: { columnVisibility },
    onColumnVisibilityChange: setColumnVisibility,
    meta: {
      messages,
      locale: loc,
      timeZone: zone,
      now,
      absoluteReady,
      integrity: integrity.checks,
      integrityUnavailable: integrity.unavailable,
      showLinks,
      rowIdPrefix,
    },
  });
  const { rows, rowsById } = table.getRowModel();
  const hasRows = rows.length > 0;
  const visibleColumns = table.getVisibleLeafColumns();
  const { state, busy } = useTableStatus({ result, events, rowCount: rows.length, onStateChange });
  // Virtualized, the DOM holds only some rows: rows and the table say where they are.
  const indexed = infinite && state === 'ready';

  // Infinite mode: load the next page as the rendered rows near the last loaded one. Only with a
  // view to scroll (without layout the first rows always render, and would load every page).
  const { hasNext, isFetching, loadMore } = result;
  const lastRendered = virtual.end - 1;
  const loadAhead = infinite && hasNext && !isFetching;
  const { hasView } = virtual;
  useEffect(() => {
    if (loadAhead && hasView() && lastRendered >= rows.length - 1 - LOAD_AHEAD) loadMore();
  }, [loadAhead, hasView, lastRendered, rows.length, loadMore]);

  const { getRowProps } = useRovingRowFocus({
    rows,
    rowsById,
    rowIdPrefix,
    selectedEventId,
    scrollToIndex: virtual.scrollToIndex,
    onActivate: (index) => onEventSelect?.(rows[index]!.original),
  });

  // A row (not padding on the table) stands in for the rows out of view: the table keeps its
  // rows-only content model and the scrollbar matches the whole list.
  const spacer = (height: number) =>
    height > 0 ? (
      <tr aria-hidden="true" data-slot="table-spacer">
        <td colSpan={visibleColumns.length} style={{ height, padding: 0, border: 0 }} />
      </tr>
    ) : null;

  return (
    <div
      ref={ref}
      className={cx('imv-table', className)}
      data-slot="table-root"
      data-state={state}
      data-mode={mode}
      {...rest}
    >
      {/* Nothing to show or hide columns of while the first load is pending or has failed. */}
      {state === 'loading' || (state === 'error' && !hasRows) ? null : (
        <div className="imv-table__toolbar" data-slot="table-toolbar">
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
          {live ? (
            <OnDemandPart
              part={liveTailPart}
              render={({ LiveTail }) => (
                <LiveTail
                  live={live}
                  filters={result.filters}
                  events={events}
                  atNewest={infinite || result.pageIndex === 0}
                  refetch={result.refetch}
                  scrollRef={virtual.scrollRef}
                />
              )}
              failure={messages.liveTailLoadFailed}
              failureSlot="live-tail-error"
            />
          ) : null}
        </div>
      )}
      <TableLiveStatus
        state={state}
        isLoadingMore={result.isLoadingMore}
        filters={result.filters}
        messages={messages}
      />
      {state === 'error' ? (
        <TableError
          error={result.error}
          hasRows={hasRows}
          onRetry={result.refetch}
          messages={messages}
        />
      ) : null}
      <FirstLoadGate loading={state === 'loading'}>
        {() => (
          <>
            {state === 'empty' || (state === 'error' && !hasRows) ? null : (
              <div
                ref={virtual.scrollRef}
                className="imv-table__scroll"
                data-slot="table-scroll"
                style={
                  infinite
                    ? { blockSize: 'var(--imv-table-height, 480px)', overflow: 'auto' }
                    : undefined
                }
              >
                <table
                  className="imv-table__grid"
                  data-slot="table"
                  aria-label={messages.tableLabel}
                  aria-busy={busy || undefined}
                  aria-rowcount={indexed ? rows.length + 1 : undefined}
                >
                  <thead className="imv-table__head" data-slot="table-head">
                    {table.getHeaderGroups().map((group) => (
                      <tr key={group.id} aria-rowindex={indexed ? 1 : undefined}>
                        {group.headers.map((header) => (
                          <th
                            key={header.id}
                            scope="col"
                            colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                            className="imv-table__header"
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
                    className="imv-table__body"
                    data-slot="table-body"
                    data-state={result.isPlaceholderData || state === 'error' ? 'stale' : undefined}
                  >
                    {state === 'loading' ? (
                      // Hidden from assistive tech: the live region says "Loading events…" instead.
                      Array.from({ length: SKELETON_ROWS }, (_, i) => (
                        <tr
                          key={i}
                          aria-hidden="true"
                          className="imv-table__row"
                          data-slot="table-skeleton-row"
                        >
                          {visibleColumns.map((column) => (
                            <td key={column.id} className="imv-table__cell" data-slot="table-cell">
                              <span className="imv-table__skeleton" data-slot="table-skeleton" />
                            </td>
                          ))}
                        </tr>
                      ))
                    ) : (
                      <>
                        {spacer(virtual.paddingTop)}
                        {rows.slice(virtual.start, virtual.end).map((row, offset) => (
                          <AuditTableRow
                            key={row.id}
                            row={row}
                            focusProps={getRowProps(virtual.start + offset)}
                            selected={
                              selectedEventId === undefined ? undefined : row.id === selectedEventId
                            }
                            rowIndex={infinite ? virtual.start + offset + 2 : undefined}
                            renderCell={renderCell}
                          />
                        ))}
                        {spacer(virtual.paddingBottom)}
                      </>
                    )}
                  </tbody>
                </table>
              </div>
            )}
            <TableFooter
              mode={mode}
              state={state}
              hasRows={hasRows}
              result={result}
              pageSize={pageSize}
              onPageSizeChange={setPageSize}
              paginationLabel={paginationLabel ?? messages.paginationLabel}
              messages={messages}
            />
          </>
        )}
      </FirstLoadGate>
    </div>
  );
});
