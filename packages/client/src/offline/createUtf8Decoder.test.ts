import { describe, expect, it } from 'vitest';
import { createUtf8Decoder } from './createUtf8Decoder.js';

const TEXT = 'plain, é, ✓, 🙂 and 𝄞: one to four bytes each; '.repeat(20);
const BYTES = new TextEncoder().encode(TEXT);

describe.each([
  ['Node', () => createUtf8Decoder()],
  ['TextDecoder', () => createUtf8Decoder(null)],
])('createUtf8Decoder (%s)', (_name, create) => {
  it.each([1, 2, 3, 5, 64])('decodes text cut every %i bytes, characters cut apart', (size) => {
    const decoder = create();
    let text = '';
    for (let i = 0; i < BYTES.length; i += size)
      text += decoder.decode(BYTES.subarray(i, i + size));
    decoder.end();
    expect(text).toBe(TEXT);
  });

  it('throws on bytes that are not UTF-8, even split across pieces', () => {
    expect(() => create().decode(new Uint8Array([0x61, 0xff, 0x62]))).toThrow();
    const decoder = create();
    decoder.decode(new Uint8Array([0x61, 0xe2, 0x9c]));
    expect(() => decoder.decode(new Uint8Array([0x41]))).toThrow();
  });

  it('throws at the end when the input ends inside a character', () => {
    const decoder = create();
    expect(decoder.decode(new Uint8Array([0x61, 0xf0, 0x9f]))).toBe('a');
    expect(() => decoder.end()).toThrow();
  });
});
