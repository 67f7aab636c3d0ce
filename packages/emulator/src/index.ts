/** @getimmutable/emulator — the Immutable audit-log API on SQLite, for local development and CI. */
export {
  createEmulator,
  generateApiKey,
  type Emulator,
  type EmulatorOptions,
} from './createEmulator.js';
export { canonicalize } from '@getimmutable/contract';
export { generateSeedEvents, seedEmulator, type SeedOptions } from './seed.js';
export { tamper, type TamperAction } from './tamper.js';
export type * from './types.js';
