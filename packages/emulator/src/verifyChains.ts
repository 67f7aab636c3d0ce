import { decodeCursor, encodeCursor, fingerprint, malformedCursor } from './cursor.js';
import { statement, type Db } from './openDatabase.js';
import { sha256Hex } from './sha256.js';
import { formatTimestamp, type TimeRange } from './timeBounds.js';
import type { Scope, VerifyBreak, VerifyResult } from './types.js';

export interface VerifyRequest {
  range: TimeRange;
  tenant_id: string | undefined;
  cursor: string | undefined;
  limit: number;
}

type Row = [
  pk: number,
  id: string,
  actorId: string,
  sequence: number,
  prev: string | null,
  hash: string,
  body: string,
];

/**
 * Walks chains in sequence order, recomputing every hash and checking every link — including
 * the link from the first event in range to its predecessor. Pages by `limit` across chains.
 */
export function verifyChains(
  db: Db,
  scope: Scope,
  req: VerifyRequest,
  nowMs: number,
): VerifyResult {
  let chains: string[];
  if (scope.kind === 'viewer') {
    chains =
      req.tenant_id === undefined || req.tenant_id === scope.tenant_id ? [scope.tenant_id] : [];
  } else if (req.tenant_id !== undefined) {
    chains = [req.tenant_id];
  } else {
    chains = (
      statement(db, 'SELECT DISTINCT chain FROM events ORDER BY chain').all() as { chain: string }[]
    ).map((r) => r.chain);
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
  const pageStmt = statement(
    db,
    `SELECT pk, id, actor_id, sequence, previous_event_hash, event_hash, body FROM events
       WHERE chain = ? AND sequence > ? AND created_at >= ? AND created_at <= ? ORDER BY sequence LIMIT ?`,
  ).raw(true);
  const predecessorStmt = statement(
    db,
    'SELECT sequence, event_hash FROM events WHERE chain = ? AND sequence < ? ORDER BY sequence DESC LIMIT 1',
  ).raw(true);

  const breaks: VerifyBreak[] = [];
  let checked = 0;
  let head: VerifyResult['head'] = null;
  let nextCursor: string | null = null;
  const hideOthers = scope.kind === 'viewer' && scope.actor_id !== null ? scope.actor_id : null;

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
      const [, id, actorId, sequence, previous, hash, body] = row;
      if (walked === 0) {
        const before = predecessorStmt.get(chain, sequence) as [number, string] | undefined;
        if (before) [prevSeq, prevHash] = before;
      }
      const eventId = hideOthers !== null && actorId !== hideOthers ? null : id;
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
      const recomputed = sha256Hex(body);
      if (recomputed !== hash) {
        breaks.push({
          type: 'hash_mismatch',
          event_id: eventId,
          sequence,
          expected: recomputed,
          actual: hash,
        });
      }
      prevSeq = sequence;
      prevHash = hash;
      last = row;
      walked++;
    }
    checked += walked;
    if (last && chains.length === 1) head = { sequence: last[3], event_hash: last[5] };
    if (more) {
      nextCursor = encodeCursor([chain, last ? last[3] : afterSequence], fp);
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
}
