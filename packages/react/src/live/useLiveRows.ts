import type { AuditEvent } from '@getimmutable/client';
import { useRef, type RefObject } from 'react';
import type { AuditFilters } from '../auditFilters.js';
import { useIsomorphicLayoutEffect } from '../useIsomorphicLayoutEffect.js';
import { useLiveTail, type LiveTailState } from './useLiveTail.js';

/** `live` on the table: on with the default interval, or the interval to poll at. */
export type LiveOption = boolean | { intervalMs?: number };

export interface LiveRowsOptions {
  live: LiveOption | undefined;
  filters: AuditFilters;
  /** The rows shown, newest first. */
  events: readonly AuditEvent[];
  /** Only the first page (or an infinite list) shows the newest events to watch beyond. */
  atNewest: boolean;
  /** Refetches the list from its first page. */
  refetch(): void;
  /** The element that scrolls the rows: the infinite list's container, else the page. */
  scrollRef: RefObject<HTMLElement | null>;
}

interface Anchor {
  id: string;
  top: number;
  newest: string | undefined;
}

const rowOf = (root: ParentNode, id: string) =>
  root.querySelector<HTMLElement>(`[data-slot="table-row"][data-event-id="${CSS.escape(id)}"]`);

/**
 * The table's live tail: watches for newer events (useLiveTail) and, when the reader asks,
 * refetches the list and keeps the row at the top of their view where it was — rows inserted
 * above it push the scroll position down by their height, so nothing the reader is looking at
 * moves.
 */
export function useLiveRows({
  live,
  filters,
  events,
  atNewest,
  refetch,
  scrollRef,
}: LiveRowsOptions): { tail: LiveTailState; showNew(): void } {
  const tail = useLiveTail({
    filters,
    newest: atNewest ? events[0] : undefined,
    enabled: Boolean(live),
    ...(typeof live === 'object' && live.intervalMs ? { intervalMs: live.intervalMs } : {}),
  });
  const anchor = useRef<Anchor | null>(null);

  useIsomorphicLayoutEffect(() => {
    const pending = anchor.current;
    if (!pending || events[0]?.id === pending.newest) return; // not refetched yet
    anchor.current = null;
    const container = scrollRef.current;
    const row = container ? rowOf(container, pending.id) : null;
    if (!container || !row) return;
    const moved = row.getBoundingClientRect().top - pending.top;
    if (moved === 0) return;
    // An infinite list scrolls in its container; a page of rows scrolls with the page.
    if (container.scrollHeight > container.clientHeight) container.scrollTop += moved;
    else container.ownerDocument.defaultView?.scrollBy(0, moved);
  }, [events, scrollRef]);

  const showNew = () => {
    const container = scrollRef.current;
    if (container) {
      // The first row whose bottom is in view: the one the reader is looking at.
      const view = container.getBoundingClientRect();
      const top = Math.max(view.top, 0);
      const rows = container.querySelectorAll<HTMLElement>('[data-slot="table-row"]');
      for (const row of rows) {
        const box = row.getBoundingClientRect();
        const id = row.getAttribute('data-event-id');
        if (box.bottom > top && id) {
          anchor.current = { id, top: box.top, newest: events[0]?.id };
          break;
        }
      }
    }
    refetch();
  };
  return { tail, showNew };
}
