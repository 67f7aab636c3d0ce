import { readChanges, type AuditEvent, type IntegrityCheck } from '@getimmutable/client';
import {
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
  type ColumnDef,
} from '@tanstack/react-table';
import type { Locale } from 'date-fns';
import { formatAbsolute, formatRelative, zoneLabel } from '../formatTime.js';
import type { CoreMessages } from '../messages/coreMessages.js';
import { revealHidden } from '../revealHidden.js';
import { integrityMarks } from './integrityMarks.js';
import { TimeCell } from './TimeCell.js';

/** What every cell and header can read from `table.options.meta`. */
export interface AuditTableMeta {
  messages: CoreMessages;
  locale: Locale | undefined;
  timeZone: string;
  /** The clock relative times are measured against (ticks every 30 s). */
  now: number;
  /** Whether absolute times may be formatted yet (their formatter is made after the first paint). */
  absoluteReady: boolean;
  /** Integrity checks of the rows on screen, by event id; a row without one is still pending. */
  integrity: ReadonlyMap<string, IntegrityCheck>;
  /** The checks' code could not load: a row without a check is not being checked. */
  integrityUnavailable: boolean;
  /** Links to the neighbour are shown only for an unfiltered list (a filtered page has gaps). */
  showLinks: boolean;
  /** Prefix of row element ids: a row's id is `rowIdPrefix + event.id`. */
  rowIdPrefix: string;
}

/** Per-column extras: the label in the Columns menu, and whether it is the row's time column. */
export interface AuditColumnMeta {
  /** The column's name in the Columns menu (a string, or read from the messages). */
  label?: string | ((messages: CoreMessages) => string);
  /** Marks the column whose absolute time describes the row (aria-describedby). */
  describesRow?: boolean;
}

export const auditTableFeatures = tableFeatures({
  columnVisibilityFeature,
  tableMeta: {} as AuditTableMeta,
  columnMeta: {} as AuditColumnMeta,
});

export type AuditTableFeatures = typeof auditTableFeatures;

/** A column of `AuditLogTable`: build one with `auditColumnHelper`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of any value type mix in one list
export type AuditColumnDef = ColumnDef<AuditTableFeatures, AuditEvent, any>;

/**
 * Typed helper for custom columns of `AuditLogTable` (TanStack Table's column helper).
 * @example
 * const country = auditColumnHelper.accessor((e) => e.context?.country ?? '', {
 *   id: 'country', header: 'Country',
 * });
 * <AuditLogTable extraColumns={[country]} />
 */
export const auditColumnHelper = createColumnHelper<AuditTableFeatures, AuditEvent>();

const meta = (table: { options: { meta?: AuditTableMeta } }): AuditTableMeta => table.options.meta!;

// Cell text is the event writer's, so each piece is a bidi isolate with its hidden characters
// shown (see UserText); the isolate is the styled element itself, not a wrapper around one. These
// are plain functions, not components: a row has 7 cells, and the rows are most of the DOM and
// of the render.

/** Quieter text beside a cell's main value. */
const secondary = (text: string) => (
  <bdi className="imv-table__secondary" data-slot="table-secondary">
    {revealHidden(text)}
  </bdi>
);

/** A cell's main value. */
const primary = (text: string) => <bdi data-slot="table-primary">{revealHidden(text)}</bdi>;

const timeColumn = auditColumnHelper.accessor('created_at', {
  id: 'time',
  header: ({ table }) => {
    const { messages, timeZone } = meta(table);
    return `${messages.columnTime} ${messages.timeZoneSuffix(zoneLabel(timeZone))}`;
  },
  cell: ({ row, table }) => {
    const m = meta(table);
    const iso = row.original.created_at;
    const zone = `${m.messages.timeZoneSuffix(zoneLabel(m.timeZone))}`;
    return (
      <TimeCell
        iso={iso}
        // Never before the event: a fresh server stamp must not read "in 2 seconds".
        relative={formatRelative(iso, Math.max(m.now, Date.parse(iso) || 0), m.locale)}
        absolute={m.absoluteReady ? `${formatAbsolute(iso, m.timeZone, m.locale)} ${zone}` : ''}
        tooltipId={`${m.rowIdPrefix}${row.original.id}-time`}
      />
    );
  },
  meta: { label: (m) => m.columnTime, describesRow: true },
});

const actorColumn = auditColumnHelper.accessor((e) => e.actor_name ?? e.actor_id, {
  id: 'actor',
  header: ({ table }) => meta(table).messages.columnActor,
  cell: ({ row }) => {
    const e = row.original;
    return (
      <>
        {primary(e.actor_name ?? e.actor_id)}
        {e.actor_name ? secondary(e.actor_id) : null}
      </>
    );
  },
  meta: { label: (m) => m.columnActor },
});

