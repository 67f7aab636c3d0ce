import type { AuditEvent } from '@getimmutable/client';
import { useEffect, useRef } from 'react';
import type { TableEvents } from './useTableEvents.js';

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

export interface TableStatusOptions {
  result: Pick<
    TableEvents,
    'status' | 'error' | 'pageIndex' | 'isFetching' | 'isPlaceholderData' | 'isLoadingMore'
  >;
  /** The events on screen (kept rows included) and how many rows the table has of them. */
  events: AuditEvent[];
  rowCount: number;
  onStateChange?: ((status: AuditLogTableStatus) => void) | undefined;
}

export interface TableStatus {
  state: AuditLogTableState;
  /** Rows are loading or standing in for rows that are loading (`aria-busy`). */
  busy: boolean;
}

/**
 * The table's state from its load and rows, reported to `onStateChange` after each change (for
 * composition: a parent can show counts or its own empty state).
 */
export function useTableStatus({
  result,
  events,
  rowCount,
  onStateChange,
}: TableStatusOptions): TableStatus {
  const { status, error, pageIndex } = result;
  const state: AuditLogTableState =
    status === 'pending'
      ? 'loading'
      : status === 'error'
        ? 'error'
        : rowCount === 0
          ? 'empty'
          : 'ready';

  // Reported when what it says changes, not when the parent passes a new callback: a parent
  // that stores the status in state would otherwise loop.
  const latestOnStateChange = useRef(onStateChange);
  useEffect(() => {
    latestOnStateChange.current = onStateChange;
  });
  useEffect(() => {
    latestOnStateChange.current?.({ state, events, error, pageIndex });
  }, [state, events, error, pageIndex]);

  const busy =
    state === 'loading' ||
    result.isPlaceholderData ||
    result.isLoadingMore ||
    (state === 'error' && result.isFetching);
  return { state, busy };
}
