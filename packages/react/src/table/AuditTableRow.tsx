import type { AuditEvent } from '@getimmutable/client';
import { FlexRender, type CellContext, type Row } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { plainCells, type AuditTableFeatures } from './auditColumns.js';
import type { RowFocusProps } from './useRovingRowFocus.js';

/** Custom cell content by column id; wins over the column definition's `cell`. */
export type AuditCellRenderers = Partial<Record<string, (event: AuditEvent) => ReactNode>>;

export interface AuditTableRowProps {
  row: Row<AuditTableFeatures, AuditEvent>;
  /** From `useRovingRowFocus`: the element id, tab stop and handlers. */
  focusProps: RowFocusProps;
  /** Whether this row's event is in the detail view; undefined when the table tracks none. */
  selected: boolean | undefined;
  /** The row's 1-based position among all rows, when only some are in the DOM (virtualized). */
  rowIndex: number | undefined;
  renderCell: AuditCellRenderers | undefined;
}

/**
 * One event as a focusable table row, named for what opening it does ("document.viewed by Ada:
 * open details") and described by its absolute time.
 */
export function AuditTableRow({
  row,
  focusProps,
  selected,
  rowIndex,
  renderCell,
}: AuditTableRowProps) {
  const event = row.original;
  const { messages, rowIdPrefix } = row.table.options.meta!;
  const cells = row.getVisibleCells();
  // The time column renders the absolute time under this id, unless a custom cell replaced it.
  const describedByTime = cells.some(
    (c) => c.column.columnDef.meta?.describesRow && !renderCell?.[c.column.id],
  );
  return (
    <tr
      {...focusProps}
      data-index={row.index}
      className="imv-table__row"
      data-slot="table-row"
      data-event-id={event.id}
      data-state={selected ? 'selected' : undefined}
      aria-selected={selected}
      aria-rowindex={rowIndex}
      aria-label={messages.openEvent(event.action, event.actor_name ?? event.actor_id)}
      aria-describedby={describedByTime ? `${rowIdPrefix}${event.id}-time` : undefined}
    >
      {cells.map((cell) => {
        const custom = renderCell?.[cell.column.id];
        const render = cell.column.columnDef.cell;
        return (
          <td
            key={cell.id}
            className="imv-table__cell"
            data-slot="table-cell"
            data-column-id={cell.column.id}
          >
            {custom ? (
              custom(event)
            ) : plainCells.has(render) ? (
              (
                render as (
                  context: CellContext<AuditTableFeatures, AuditEvent, unknown>,
                ) => ReactNode
              )(cell.getContext())
            ) : (
              <FlexRender cell={cell} />
            )}
          </td>
        );
      })}
    </tr>
  );
}
