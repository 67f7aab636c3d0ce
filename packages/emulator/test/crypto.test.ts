/**
 * The emulator's portable crypto and encodings (src/crypto/) give what node:crypto and Buffer
 * give, which the Node emulator used before and the browser has not.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  fromBase64Url,
  randomUuid,
  timeOrderedUuid,
  timingSafeEqual,
  toBase64Url,
  toHex,
  utf8,
  utf8HexUpper,
} from '../src/crypto/encoding.js';
import { sha256HexNode } from '../src/crypto/nodeSha256.js';
import { hmacSha256, sha256, sha256HexJs } from '../src/crypto/sha256.js';

const nodeSha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

describe('SHA-256 in JavaScript', () => {
  it('gives the FIPS 180-4 digests of the standard messages', () => {
    expect(sha256HexJs('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(sha256HexJs('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256HexJs('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto at every length around the block and padding edges', () => {
    for (let length = 0; length <= 300; length++) {
      const data = crypto.randomBytes(length);
      expect(toHex(sha256(data)), `${length} bytes`).toBe(nodeSha256(data));
    }
    const large = crypto.randomBytes(1_000_003);
    expect(toHex(sha256(large))).toBe(nodeSha256(large));
  });

  it('hashes text as its UTF-8 bytes, as the native path does', () => {
    for (const text of ['Sarah Chen', 'שרה כהן', '日本語 🎉', '\u202Enimda', 'a\u0000b']) {
      expect(sha256HexJs(text)).toBe(sha256HexNode(text));
    }
  });
});

describe('HMAC-SHA256 in JavaScript', () => {
  it('agrees with node:crypto for short, block-sized and long keys', () => {
    for (const keyLength of [0, 1, 20, 63, 64, 65, 131]) {
      const key = crypto.randomBytes(keyLength);
      const data = crypto.randomBytes(keyLength * 3 + 7);
      const expected = crypto.createHmac('sha256', key).update(data).digest('hex');
      expect(toHex(hmacSha256(key, data)), `key of ${keyLength} bytes`).toBe(expected);
    }
  });

  it('gives RFC 4231 test case 2', () => {
    const mac = hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?'));
    expect(toHex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('encodings', () => {
  it('writes base64url as Buffer does, and reads back what it wrote', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = crypto.randomBytes(length);
      const text = toBase64Url(bytes);
      expect(text).toBe(bytes.toString('base64url'));
      expect(Buffer.from(fromBase64Url(text)!)).toEqual(bytes);
    }
  });

  it('refuses what is not base64url', () => {
    for (const text of ['a', 'ab!c', 'a b', 'abc+', 'ab/c', 'abcde']) {
      expect(fromBase64Url(text), text).toBeNull();
    }
  });

  it("writes a string's UTF-8 as uppercase hex, as Buffer and SQLite's hex() do", () => {
    for (const text of [
      '',
      'doc_q4',
      'team_finance',
      'file_\u20677\u2069',
      'שרה',
      '🎉x',
      '\u0000',
    ]) {
      expect(utf8HexUpper(text), text).toBe(Buffer.from(text).toString('hex').toUpperCase());
    }
  });

  it('compares strings in full', () => {
    expect(timingSafeEqual('imk_abc', 'imk_abc')).toBe(true);
    expect(timingSafeEqual('imk_abc', 'imk_abd')).toBe(false);
    expect(timingSafeEqual('imk_abc', 'imk_ab')).toBe(false);
  });

  it('makes version 4 UUIDs', () => {
    const uuid = randomUuid();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomUuid()).not.toBe(uuid);
  });

  it('makes version 7 UUIDs that sort by their milliseconds', () => {
    const ms = Date.parse('2026-03-04T09:00:00.000Z');
    const ids = [ms, ms, ms + 1, ms + 1000, 2 ** 47].map((t) => timeOrderedUuid(t));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    // RFC 9562: the first 48 bits are the Unix time in milliseconds, big-endian.
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(2)).toEqual([...ids.slice(2)].sort());
    expect(ids[1]! < ids[2]!).toBe(true);
  });
});
