import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonicalize.js';

const dir = new URL('../test/fixtures/rfc8785/', import.meta.url);
const vectors = fs.readdirSync(new URL('input/', dir)).filter((f) => f.endsWith('.json'));

describe('canonicalize (RFC 8785)', () => {
  it('has all six RFC 8785 vectors to test against', () => {
    expect(vectors.sort()).toEqual([
      'arrays.json',
      'french.json',
      'structures.json',
      'unicode.json',
      'values.json',
      'weird.json',
    ]);
  });

  it.each(vectors)('writes %s byte for byte as the RFC output', (name) => {
    const input = JSON.parse(fs.readFileSync(new URL(`input/${name}`, dir), 'utf8')) as unknown;
    const expected = fs.readFileSync(new URL(`output/${name}`, dir));
    expect(Buffer.from(canonicalize(input), 'utf8').equals(expected)).toBe(true);
  });

  it('sorts keys by UTF-16 code units, not integer-like keys first', () => {
    expect(
      canonicalize({ 10: 'a', 9: 'b', b: 1, a: 2, '\u00e9': 3, '\ud83d\ude00': 4, '\uffff': 5 }),
    ).toBe('{"10":"a","9":"b","a":2,"b":1,"é":3,"😀":4,"\uffff":5}');
  });

  it('writes numbers as JavaScript does', () => {
    expect(canonicalize([1.0, -0, 1e-7, 1e21, 0.1 + 0.2, 123456789012345680000])).toBe(
      '[1,0,1e-7,1e+21,0.30000000000000004,123456789012345680000]',
    );
  });

  it('escapes keys and strings that need it', () => {
    expect(canonicalize({ 'a"b': '\u0001\n\\', 'line\nbreak': true })).toBe(
      '{"a\\"b":"\\u0001\\n\\\\","line\\nbreak":true}',
    );
  });

  it('drops undefined members and writes undefined array items as null, as JSON does', () => {
    expect(canonicalize({ a: undefined, b: [undefined, null] })).toBe('{"b":[null,null]}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalize(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalize({ a: Infinity })).toThrow(TypeError);
    expect(() => canonicalize(10n)).toThrow(TypeError);
    expect(() => canonicalize(() => 1)).toThrow(TypeError);
  });
});
