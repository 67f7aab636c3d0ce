import type { Database } from './store/Database.js';

/**
 * The host's own setImmediate, taken when this module loads: a test's fake timers installed
 * later must not hold the server's writes back. Absent in browsers, where each write commits
 * on its own (one page's requests are not concurrent enough to gain anything).
 */
const immediate: ((run: () => void) => unknown) | undefined = (
  globalThis as { setImmediate?: (run: () => void) => unknown }
).setImmediate;

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes that arrive together commit together. Items queued in the same turn of the event loop
 * (concurrent requests, read from their sockets in one poll) run one after another in one
 * IMMEDIATE transaction; a lone item runs in a transaction of its own. A commit costs much the
 * same whatever it holds — SQLite writes each page the group dirtied once, and FTS5 flushes its
 * pending terms once — so requests committed together cost less than one by one. Not
 * savepoints: FTS5 flushes at every savepoint, which undid the gain.
 *
 * `write` runs one item inside whatever transaction is open; `writeAlone` runs it in its own.
 * Each item stays all-or-nothing: when anything in a group throws (or the commit fails), the
 * group is rolled back and each item is written again on its own, so only the item at fault
 * fails. A promise resolves only after its commit, so what a response acknowledges is durable.
 */
export function groupCommits<T, R>(
  db: Database,
  write: (item: T) => R,
  writeAlone: (item: T) => R,
): (item: T) => Promise<R> {
  let queue: Pending<T, R>[] = [];
  const writeGroup = db.transaction((group: Pending<T, R>[]) => group.map((p) => write(p.item)));
  const flush = () => {
    const group = queue;
    queue = [];
    if (group.length > 1) {
      let results: R[] | undefined;
      try {
        results = writeGroup.immediate(group);
      } catch {
        // Rolled back as a whole: each item again on its own, below, so one fault fails one.
      }
      if (results) return results.forEach((result, i) => group[i]!.resolve(result));
    }
    for (const p of group) settle(p, () => writeAlone(p.item));
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      const pending = { item, resolve, reject };
      if (!immediate) return settle(pending, () => writeAlone(item));
      queue.push(pending);
      if (queue.length === 1) immediate(flush);
    });
}

function settle<R>(p: Pending<unknown, R>, run: () => R): void {
  try {
    p.resolve(run());
  } catch (error) {
    p.reject(error);
  }
}
