import type { AuditEvent } from '@getimmutable/contract';
import { computeEventHash } from '../computeEventHash.js';
import type { Checkpoint } from './Checkpoint.js';

/**
 * How the history differs from a checkpoint:
 * - `event_missing`: the checkpointed event is gone (or no longer readable);
 * - `event_changed`: it is there with another hash or sequence, or content that no longer
 *   hashes to the hash seen (a rewrite of it or of anything before it);
 * - `chain_shorter`: the chain now ends before the checkpoint's head (newest events deleted);
 * - `head_changed`: the chain ends at the same sequence with another hash.
 * `expected` is what the checkpoint saw, `actual` what there is now (hashes, or sequences as
 * decimal strings for `chain_shorter`).
 */
export interface CheckpointChange {
  reason: 'event_missing' | 'event_changed' | 'chain_shorter' | 'head_changed';
  /** The checkpointed event's id, when the checkpoint has one. */
  event_id: string | null;
  sequence: number;
  expected: string;
  actual: string | null;
}

/** What a viewer reads now, to compare with a checkpoint. */
export interface CurrentHistory {
  /** The head of a complete verify of the chain (null: the chain has no events). */
  head: { sequence: number; event_hash: string } | null;
  /** The checkpointed event as the server returns it now; null when it is not found. */
  event: AuditEvent | null;
}

/** Compares a checkpoint with the history now; null when consistent. Pure and synchronous. */
export function compareCheckpoint(
  checkpoint: Checkpoint,
  now: CurrentHistory,
): CheckpointChange | null {
  const seen = checkpoint.event;
  if (seen) {
    const base = { event_id: seen.id, sequence: seen.sequence, expected: seen.event_hash };
    if (!now.event) return { ...base, reason: 'event_missing', actual: null };
    const stored = now.event.integrity.event_hash;
    if (stored !== seen.event_hash || now.event.integrity.sequence !== seen.sequence)
      return { ...base, reason: 'event_changed', actual: stored };
    // The stored hash is the one seen; the content must still hash to it.
    const recomputed = computeEventHash(now.event);
    if (recomputed !== seen.event_hash)
      return { ...base, reason: 'event_changed', actual: recomputed };
  }
  const head = now.head ?? { sequence: 0, event_hash: '' };
  const then = checkpoint.head;
  if (head.sequence < then.sequence) {
    return {
      reason: 'chain_shorter',
      event_id: null,
      sequence: then.sequence,
      expected: String(then.sequence),
      actual: String(head.sequence),
    };
  }
  if (head.sequence === then.sequence && head.event_hash !== then.event_hash) {
    return {
      reason: 'head_changed',
      event_id: seen?.sequence === then.sequence ? seen.id : null,
      sequence: then.sequence,
      expected: then.event_hash,
      actual: head.event_hash,
    };
  }
  return null;
}
