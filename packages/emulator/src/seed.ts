import type { Emulator } from './createEmulator.js';
import { validationError, type FieldErrors } from './HttpError.js';
import { generateSeedEvents, type SeedOptions } from './generateSeedEvents.js';
import { validatePayload } from './validatePayload.js';

export { generateSeedEvents, type SeedOptions } from './generateSeedEvents.js';

/**
 * Writes `count` generated events through the normal ingest path (validation, chain, alerts),
 * in batches of 100. Idempotency keys make a second run on the same database a no-op.
 */
export function seedEmulator(
  emulator: Pick<Emulator, 'events'>,
  count: number,
  options: SeedOptions = {},
): number {
  const seeded = generateSeedEvents(count, options);
  let written = 0;
  for (let i = 0; i < seeded.length; i += 100) {
    const batch = seeded.slice(i, i + 100);
    const errors: FieldErrors = {};
    const payloads = batch.map((s) => validatePayload(s.payload, errors));
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const results = emulator.events.ingest(payloads, (j) => batch[j]!.at);
    written += results.filter((r) => !r.replay).length;
  }
  return written;
}
