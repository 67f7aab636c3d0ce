import type { VerifyBreakType } from '@getimmutable/contract';

/** Where a record sits in the file: NDJSON lines count from 1, JSON array elements from 0. */
export interface ExportPosition {
  /** The 1-based line of an NDJSON export; null for a JSON array. */
  line: number | null;
  /** The 0-based element index of a JSON array export; null for NDJSON. */
  index: number | null;
}

/**
 * A break, named as the server's verify names it (`hash_mismatch`, `chain_mismatch`,
 * `sequence_gap`), plus one only a file can have: `out_of_order`, an event listed after an older
 * event of its chain (the server writes newest first), so lines were moved.
 */
export interface ExportBreak extends ExportPosition {
  type: Exclude<VerifyBreakType, 'column_mismatch'> | 'out_of_order';
  event_id: string;
  /** The chain the event is in: its tenant, or null for the events without one. */
  tenant_id: string | null;
  sequence: number;
  /**
   * `hash_mismatch`: the recomputed hash; `chain_mismatch`: the predecessor's hash (null at
   * sequence 1); `sequence_gap`: the sequence the walk expected next; `out_of_order`: the
   * sequence of the chain's previous line, which this one should be below.
   */
  expected: string | null;
  /** The stored hash, `previous_event_hash`, or this event's sequence (decimal). */
  actual: string | null;
}

/** One chain as the file holds it. */
export interface ExportChain {
  tenant_id: string | null;
  events: number;
  /** The lowest sequence in the file: above 1, the file starts after the chain's first event. */
  first_sequence: number;
  /** The event with the highest sequence. */
  head: { sequence: number; event_hash: string; event_id: string };
}

/** An event a receipt names, or the event the file holds in its place. */
export interface ReceiptEvent {
  /** Null when the receipt has no event (then its head is compared). */
  id: string | null;
  sequence: number;
  event_hash: string;
}

/**
 * The file against a receipt (a saved checkpoint), on the receipt's tenant chain:
 * - `consistent`: the receipt's event is in the file with the same sequence, hash and id;
 * - `ends_before`: the file's chain ends before that sequence (consistent; it cannot tell more);
 * - `starts_after`: the file's chain starts after it (a later time range; it cannot tell more);
 * - `inconsistent`: another hash or id at that sequence, the id at another sequence, or no event
 *   there although the file covers it.
 */
export interface ReceiptCheck {
  status: 'consistent' | 'ends_before' | 'starts_after' | 'inconsistent';
  tenant_id: string;
  expected: ReceiptEvent;
  /** What the file holds: at the receipt's sequence, or where the receipt's id is; else null. */
  actual: (ReceiptEvent & ExportPosition) | null;
  /** One sentence for people. */
  message: string;
}

/** Why a file cannot be verified, and where. */
export interface ExportProblem extends ExportPosition {
  /** Names the line or index: `line 12: duplicate key "action" in event.metadata`. */
  message: string;
}

/**
 * The outcome of verifying an export offline. `valid`: every event hashes right, every link of
 * every chain holds, and the receipt (if given) is not contradicted; `broken`: a break or an
 * inconsistent receipt; `unusable`: the file cannot be read as an export (see `problem`).
 */
export interface ExportReport {
  status: 'valid' | 'broken' | 'unusable';
  /** Null when the file was unusable before its format was known. */
  format: 'json' | 'ndjson' | null;
  /** Events read (up to the problem, when unusable). */
  events: number;
  /** Bytes read. */
  bytes: number;
  /** In file order. */
  breaks: ExportBreak[];
  /** Sorted by tenant, the chain without a tenant first. */
  chains: ExportChain[];
  receipt: ReceiptCheck | null;
  problem: ExportProblem | null;
}

/** What `onProgress` is told as the file is read. */
export interface ExportProgress {
  bytes: number;
  events: number;
}
