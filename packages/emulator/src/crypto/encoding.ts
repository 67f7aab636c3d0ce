/**
 * Bytes, text and randomness with what both Node and browsers have (TextEncoder, btoa/atob,
 * `crypto.getRandomValues`), so that no module outside the Node entry needs Buffer or
 * node:crypto.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A string's UTF-8 bytes (a lone surrogate becomes U+FFFD, as Buffer does). */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** UTF-8 bytes as a string (invalid sequences become U+FFFD, as Buffer does). */
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte];
  return out;
}

/** Bytes of well-formed hex (a digest): two digits a byte. */
export function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const HEX_UPPER = HEX.map((h) => h.toUpperCase());

/**
 * Uppercase hex of a string's UTF-8 bytes (SQLite's `hex()` of the text). ASCII, nearly every
 * value verify compares, is read straight from the string, with no bytes made in between.
 */
export function utf8HexUpper(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      let all = '';
      for (const byte of utf8(text)) all += HEX_UPPER[byte];
      return all;
    }
    out += HEX_UPPER[c];
  }
  return out;
}

/** Base64url without padding (RFC 4648 §5), as JWTs, cursors and signatures use it. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes of base64url text (padding optional), or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null; // a length no encoder writes (one character over a multiple of four)
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Whether two strings are equal, in time that depends only on their length. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Cryptographically random bytes. */
export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts (https,
 * localhost); a page served over plain http elsewhere still has `getRandomValues`.
 */
export function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Random bytes drawn 4 KiB at a time: one getRandomValues call per ~400 ids, not one each. */
let pool = new Uint8Array(0);
let pooled = 0;
const uuidBytes = new Uint8Array(16);
const uuidChars: number[] = new Array<number>(36).fill(0x2d); // '-' where nothing overwrites it
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * A time-ordered (version 7, RFC 9562) UUID: 48 bits of Unix milliseconds, then 74 random bits.
 * Event ids are made with the event's own `created_at`, which never decreases in write order,
 * so each new id lands at the end of the unique index on `id` instead of at a random leaf: at a
 * million events a random id dirtied a page of that index per event, read back from disk.
 * Written into one array of character codes: one string per id, not a concatenation of a dozen.
 */
export function timeOrderedUuid(ms: number): string {
  if (pooled + 10 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096));
    pooled = 0;
  }
  let time = Math.max(0, Math.min(Math.floor(ms), 2 ** 48 - 1));
  for (let i = 5; i >= 0; i--) {
    uuidBytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  uuidBytes.set(pool.subarray(pooled, (pooled += 10)), 6);
  uuidBytes[6] = 0x70 | (uuidBytes[6]! & 0x0f);
  uuidBytes[8] = 0x80 | (uuidBytes[8]! & 0x3f);
  let at = 0;
  for (let i = 0; i < 16; i++) {
    if (at === 8 || at === 13 || at === 18 || at === 23) at++;
    uuidChars[at++] = HEX_CODES[uuidBytes[i]! >> 4]!;
    uuidChars[at++] = HEX_CODES[uuidBytes[i]! & 15]!;
  }
  return String.fromCharCode(...uuidChars);
}
