/**
 * The one check every listing read applies — GET /events pages and export files: a stored row
 * counts only if its hashed body agrees with the copies the query filtered on, with the search
 * text it matched, and with the caller's scope. The copies are generated from the body, so they
 * differ only in a file whose schema was rewritten; such a row is left out rather than shown
 * under a filter, or in a scope, that its content does not have (verify names it).
 */
import {
  COPIED_COLUMNS,
  COPIED_COLUMNS_SQL,
  columnMismatches,
  inScope,
  isSearchTextOf,
  parseBody,
} from './eventRows.js';
import { STORED_SEARCH_TEXT_SQL } from './eventCopies.js';
import type { HashedEvent, Scope } from './types.js';

/** A row selected with `checkedColumnsSql`. */
export interface StoredRow {
  body: string;
  event_hash: string;
  sequence: number;
  created_at: string;
  id: string;
  search_text?: unknown;
  [copy: string]: unknown;
}

/** What a read selects from `events e` to check its rows (the search text only when searching). */
export function checkedColumnsSql(searching: boolean): string {
  const search = searching ? `, ${STORED_SEARCH_TEXT_SQL} AS search_text` : '';
  return `e.body, e.event_hash, e.sequence, ${COPIED_COLUMNS_SQL}${search}`;
}

/** The row's hashed body when it is faithful (see above), else undefined. */
export function faithfulEvent(
  row: StoredRow,
  scope: Scope,
  searching: boolean,
): HashedEvent | undefined {
  const h = parseBody(row.body);
  if (h === undefined || !inScope(h, scope)) return undefined;
  const copies = COPIED_COLUMNS.map((column) => row[column]);
  if (columnMismatches(copies, h).length > 0) return undefined;
  if (searching && !isSearchTextOf(row.search_text, h)) return undefined;
  return h;
}
