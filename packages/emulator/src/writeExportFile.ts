/**
 * Writes one export's file: the events its filters select (up to the snapshot `max_pk`), newest
 * first, in chunks, yielding to requests between chunks. Every row passes the same faithfulness
 * check as GET /events, so a file never holds an event outside its scope or filters.
 */
import { eventFromHashed } from './eventRows.js';
import { filtersSql, type EventFilters } from './eventFilters.js';
import { exportWriter } from './exportFormats.js';
import { checkedColumnsSql, faithfulEvent, type StoredRow } from './faithfulRows.js';
import type { ExportFileStore } from './exportFiles/ExportFileStore.js';
import { statement, type Database } from './store/Database.js';
import type { ExportFormat, Scope } from './types.js';

const CHUNK = 2000;

export interface ExportWork {
  filters: EventFilters;
  scope: Scope;
  format: ExportFormat;
  maxPk: number;
  /** Where the file goes in `files`. */
  file: string;
}

export interface ExportProgress {
  /** Called once the rows are counted (before checks), then after every chunk. */
  counted(n: number): void;
  written(n: number): void;
  /** True once the emulator is closing: stop where it is. */
  stopped(): boolean;
}

/** Resolves with the number of events written, or null when stopped before the end. */
export async function writeExportFile(
  db: Database,
  files: ExportFileStore,
  work: ExportWork,
  progress: ExportProgress,
): Promise<number | null> {
  const sql = filtersSql(work.filters, work.scope);
  sql.where.push('e.pk <= ?');
  sql.params.push(work.maxPk);
  const where = sql.where.join(' AND ');
  const searching = work.filters.search !== undefined;
  const { n } = statement(db, `SELECT count(*) AS n FROM events e WHERE ${where}`).get(
    ...sql.params,
  ) as { n: number };
  progress.counted(n);

  const writer = exportWriter[work.format];
  const page = statement(
    db,
    `SELECT ${checkedColumnsSql(searching)} FROM events e
     WHERE ${where} AND (e.created_at, e.sequence, e.id) < (?, ?, ?)
     ORDER BY e.created_at DESC, e.sequence DESC, e.id DESC LIMIT ${CHUNK}`,
  );
  const out = files.create(work.file);
  try {
    out.write(writer.header);
    let position: [string, number, string] = ['\uffff', Number.MAX_SAFE_INTEGER, '\uffff'];
    let written = 0;
    for (;;) {
      if (progress.stopped()) return null;
      const rows = page.all(...sql.params, ...position) as StoredRow[];
      if (rows.length === 0) break;
      let chunk = '';
      for (const row of rows) {
        const h = faithfulEvent(row, work.scope, searching);
        if (h) chunk += writer.row(eventFromHashed(h, row.event_hash), written++);
      }
      out.write(chunk);
      const last = rows.at(-1)!;
      position = [last.created_at, last.sequence, last.id];
      progress.written(written);
      await tick(); // let requests (progress polls among them) in between chunks
    }
    out.write(writer.footer);
    out.flush();
    return written;
  } finally {
    out.close();
  }
}

/** The next turn of the event loop: setImmediate in Node (no 1 ms floor), else a timeout. */
export const tick = () =>
  new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
