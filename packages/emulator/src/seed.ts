import type { EventStore } from './EventStore.js';
import { validationError, type FieldErrors } from './HttpError.js';
import { generateSeedEvents, type SeedEvent, type SeedOptions } from './generateSeedEvents.js';
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
  return ingestSeedEvents(emulator.events, generateSeedEvents(count, options));
}

/**
 * Writes seed events (generated, and perhaps changed since) through the normal ingest path, each
 * at its own time, in batches of 100; returns how many were new.
 */
export function ingestSeedEvents(events: Pick<EventStore, 'ingest'>, seeded: SeedEvent[]): number {
  let written = 0;
  for (let i = 0; i < seeded.length; i += 100) {
    const batch = seeded.slice(i, i + 100);
    const errors: FieldErrors = {};
    const payloads = batch.map((s) => validatePayload(s.payload, errors));
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const results = events.ingest(payloads, (j) => batch[j]!.at);
    written += results.filter((r) => !r.replay).length;
  }
  return written;
}
