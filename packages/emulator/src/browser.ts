/**
 * What of the emulator runs in a browser, without SQLite or Node: the deterministic seed
 * generator and the filter rules (names, `*` globs, instants). Mock servers for stories and
 * tests use these so that their data and filtering match the emulator's.
 */
export { FILTER_NAMES, type FilterName } from '@getimmutable/contract';
export { globToRegExp } from './glob.js';
export { parseInstant } from './timeBounds.js';
export { generateSeedEvents, type SeedEvent, type SeedOptions } from './generateSeedEvents.js';
