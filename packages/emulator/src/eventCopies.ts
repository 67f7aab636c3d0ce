import { searchText } from './eventRows.js';
import { statement, type Database } from './store/Database.js';
import type { HashedEvent } from './types.js';

/**
 * The stored search text of the event `e` (a query on `events e`), as a scalar subquery. Read
 * from the FTS5 table's content table, `events_search_content` (FTS5 names it so: its column
 * `c0` is the text, `id` the rowid), which is what `SELECT text FROM events_search WHERE rowid =`
 * reads too, without a virtual-table call per row: verify's walk reads one for every event, and
 * on 100k events it cost 0.87 CPU µs per row through the virtual table, 0.53 straight from the
 * content table.
 */
export const STORED_SEARCH_TEXT_SQL =
  '(SELECT s.c0 FROM events_search_content s WHERE s.id = e.pk)';

/**
 * The copies of an event that live outside its row of `events` (the columns there are generated
 * from body): one target row per target, and the search text. Written here only — by ingest
 * and by the tamper command's rewrite — so the two cannot disagree on what a copy is.
 */
export function writeEventCopies(db: Database, pk: number | bigint, h: HashedEvent): void {
  const insertTarget = statement(
    db,
    'INSERT INTO event_target_rows (event_pk, position, type, id) VALUES (?, ?, ?, ?)',
  );
  h.targets.forEach((t, i) => insertTarget.run(pk, i, t.type, t.id));
  statement(db, 'INSERT INTO events_search (rowid, text) VALUES (?, ?)').run(pk, searchText(h));
}

/** Removes every copy `writeEventCopies` made for the event with this pk. */
export function deleteEventCopies(db: Database, pk: number | bigint): void {
  statement(db, 'DELETE FROM event_target_rows WHERE event_pk = ?').run(pk);
  statement(db, 'DELETE FROM events_search WHERE rowid = ?').run(pk);
}
