import type { AuditEvent } from '@getimmutable/client';
import { useState } from 'react';
import type { TableEvents } from './useTableEvents.js';

/** One empty list for every empty state, so `onStateChange` and the row model don't churn. */
const NO_EVENTS: AuditEvent[] = [];

export interface ShownEventsOptions {
  result: Pick<TableEvents, 'status' | 'events' | 'filters'>;
  /** With the filters, what the rows answer: rows of another query are never kept. */
  pageSize: number;
  mode: 'pages' | 'infinite';
}

/**
 * The events to show. When a load fails, the rows last shown for the same filters, page size and
 * mode stay on screen under the error, so a failed next page does not blank the table (never rows
 * of another query, which would read as its answer).
 */
export function useShownEvents({ result, pageSize, mode }: ShownEventsOptions): AuditEvent[] {
  const key = `${JSON.stringify(result.filters)}|${pageSize}|${mode}`;
  // Starts with the rows a cached query already holds: storing them below on the first render
  // would render the whole table twice before its first paint.
  const [shown, setShown] = useState(() => ({
    key,
    events: result.events.length > 0 ? result.events : NO_EVENTS,
  }));
  // Stored during render (React's pattern for state that follows props): no effect, no extra commit.
  if (result.events.length > 0 && (shown.key !== key || shown.events !== result.events)) {
    setShown({ key, events: result.events });
  }
  if (result.events.length > 0) return result.events;
  return result.status === 'error' && shown.key === key ? shown.events : NO_EVENTS;
}
