import { decodeCursor, encodeCursor, fingerprint, malformedCursor } from './cursor.js';
import {
  COPIED_COLUMNS_SQL,
  columnMismatches,
  inScope,
  isSearchTextOf,
  searchText,
  type CopyMismatch,
} from './eventRows.js';
import { utf8HexUpper } from './crypto/encoding.js';
import { STORED_SEARCH_TEXT_SQL } from './eventCopies.js';
import type { Sha256Hex } from './crypto/sha256.js';
import { rawStatement, statement, type Database } from './store/Database.js';
import { formatTimestamp, type TimeRange } from './timeBounds.js';
import type { HashedEvent, Scope, VerifyBreak, VerifyResult } from './types.js';

export interface VerifyRequest {
  range: TimeRange;
  tenant_id: string | undefined;
  cursor: string | undefined;
  limit: number;
}

/**
 * An event as verify reads it — raw, as a walk reads up to 100,000 of them: the walk's columns,
 * the hashed body, the stored search text and target rows, then the copied columns from
 * COPIED_AT on (COPIED_COLUMNS order: chain, id, tenant_id, actor_id, …). No column is read
 * twice: the copies also give the id and the scope of an event whose body does not hash.
 */
type Row = [
  pk: number,
  sequence: number,
  previous: string | null,
  hash: string,
  body: string,
  searchText: unknown,
  /** The target rows as TYPED_TARGET_ROW writes them, `;` between; null for none. */
  targetRows: string | null,
  chain: unknown,
  id: string,
  tenantId: string | null,
  actorId: string,
  ...copied: unknown[],
];
const COPIED_AT = 7;

/**
 * Walks chains in sequence order, recomputing every hash and checking every link — including
 * the link from the first event in range to its predecessor. Pages by `limit` across chains.
 * An event whose body hashes right is then compared with every copy that SQL reads instead of
 * it (columns, target rows, search text): a difference is a `column_mismatch`, so no filter or
 * scope can be fooled by the database while verify says valid.
 */
