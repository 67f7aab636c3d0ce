import type { AuditEvent, VerifyResult } from '@getimmutable/contract';
import { isImmutableError } from '../ImmutableError.js';
import type { ViewerClient, CallOptions } from '../createViewerClient.js';
import { CHECKPOINT_KIND, CHECKPOINT_VERSION, type Checkpoint } from './Checkpoint.js';
import type { CheckpointStore } from './CheckpointStore.js';
import { compareCheckpoint, type CheckpointChange } from './compareCheckpoint.js';

type Reader = Pick<ViewerClient, 'events' | 'scope'>;

/**
 * What a verify did to the scope's checkpoint:
 * - `recorded`: there was none; this verify's head is the first;
 * - `consistent`: the history still holds the checkpoint; it now moves to this verify's head;
 * - `changed`: it does not; the stored checkpoint is kept (only accepting replaces it)
 *   and `current` is what accepting would store;
 * - `empty`: the chain has no events and there was no checkpoint: nothing to keep;
 * - `unavailable`: no checkpoint could be read or kept (the store failed, or the token names no
 *   tenant); the verify result stands on its own.
 */
export type CheckpointOutcome =
  | { status: 'recorded'; checkpoint: Checkpoint }
  | { status: 'consistent'; checkpoint: Checkpoint; previous: Checkpoint }
  | {
      status: 'changed';
      checkpoint: Checkpoint;
      change: CheckpointChange;
      /** Null when the chain is now empty: there is nothing to accept until events come back. */
      current: Checkpoint | null;
    }
  | { status: 'empty' }
  | { status: 'unavailable'; error: Error };

/** A thrown value's message: a DOMException from another realm is not `instanceof Error`. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The event as the server returns it now, or null when it answers 404. */
async function readEvent(client: Reader, id: string, options: CallOptions) {
  try {
    return (await client.events.get(id, options)).data;
  } catch (error) {
    if (isImmutableError(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * A checkpoint of a complete, valid verify: its head, anchored on the newest event the viewer
 * can read up to the verify's end (the head itself, unless an actor-scoped viewer cannot see it).
 */
export async function takeCheckpoint(
  client: Reader,
  result: VerifyResult,
  options: CallOptions = {},
): Promise<Checkpoint> {
  if (!result.head) throw new TypeError('takeCheckpoint needs a verify result with a head.');
  const scope = await client.scope();
  const page = await client.events.list({ to: result.verified_at, limit: 1 }, options);
  const newest: AuditEvent | undefined = page.data[0];
  const anchored =
    newest &&
    (newest.integrity.sequence < result.head.sequence ||
      (newest.integrity.sequence === result.head.sequence &&
        newest.integrity.event_hash === result.head.event_hash));
  return {
    kind: CHECKPOINT_KIND,
    version: CHECKPOINT_VERSION,
    scope,
    head: { sequence: result.head.sequence, event_hash: result.head.event_hash },
    event: anchored
      ? {
          id: newest.id,
          sequence: newest.integrity.sequence,
          event_hash: newest.integrity.event_hash,
        }
      : null,
    verified_at: result.verified_at,
  };
}

/**
 * Checks a checkpoint (a stored one, or a receipt) against the server now: its event is fetched
 * and re-hashed here, and `head` (from a complete verify) must not be shorter or different.
 * Null when consistent.
 */
export async function checkCheckpoint(
  client: Reader,
  checkpoint: Checkpoint,
  head: VerifyResult['head'],
  options: CallOptions = {},
): Promise<CheckpointChange | null> {
  const event = checkpoint.event ? await readEvent(client, checkpoint.event.id, options) : null;
  return compareCheckpoint(checkpoint, { head, event });
}

/**
 * After a verify that ended valid and complete: compare with the scope's stored checkpoint, and
 * record or advance it when the history still holds it. A verify with no head (no events walked)
 * is compared only when it walked the whole chain (`fromStart`): a chain emptied since the
 * checkpoint is then a change. A server failure rejects; a store failure resolves `unavailable`.
 */
export async function reconcileCheckpoint(
  client: Reader,
  store: CheckpointStore,
  result: VerifyResult,
  options: CallOptions & { fromStart?: boolean } = {},
): Promise<CheckpointOutcome> {
  if (!result.head && !options.fromStart)
    throw new TypeError('reconcileCheckpoint needs a head, or a verify of the whole chain.');
  const unavailable = (error: unknown): CheckpointOutcome => ({
    status: 'unavailable',
    error: error instanceof Error ? error : new Error(messageOf(error), { cause: error }),
  });
  let stored: Checkpoint | null;
  try {
    stored = await store.get(await client.scope());
  } catch (error) {
    return unavailable(error);
  }
  if (!result.head) {
    if (!stored) return { status: 'empty' };
    const change = await checkCheckpoint(client, stored, null, options);
    return change
      ? { status: 'changed', checkpoint: stored, change, current: null }
      : { status: 'empty' };
  }
  const current = await takeCheckpoint(client, result, options);
  if (stored) {
    const change = await checkCheckpoint(client, stored, result.head, options);
    if (change) return { status: 'changed', checkpoint: stored, change, current };
  }
  try {
    await store.set(current);
  } catch (error) {
    return unavailable(error);
  }
  return stored
    ? { status: 'consistent', checkpoint: current, previous: stored }
    : { status: 'recorded', checkpoint: current };
}
