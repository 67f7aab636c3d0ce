/**
 * @getimmutable/contract — the Immutable API's contract (docs/api.md) as one zero-dependency
 * definition: its names, its limits, its wire types, the JSON canonicalization its hashes
 * cover and the SHA-256 that makes them, and what a JSON object is (`isRecord`) to those that read
 * it. The client, the kit, the emulator and the stories import it; nothing here does I/O.
 */
export * from './names.js';
export * from './limits.js';
export type * from './wireTypes.js';
export { canonicalize, canonicalMembers, sortKeys } from './canonicalize.js';
export { sha256Hex, sha256HexOfBytes } from './sha256.js';
export { isRecord } from './isRecord.js';
