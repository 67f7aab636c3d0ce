import { describe, expect, it } from 'vitest';
import { JsonArrayElements } from './JsonArrayElements.js';

/** Splits `text` fed `size` characters at a time. */
function split(text: string, size: number): string[] {
  const elements: string[] = [];
  const splitter = new JsonArrayElements((element, index) => {
    expect(index).toBe(elements.length);
    elements.push(element);
  });
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size));
  splitter.end();
  return elements;
}

describe('JsonArrayElements', () => {
  const tricky = [
    { s: 'a,b]c}{[', t: 'quote \\" and backslash \\\\' },
    { nested: [[1, 2], { x: [] }], e: '' },
    { u: '\u2028 é 🙂', n: -1.5e-7 },
  ];
  const text = JSON.stringify(tricky, null, 1);

  it.each([1, 2, 3, 7, 1000])(
    'finds the same elements fed %i characters at a time, whatever strings hold',
    (size) => {
      expect(split(text, size).map((e) => JSON.parse(e))).toEqual(tricky);
    },
  );

  it('trims the white space around each element', () => {
    expect(split('[ {"a":1} ,\n{"b":2}\n]', 4)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('reads an empty array', () => {
    expect(split('\uFEFF [ \n ] \n', 2)).toEqual([]);
  });

  it('leaves an element that does not parse to JSON.parse, split where the commas are', () => {
    expect(split('[{"a":1}}, 2]', 3)).toEqual(['{"a":1}}', '2']);
  });
});
