import { canonicalize } from '@getimmutable/contract';
import { statement, type Database } from './store/Database.js';

export type TamperAction =
  | { kind: 'edit'; id: string }
  | { kind: 'delete'; id: string }
  | { kind: 'swap'; id: string; other: string };

interface Row {
  pk: number;
  chain: string;
  sequence: number;
  body: string;
}

/**
 * Changes stored rows behind the server's back — what an attacker with database access might
 * do — so verify can be seen catching it. Returns a sentence saying what changed.
 * - edit: rewrites the stored content (the action and a metadata flag), keeping the old hash
 *   (the columns filters read follow, being generated from the content);
 * - delete: removes the row, leaving a gap in the chain;
 * - swap: exchanges two events' places in their chain.
 */
export function tamper(db: Database, action: TamperAction): string {
  const find = (id: string): Row => {
    const row = statement(db, 'SELECT pk, chain, sequence, body FROM events WHERE id = ?').get(
      id,
    ) as Row | undefined;
    if (!row) throw new Error(`No event with id ${id} in this database.`);
    return row;
  };
  switch (action.kind) {
    case 'edit': {
      const row = find(action.id);
      const content = JSON.parse(row.body) as Record<string, unknown>;
      const before = String(content.action);
      content.action = before.endsWith('.viewed')
        ? before.replace(/viewed$/, 'edited')
        : `${before.split('.')[0]}.viewed`;
      content.metadata = { ...(content.metadata as object), note: 'changed after the fact' };
      statement(db, 'UPDATE events SET body = ? WHERE pk = ?').run(canonicalize(content), row.pk);
      return `Edited event ${action.id} (sequence ${row.sequence}): action ${before} → ${String(content.action)}; its stored hash is unchanged.`;
    }
    case 'delete': {
      const row = find(action.id);
      db.transaction(() => {
        statement(db, 'DELETE FROM events WHERE pk = ?').run(row.pk);
        statement(db, 'DELETE FROM event_target_rows WHERE event_pk = ?').run(row.pk);
        statement(db, 'DELETE FROM events_search WHERE rowid = ?').run(row.pk);
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
