/**
 * How long a first load may take before stand-ins fill the wait: rows that arrive sooner (a
 * cache, a fast server) paint first, alone; after it, the table's loading frame and the log's
 * filters and toolbar show while the load goes on.
 */
export const FIRST_ROWS_WAIT_MS = 100;
