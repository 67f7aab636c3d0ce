/**
 * The bare reference the kit is compared with (bench/README.md, "Kit vs bare reference"): the same
 * TanStack stack — react-query for the fetch, react-table for the rows, react-virtual in infinite
 * mode — with the kit's columns as plain text, over the same fake client's promise-returning
 * `events.list`. No hashing, no filters, no toolbar, no live region, no formatting.
 *
 * react-table and react-virtual are the kit's copies, dependencies of packages/react (the root
 * package has only react-query): `virtual:kit/<package>` resolves a package from packages/react
 * (bench/lib/page.mjs), so the bench needs no dependency of its own and uses the kit's versions.
 */
import type { AuditEvent, Page, ViewerClient } from '@getimmutable/client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  type ColumnDef,
  createColumnHelper,
  tableFeatures,
  useTable,
} from 'virtual:kit/@tanstack/react-table';
import { useVirtualizer } from 'virtual:kit/@tanstack/react-virtual';
import { useRef } from 'react';

/** The kit's row height estimate, overscan and infinite-mode view height (useVirtualRows, AuditLogTable). */
const ROW_HEIGHT = 44;
const OVERSCAN = 8;
const VIEW_HEIGHT = 480;

const features = tableFeatures({});
const column = createColumnHelper<typeof features, AuditEvent>();

/**
 * The kit's default columns (auditColumns.tsx) as plain text, by column id: the reference's cells,
 * and the kit's own in the plain-cells diagnostic (`renderCell`), so both show the same text.
 */
export const PLAIN_TEXT: ReadonlyArray<
  readonly [id: string, header: string, text: (e: AuditEvent) => string]
> = [
  ['time', 'Time', (e) => e.created_at],
  ['actor', 'Actor', (e) => e.actor_name ?? e.actor_id],
  ['action', 'Action', (e) => e.action],
  ['resource', 'Resource', (e) => e.resource_name ?? e.resource_id ?? e.resource ?? ''],
  ['targets', 'Targets', (e) => e.targets.map((t) => t.name ?? t.id ?? t.type).join(', ')],
  [
    'location',
    'Location',
    (e) => [e.context?.country, e.context?.ip_address].filter(Boolean).join(' '),
  ],
  ['integrity', 'Integrity', () => ''],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of any value type mix in one list
const columns: ColumnDef<typeof features, AuditEvent, any>[] = PLAIN_TEXT.map(
  ([id, header, text]) => column.accessor(text, { id, header }),
);

/** The reference's infinite query key, filled by the page before an 'infinite' mount. */
export const referencePagesKey = (pageSize: number) => ['reference', 'eventPages', pageSize];

const cellStyle = { padding: '8px 12px', whiteSpace: 'nowrap' } as const;

function Grid({
  events,
  window: shown,
}: {
  events: AuditEvent[];
  window?: { start: number; end: number; before: number; after: number };
}) {
  const table = useTable({ features, columns, data: events, getRowId: (e) => e.id });
  const rows = table.getRowModel().rows;
  const start = shown?.start ?? 0;
  const end = shown?.end ?? rows.length;
  const spacer = (height: number) =>
    height > 0 ? (
      <tr aria-hidden="true">
        <td colSpan={columns.length} style={{ height, padding: 0 }} />
      </tr>
    ) : null;
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} style={cellStyle}>
                {String(header.column.columnDef.header)}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {spacer(shown?.before ?? 0)}
        {rows.slice(start, end).map((row, i) => (
          <tr
            key={row.id}
            data-event-id={row.id}
            data-index={start + i}
            style={{ height: ROW_HEIGHT }}
          >
            {row.getAllCells().map((cell) => (
              <td key={cell.id} style={cellStyle}>
                {String(cell.getValue() ?? '')}
              </td>
            ))}
          </tr>
        ))}
        {spacer(shown?.after ?? 0)}
      </tbody>
    </table>
  );
}

function PagedReference({ client, pageSize }: { client: ViewerClient; pageSize: number }) {
  const { data } = useQuery({
    queryKey: ['reference', 'events', pageSize],
    queryFn: () => client.events.list({ limit: pageSize }),
  });
  return data ? <Grid events={data.data} /> : null;
}

function InfiniteReference({ client, pageSize }: { client: ViewerClient; pageSize: number }) {
  const { data } = useInfiniteQuery({
    queryKey: referencePagesKey(pageSize),
    queryFn: ({ pageParam }): Promise<Page<AuditEvent>> =>
      client.events.list({ limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pagination.has_more ? last.pagination.next_cursor : null),
  });
  const events = data?.pages.flatMap((p) => p.data) ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 1280, height: VIEW_HEIGHT },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const total = virtualizer.getTotalSize();
  return (
    <div ref={scrollRef} style={{ blockSize: VIEW_HEIGHT, overflow: 'auto' }}>
      {first && last ? (
        <Grid
          events={events}
          window={{
            start: first.index,
            end: last.index + 1,
            before: first.start,
            after: total - last.end,
          }}
        />
      ) : null}
    </div>
  );
}

/** The reference table: `mode` and `pageSize` as `<AuditLog>`'s. */
export function ReferenceTable({
  client,
  mode,
  pageSize,
}: {
  client: ViewerClient;
  mode: 'pages' | 'infinite';
  pageSize: number;
}) {
  return mode === 'infinite' ? (
    <InfiniteReference client={client} pageSize={pageSize} />
  ) : (
    <PagedReference client={client} pageSize={pageSize} />
  );
}
