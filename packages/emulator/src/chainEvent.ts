import { canonicalEvent } from './canonicalEvent.js';
import { timeOrderedUuid } from './crypto/encoding.js';
import type { Sha256Hex } from './crypto/sha256.js';
import { formatTimestamp } from './timeBounds.js';
import type { EventFields, HashedEvent } from './types.js';

/** The newest event of a chain: what the next one links to. */
export interface ChainHead {
  sequence: number;
  event_hash: string;
}

/**
 * How an event joins its chain: a new id (time-ordered: see timeOrderedUuid), its time, the
 * link to the chain's head (none for the first) and the next sequence; then the JCS text that is stored and hashed, and its SHA-256.
 * The one definition for ingest (EventStore) and for anything that builds real chains without
 * the database (the benchmarks). `sha256Hex` is Node's native one or the JavaScript one.
 * `stored` is what parsing `body` back would give, when canonicalEvent had it at hand.
 */
export function chainEvent(
  fields: EventFields,
  head: ChainHead | undefined,
  ms: number,
  sha256Hex: Sha256Hex,
): { hashed: HashedEvent; body: string; eventHash: string; stored: HashedEvent | undefined } {
  const hashed: HashedEvent = {
    id: timeOrderedUuid(ms),
    ...fields,
    created_at: formatTimestamp(ms),
    previous_event_hash: head?.event_hash ?? null,
    sequence: (head?.sequence ?? 0) + 1,
  };
  const { text: body, parsed: stored } = canonicalEvent(hashed);
  return { hashed, body, eventHash: sha256Hex(body), stored };
}
