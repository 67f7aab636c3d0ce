import type { EventStore } from './EventStore.js';
import { validationError, type FieldErrors } from './HttpError.js';
import { seedEventStream, type SeedEvent, type SeedOptions } from './generateSeedEvents.js';
import { validatePayload } from './validatePayload.js';

export { generateSeedEvents, type SeedEvent, type SeedOptions } from './generateSeedEvents.js';

/**
 * Writes `count` generated events through the normal ingest path (validation, chain, alerts),
 * in batches of 100. Idempotency keys make a second run on the same database a no-op.
 */
export function seedEmulator(
  emulator: { events: Pick<EventStore, 'ingest'> },
  count: number,
  options: SeedOptions = {},
): number {
  return ingestSeedEvents(emulator.events, seedEventStream(count, options));
}

/**
 * Writes seed events (generated, and perhaps changed since) through the normal ingest path, each
 * at its own time, in batches of 100; returns how many were new.
 */
export function ingestSeedEvents(
  events: Pick<EventStore, 'ingest'>,
  seeded: Iterable<SeedEvent>,
): number {
  let written = 0;
  const batch: SeedEvent[] = [];
  for (const event of seeded) {
    batch.push(event);
    if (batch.length === 100) written += ingestBatch(events, batch.splice(0));
  }
  if (batch.length > 0) written += ingestBatch(events, batch);
  return written;
}

function ingestBatch(events: Pick<EventStore, 'ingest'>, batch: SeedEvent[]): number {
  const errors: FieldErrors = {};
  const payloads = batch.map((s) => validatePayload(s.payload, errors));
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const results = events.ingest(payloads, (j) => batch[j]!.at);
  return results.filter((r) => !r.replay).length;
}
