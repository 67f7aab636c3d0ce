import { canonicalize } from '@getimmutable/contract';
import { sha256HexJs, type Sha256Hex } from './crypto/sha256.js';
import { deleteEventCopies } from './eventCopies.js';
import { rewriteChain } from './rewriteChain.js';
import { statement, type Database } from './store/Database.js';
import type { HashedEvent } from './types.js';

export type TamperAction =
  | { kind: 'edit'; id: string }
  | { kind: 'rewrite'; id: string }
  | { kind: 'delete'; id: string }
  | { kind: 'swap'; id: string; other: string };

interface Row {
  pk: number;
  chain: string;
  sequence: number;
  body: string;
  event_hash: string;
}

/** The edit both edit and rewrite make: another action, and a note in the metadata. */
function changeContent(content: HashedEvent): { before: string; after: string } {
  const before = String(content.action);
  content.action = before.endsWith('.viewed')
    ? before.replace(/viewed$/, 'edited')
    : `${before.split('.')[0]}.viewed`;
  content.metadata = { ...content.metadata, note: 'changed after the fact' };
  return { before, after: content.action };
}

/**
 * Changes stored rows behind the server's back — what an attacker with database access might
 * do — so verify can be seen catching it. Returns a sentence saying what changed.
 * - edit: rewrites the stored content (the action and a metadata flag), keeping the old hash
 *   (the columns filters read follow, being generated from the content);
 * - rewrite: the same edit as a full rewrite — the event's hash and every later hash of its
 *   chain recomputed and every stored copy updated, in one transaction — so that verify finds
 *   nothing: what only a checkpoint (a head kept elsewhere) can catch;
 * - delete: removes the row, leaving a gap in the chain;
 * - swap: exchanges two events' places in their chain.
 */
export function tamper(
  db: Database,
  action: TamperAction,
  sha256Hex: Sha256Hex = sha256HexJs,
): string {
  const find = (id: string): Row => {
    const row = statement(
      db,
      'SELECT pk, chain, sequence, body, event_hash FROM events WHERE id = ?',
    ).get(id) as Row | undefined;
    if (!row) throw new Error(`No event with id ${id} in this database.`);
    return row;
  };
  switch (action.kind) {
    case 'edit': {
      const row = find(action.id);
      const content = JSON.parse(row.body) as HashedEvent;
      const { before, after } = changeContent(content);
      statement(db, 'UPDATE events SET body = ? WHERE pk = ?').run(canonicalize(content), row.pk);
      return `Edited event ${action.id} (sequence ${row.sequence}): action ${before} → ${after}; its stored hash is unchanged.`;
    }
    case 'rewrite': {
      // Found before the transaction: an unknown id changes nothing.
      const row = find(action.id);
      const content = JSON.parse(row.body) as HashedEvent;
      const { before, after } = changeContent(content);
      const at = { pk: row.pk, chain: row.chain, sequence: row.sequence, oldHash: row.event_hash };
      const done = db.transaction(() => rewriteChain(db, at, content, sha256Hex)).immediate();
      return (
        `Rewrote event ${action.id} (sequence ${row.sequence}) in chain "${row.chain}": action ` +
        `${before} → ${after}; its hash ${done.oldHash} → ${done.newHash}, and ` +
        `${done.later} later event${done.later === 1 ? '' : 's'} rehashed, so verify finds no break.`
      );
    }
    case 'delete': {
      const row = find(action.id);
      db.transaction(() => {
        statement(db, 'DELETE FROM events WHERE pk = ?').run(row.pk);
        deleteEventCopies(db, row.pk);
      })();
      return `Deleted event ${action.id} (sequence ${row.sequence}) from chain "${row.chain}".`;
    }
    case 'swap': {
      const a = find(action.id);
      const b = find(action.other);
      if (a.chain !== b.chain)
        throw new Error('Both events of a swap must be in the same chain (tenant).');
      if (a.pk === b.pk) throw new Error('A swap needs two different events.');
      db.transaction(() => {
        const set = statement(db, 'UPDATE events SET sequence = ? WHERE pk = ?');
        set.run(-1, a.pk);
        set.run(a.sequence, b.pk);
        set.run(b.sequence, a.pk);
      })();
      return `Swapped events ${action.id} and ${action.other}: now at sequences ${b.sequence} and ${a.sequence}.`;
    }
  }
}