export function verifyChains(
  db: Database,
  scope: Scope,
  req: VerifyRequest,
  nowMs: number,
  sha256Hex: Sha256Hex,
): VerifyResult {
  let chains: string[];
  if (scope.kind === 'viewer') {
    chains =
      req.tenant_id === undefined || req.tenant_id === scope.tenant_id ? [scope.tenant_id] : [];
  } else if (req.tenant_id !== undefined) {
    chains = [req.tenant_id];
  } else {
    chains = everyChain(db);
  }
  const fp = fingerprint(['verify', req.range, req.tenant_id ?? null, scope]);
  let chainIndex = 0;
  let afterSequence = 0;
  if (req.cursor) {
    const [chain, seq] = decodeCursor(req.cursor, fp);
    if (typeof chain !== 'string' || typeof seq !== 'number') throw malformedCursor();
    chainIndex = chains.indexOf(chain);
    if (chainIndex < 0) throw malformedCursor();
    afterSequence = seq;
  }

  // Open bounds as the extremes of the created_at format, so one statement serves every range.
  const bounds = [req.range.from ?? '', req.range.to ?? '\uffff'];
  const pageStmt = rawStatement(
    db,
    `SELECT e.pk, e.sequence, e.previous_event_hash, e.event_hash, e.body,
       ${STORED_SEARCH_TEXT_SQL},
       (SELECT group_concat(${TYPED_TARGET_ROW}, ';') FROM event_target_rows r
         WHERE r.event_pk = e.pk),
       ${COPIED_COLUMNS_SQL}
     FROM events e
     WHERE e.chain = ? AND e.sequence > ? AND e.created_at >= ? AND e.created_at <= ?
     ORDER BY e.sequence LIMIT ?`,
  );
  const predecessorStmt = rawStatement(
    db,
    'SELECT sequence, event_hash FROM events WHERE chain = ? AND sequence < ? ORDER BY sequence DESC LIMIT 1',
  );

  const breaks: VerifyBreak[] = [];
  let checked = 0;
  let head: VerifyResult['head'] = null;
  let nextCursor: string | null = null;
  const targetRowsStmt = statement(
    db,
    'SELECT position, type, id FROM event_target_rows WHERE event_pk = ? ORDER BY position',
  );

  for (; chainIndex < chains.length; chainIndex++, afterSequence = 0) {
    const chain = chains[chainIndex]!;
    const room = req.limit - checked;
    let prevSeq = 0;
    let prevHash: string | null = null;
    let walked = 0;
    let more = false;
    let last: Row | undefined;
    // Streamed, not loaded: a 100,000-event page would otherwise sit in memory at once.
    for (const row of pageStmt.iterate(
      chain,
      afterSequence,
      ...bounds,
      room + 1,
    ) as IterableIterator<Row>) {
      if (walked === room) {
        more = true; // one row more than fits: this chain continues on the next page
        break;
      }
      const [, sequence, previous, hash, body, , , , id, tenantId, actorId] = row;
      if (walked === 0) {
        const before = predecessorStmt.get(chain, sequence) as [number, string] | undefined;
        if (before) [prevSeq, prevHash] = before;
      }
      const recomputed = sha256Hex(body);
      // Only a body that hashes right was written by the server, so only then is it parsed
      // (a tampered one may not even be JSON) and trusted to say what the copies should be.
      const hashed = recomputed === hash ? (JSON.parse(body) as HashedEvent) : undefined;
      // A viewer sees ids and values only of events its scope covers — by the body when it is
      // trusted, so a forged tenant or actor column cannot show it another scope's event.
      const visible = inScope(hashed ?? { tenant_id: tenantId, actor_id: actorId }, scope);
      const eventId = visible ? id : null;
      const linkBroken = sequence !== prevSeq + 1 || previous !== prevHash;
      if (sequence !== prevSeq + 1) {
        breaks.push({
          type: 'sequence_gap',
          event_id: eventId,
          sequence,
          expected: String(prevSeq + 1),
          actual: String(sequence),
        });
      } else if (previous !== prevHash) {
        breaks.push({
          type: 'chain_mismatch',
          event_id: eventId,
          sequence,
          expected: prevHash,
          actual: previous,
        });
      }
      if (!hashed) {
        breaks.push({
          type: 'hash_mismatch',
          event_id: eventId,
          sequence,
          expected: recomputed,
          actual: hash,
        });
      } else {
        for (const m of copyMismatches(row, hashed, linkBroken)) {
          breaks.push({
            type: 'column_mismatch',
            event_id: eventId,
            sequence,
            expected: visible ? `${m.copy}=${JSON.stringify(m.expected ?? null)}` : null,
            actual: visible ? `${m.copy}=${JSON.stringify(m.actual ?? null)}` : null,
          });
        }
      }
      prevSeq = sequence;
      prevHash = hash;
      last = row;
      walked++;
    }
    checked += walked;
    if (last && chains.length === 1) head = { sequence: last[1], event_hash: last[3] };
    if (more) {
      nextCursor = encodeCursor([chain, last ? last[1] : afterSequence], fp);
      break;
    }
    if (checked >= req.limit && chainIndex + 1 < chains.length) {
      // The page is full exactly at a chain's end: continue with the next chain that has rows in range.
      const next = chains
        .slice(chainIndex + 1)
        .find((c) => pageStmt.all(c, 0, ...bounds, 1).length > 0);
      if (next !== undefined) nextCursor = encodeCursor([next, 0], fp);
      break;
    }
  }
  if (chains.length !== 1) head = null;
  return {
    valid: breaks.length === 0,
    events_checked: checked,
    complete: nextCursor === null,
    next_cursor: nextCursor,
    breaks,
    head,
    verified_at: formatTimestamp(nowMs),
  };

  /**
   * The copies of this trusted body that differ from it. sequence and previous_event_hash are
   * left out when the link check already named the event (as a gap leaves out chain_mismatch):
   * a swap or an edited link is one finding, not two.
   */
  function copyMismatches(row: Row, h: HashedEvent, linkBroken: boolean): readonly CopyMismatch[] {
    const [pk, sequence, previous, , , storedSearch, storedTargets] = row;
    const columns = columnMismatches(row, h, COPIED_AT);
    const linkCopiesAgree =
      linkBroken || (sequence === h.sequence && previous === h.previous_event_hash);
    const targetsAgree = sameTargetRows(storedTargets, h);
    const searchAgrees = isSearchTextOf(storedSearch, h);
    // Nearly every row: nothing differs, and nothing more is made.
    if (columns.length === 0 && linkCopiesAgree && targetsAgree && searchAgrees) return columns;
    const out = [...columns];
    if (!linkBroken && sequence !== h.sequence) {
      out.push({ copy: 'events.sequence', expected: h.sequence, actual: sequence });
    }
    if (!linkBroken && previous !== h.previous_event_hash) {
      out.push({
        copy: 'events.previous_event_hash',
        expected: h.previous_event_hash,
        actual: previous,
      });
    }
    if (!targetsAgree) {
      out.push({
        copy: 'event_target_rows',
        expected: h.targets.map((t, position) => ({ position, type: t.type, id: t.id })),
        actual: targetRowsStmt.all(pk),
      });
    }
    if (!searchAgrees) {
      out.push({ copy: 'events_search.text', expected: searchText(h), actual: storedSearch });
    }
    return out;
  }
}

/**
 * Every chain, in order: one index seek per chain (min above the last), where SELECT DISTINCT
 * read every entry of the index — 60 ms at 1M events, ~1 s from a cold cache, for each page.
 */
function everyChain(db: Database): string[] {
  const chains: string[] = [];
  const first = statement(db, 'SELECT min(chain) AS c FROM events');
  const after = statement(db, 'SELECT min(chain) AS c FROM events WHERE chain > ?');
  let next = (first.get() as { c: string | null }).c;
  while (next !== null) {
    chains.push(next);
    next = (after.get(next) as { c: string | null }).c;
  }
  return chains;
}

/**
 * A target row as `type:HEX` of its position, type and id (`typeof` and the hex of the UTF-8):
 * a forged value of another type (the text '0' for position 0, a number, a blob) still reads
 * as different, a NUL inside a string is kept (quote() would cut it), and nothing can make the
 * walk fail.
 */
const TYPED_TARGET_ROW = ['r.position', 'r.type', 'r.id']
  .map((c) => `typeof(${c}) || ':' || hex(${c})`)
  .join(" || ',' || ");

/** Whether the stored target rows are exactly `h`'s targets. */
function sameTargetRows(stored: string | null, h: HashedEvent): boolean {
  const typed = (v: string | number | null) =>
    v === null
      ? 'null:'
      : `${typeof v === 'number' ? 'integer' : 'text'}:${utf8HexUpper(String(v))}`;
  const expected =
    h.targets.length === 0
      ? null
      : h.targets.map((t, i) => `${typed(i)},${typed(t.type)},${typed(t.id)}`).join(';');
  if (stored === expected) return true;
  // group_concat comes in scan order — by position — but SQLite does not promise it, so a
  // difference is judged again as sets of rows (unique by position; hex holds no ',' or ';').
  if (stored === null || expected === null) return false;
  const rows = (text: string) => text.split(';').sort().join(';');
  return rows(stored) === rows(expected);
}
