import type { AuditEvent } from '@getimmutable/client';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import type { Locale } from 'date-fns';
import type { ComponentPropsWithoutRef } from 'react';
import type { AuditFilters } from '../auditFilters.js';
import type { AuditColumnDef } from './auditColumns.js';
import type { AuditCellRenderers } from './AuditTableRow.js';
import type { LiveOption } from '../live/useLiveRows.js';
import type { AuditLogTableStatus } from './useTableStatus.js';

/** The props of `AuditLogTable`; the rest go to its root `<div>`. */
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
  /**
   * Watch for new events (polling, paused while the tab is hidden) and offer them: "N new events
   * · Show" inserts them without moving the rows in view. Only on the first page (or an infinite
   * list) with rows. `{ intervalMs }` sets the pause. @default false
   */
  live?: LiveOption;
  /** The pagination landmark's accessible name, over the message; give each table on a page its own. @default messages.paginationLabel */
  paginationLabel?: string;
}