const actionColumn = auditColumnHelper.accessor('action', {
  id: 'action',
  header: ({ table }) => meta(table).messages.columnAction,
  cell: ({ row, table }) => {
    // An update that records what it changed says how much, here; the drawer shows the diff.
    const changed = readChanges(row.original.metadata)?.length ?? 0;
    return (
      <>
        <bdi className="imv-table__action" data-slot="table-action">
          {revealHidden(row.original.action)}
        </bdi>
        {changed > 0 ? (
          <span className="imv-table__secondary" data-slot="table-changes">
            {meta(table).messages.changesCount(changed)}
          </span>
        ) : null}
      </>
    );
  },
  meta: { label: (m) => m.columnAction },
});

const resourceColumn = auditColumnHelper.accessor(
  (e) => e.resource_name ?? e.resource_id ?? e.resource ?? '',
  {
    id: 'resource',
    header: ({ table }) => meta(table).messages.columnResource,
    cell: ({ row, table }) => {
      const e = row.original;
      const name = e.resource_name ?? e.resource_id;
      if (!e.resource && !name) return meta(table).messages.none;
      return (
        <>
          {e.resource ? secondary(e.resource) : null}
          {name ? primary(name) : null}
        </>
      );
    },
    meta: { label: (m) => m.columnResource },
  },
);

const MAX_TARGETS = 2;
const targetsColumn = auditColumnHelper.accessor(
  (e) => e.targets.map((t) => t.name ?? t.id ?? t.type).join(', '),
  {
    id: 'targets',
    header: ({ table }) => meta(table).messages.columnTargets,
    cell: ({ row, table }) => {
      const { messages } = meta(table);
      const targets = row.original.targets;
      if (targets.length === 0) return messages.none;
      const shown = targets.slice(0, MAX_TARGETS);
      return (
        <>
          {shown.map((t, i) => (
            <span
              key={`${t.type}:${t.id ?? i}`}
              className="imv-table__target"
              data-slot="table-target"
            >
              {secondary(t.type)}{' '}
              {t.name || t.id ? <bdi>{revealHidden(t.name || t.id!)}</bdi> : null}
            </span>
          ))}
          {targets.length > MAX_TARGETS
            ? secondary(messages.moreTargets(targets.length - MAX_TARGETS))
            : null}
        </>
      );
    },
    meta: { label: (m) => m.columnTargets },
  },
);

const locationColumn = auditColumnHelper.accessor(
  (e) => [e.context?.country, e.context?.ip_address].filter(Boolean).join(' '),
  {
    id: 'location',
    header: ({ table }) => meta(table).messages.columnLocation,
    cell: ({ row, table }) => {
      const context = row.original.context;
      if (!context?.country && !context?.ip_address) return meta(table).messages.none;
      return (
        <>
          {context.country ? primary(context.country) : null}
          {context.ip_address ? secondary(context.ip_address) : null}
        </>
      );
    },
    meta: { label: (m) => m.columnLocation },
  },
);

const integrityColumn = auditColumnHelper.display({
  id: 'integrity',
  header: ({ table }) => meta(table).messages.columnIntegrity,
  cell: ({ row, table }) => {
    const m = meta(table);
    // Called, not mounted (no hooks): see plainCells.
    return integrityMarks(
      m.integrity.get(row.original.id),
      m.showLinks,
      m.messages,
      m.integrityUnavailable,
    );
  },
  meta: { label: (m) => m.columnIntegrity },
});

/**
 * The default columns, in order: time, actor, action, resource, targets, location, integrity.
 * Reuse them to compose your own list: `columns={[...defaultAuditColumns.slice(0, 3), mine]}`.
 */
export const defaultAuditColumns: readonly AuditColumnDef[] = [
  timeColumn,
  actorColumn,
  actionColumn,
  resourceColumn,
  targetsColumn,
  locationColumn,
  integrityColumn,
];

/**
 * The default columns' cells: plain functions of the cell's context, with no hooks, so a row calls
 * them instead of mounting each as a component (two fibers a cell fewer: 350 on a page of 25).
 * A custom column's cell may use hooks, so it is mounted (`FlexRender`).
 */
export const plainCells: ReadonlySet<unknown> = new Set(defaultAuditColumns.map((c) => c.cell));

/** The column's name for the Columns menu. */
export function columnLabel(
  column: { id: string; columnDef: { header?: unknown; meta?: AuditColumnMeta } },
  messages: CoreMessages,
): string {
  const label = column.columnDef.meta?.label;
  if (typeof label === 'function') return label(messages);
  if (typeof label === 'string') return label;
  return typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
}
