import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexOfBytes } from './sha256.js';

/** A deterministic PRNG so failures reproduce. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

const alphabet = [
  'a',
  'Z',
  '0',
  ' ',
  '"',
  '\\',
  '\n',
  'é',
  'ß',
  '€',
  '中',
  '😀',
  '\u0000',
  '\ud800',
  '\udc00',
  '\uffff',
];

function randomText(next: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

const node = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the FIPS 180 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto on every length around the block boundaries', () => {
    for (let n = 0; n <= 300; n++)
      expect(sha256Hex('x'.repeat(n)), `length ${n}`).toBe(node('x'.repeat(n)));
  });

  it('matches node:crypto on 2,000 random Unicode strings, lone surrogates included', () => {
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const text = randomText(next, Math.floor(next() * 400));
      expect(sha256Hex(text), JSON.stringify(text)).toBe(node(text));
    }
  });

  it('matches WebCrypto on random strings and on large inputs', async () => {
    const next = random(11);
    const texts = Array.from({ length: 200 }, () => randomText(next, Math.floor(next() * 2000)));
    texts.push('y'.repeat(100_000), '€'.repeat(70_000));
    for (const text of texts) {
      const digest = await crypto.webcrypto.subtle.digest(
        'SHA-256',
        new TextEncoder().encode(text),
      );
      expect(sha256Hex(text)).toBe(Buffer.from(digest).toString('hex'));
    }
  });
});

describe('sha256HexOfBytes', () => {
  it('matches node:crypto on random bytes of every length around the block boundaries, and large', () => {
    for (let n = 0; n <= 300; n++) {
      const data = crypto.randomBytes(n);
      expect(sha256HexOfBytes(data), `${n} bytes`).toBe(
        crypto.createHash('sha256').update(data).digest('hex'),
      );
    }
    const large = crypto.randomBytes(1_000_003);
    expect(sha256HexOfBytes(large)).toBe(crypto.createHash('sha256').update(large).digest('hex'));
  });

  it('leaves no trace in the next text hash (one buffer serves both)', () => {
    sha256HexOfBytes(crypto.randomBytes(5_000));
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
