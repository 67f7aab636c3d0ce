import { canonicalize } from '@getimmutable/contract';
import type { Sha256Hex } from './crypto/sha256.js';
import { deleteEventCopies, writeEventCopies } from './eventCopies.js';
import { statement, type Database } from './store/Database.js';
import type { HashedEvent } from './types.js';

/** Later events are read this many at a time: a long chain never sits in memory at once. */
const PAGE = 1000;

export interface Rewritten {
  oldHash: string;
  newHash: string;
  /** How many later events of the chain were rehashed. */
  later: number;
}

/**
 * Stores `content` as the event at `pk` the way the server would have written it, then relinks
 * every later event of its chain: each gets the previous one's new hash as previous_event_hash
 * (in its body and its column) and its own new hash. Every copy the server reads is rewritten
 * (the columns follow body, being generated; target rows and search text are written anew), so
 * verify finds nothing. The caller runs it in one transaction.
 */
export function rewriteChain(
  db: Database,
  at: { pk: number; chain: string; sequence: number; oldHash: string },
  content: HashedEvent,
  sha256Hex: Sha256Hex,
): Rewritten {
  const update = statement(
    db,
    'UPDATE events SET body = ?, event_hash = ?, previous_event_hash = ? WHERE pk = ?',
  );
  const body = canonicalize(content);
  const newHash = sha256Hex(body);
  update.run(body, newHash, content.previous_event_hash, at.pk);
  deleteEventCopies(db, at.pk);
  writeEventCopies(db, at.pk, content);

  // Read a page, then write it: a statement may not be mid-walk while the table changes.
  const laterPage = statement(
    db,
    `SELECT pk, sequence, body FROM events WHERE chain = ? AND sequence > ?
      ORDER BY sequence LIMIT ${PAGE}`,
  );
  let previousHash = newHash;
  let afterSequence = at.sequence;
  let later = 0;
  for (;;) {
    const rows = laterPage.all(at.chain, afterSequence) as {
      pk: number;
      sequence: number;
      body: string;
    }[];
    for (const row of rows) {
      const next = { ...(JSON.parse(row.body) as HashedEvent), previous_event_hash: previousHash };
      const nextBody = canonicalize(next);
      previousHash = sha256Hex(nextBody);
      update.run(nextBody, previousHash, next.previous_event_hash, row.pk);
      afterSequence = row.sequence;
      later++;
    }
    if (rows.length < PAGE) break;
  }
  return { oldHash: at.oldHash, newHash, later };
}
