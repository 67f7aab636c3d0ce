/**
 * SHA-256 and HMAC-SHA256 (RFC 2104), synchronous, for every build of the emulator.
 *
 * Why not WebCrypto's `crypto.subtle.digest`: it only answers through a promise, and the
 * emulator hashes where nothing may wait — ingest computes each event's hash inside SQLite's
 * synchronous write transaction (the hash links to the chain head that transaction read), and
 * verify recomputes hashes while a prepared statement streams the chain. The JavaScript SHA-256
 * is the contract's, the one the client's in-browser checks run (see its header for why it is
 * hand-written); Node passes its native `crypto.hash` instead (createEmulator.ts) for the hot
 * paths, and this serves the browser and the small hashes both make (cursor fingerprints, HMAC
 * signatures, the viewer-token secret). Checked against node:crypto in test/crypto.test.ts.
 */
import { sha256Hex, sha256HexOfBytes } from '@getimmutable/contract';
import { fromHex } from './encoding.js';

/** SHA-256 of a string's UTF-8 bytes, lowercase hex: how events, cursors and tests hash text. */
export type Sha256Hex = (text: string) => string;

/** {@link Sha256Hex} in JavaScript. */
export const sha256HexJs: Sha256Hex = sha256Hex;

/** The SHA-256 digest of `data` (32 bytes). */
export const sha256 = (data: Uint8Array): Uint8Array => fromHex(sha256HexOfBytes(data));

const BLOCK = 64;

/** HMAC-SHA256 of `data` under `key`. */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  const block = new Uint8Array(BLOCK);
  block.set(key.length > BLOCK ? sha256(key) : key);
  const inner = new Uint8Array(BLOCK + data.length);
  const outer = new Uint8Array(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(data, BLOCK);
  outer.set(sha256(inner), BLOCK);
  return sha256(outer);
}
