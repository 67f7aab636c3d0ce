import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonicalize.js';

const vectors = path.join(import.meta.dirname, '../test/fixtures/rfc8785');

describe('canonicalize (RFC 8785)', () => {
  const names = fs.readdirSync(path.join(vectors, 'input'));

  it('has the six RFC vectors to check against', () => {
    expect(names.sort()).toEqual([
      'arrays.json',
      'french.json',
      'structures.json',
      'unicode.json',
      'values.json',
      'weird.json',
    ]);
  });

  for (const name of names) {
    it(`writes ${name} byte for byte as the RFC's reference output`, () => {
      const input = JSON.parse(
        fs.readFileSync(path.join(vectors, 'input', name), 'utf8'),
      ) as unknown;
      const expected = fs.readFileSync(path.join(vectors, 'output', name));
      expect(Buffer.from(canonicalize(input), 'utf8').equals(expected)).toBe(true);
    });
  }

  it('sorts integer-like keys as strings, not in numeric order', () => {
    expect(canonicalize({ 10: 'b', 2: 'c', a: 'd', 1: 'a' })).toBe(
      '{"1":"a","10":"b","2":"c","a":"d"}',
    );
  });

  it('writes numbers as JavaScript does', () => {
    expect(canonicalize([1.0, 1e-7, 1e21, -0, 0.1 + 0.2])).toBe(
      '[1,1e-7,1e+21,0,0.30000000000000004]',
    );
  });

  it('refuses non-finite numbers instead of writing null', () => {
    expect(() => canonicalize({ x: Number.NaN })).toThrow(/non-finite/);
  });
});
