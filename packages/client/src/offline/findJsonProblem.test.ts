import { describe, expect, it } from 'vitest';
import { findJsonProblem } from './findJsonProblem.js';

describe('findJsonProblem', () => {
  it('accepts what JSON.parse reads exactly, however it is spaced', () => {
    const text =
      '{ "a" : [ 1 , 2.5e3 , -0 , 9007199254740992 , -9007199254740992 ] ,\n "b" : { } }';
    expect(findJsonProblem(text)).toBeNull();
  });

  it('names a duplicate key and where the object is', () => {
    expect(findJsonProblem('{"a":{"b":[{"c":1,"c":2}]}}')).toBe(
      'duplicate key "c" in event.a.b[0]',
    );
    expect(findJsonProblem('{"x-y":{"k":1,"\\u006b":2}}')).toBe(
      'duplicate key "k" in event["x-y"]',
    );
  });

  it('does not take the same key in sibling objects for a duplicate', () => {
    expect(findJsonProblem('[{"a":1},{"a":2},{"b":{"a":3}}]')).toBeNull();
  });

  it('does not take a string value for a key', () => {
    expect(findJsonProblem('{"a":"a","b":"a"}')).toBeNull();
  });

  it.each([
    ['9007199254740993', 'is rounded to 2^53'],
    ['9007199254740994', 'is exact but beyond what the server accepts'],
    ['9007199254740992.0', 'is 2^53 written another way'],
    ['1e400', 'is Infinity to JSON.parse'],
    ['-1.8e16', 'is beyond -2^53'],
  ])('names the number %s, which %s', (number) => {
    expect(findJsonProblem(`{"m":[0,{"n":${number}}]}`)).toBe(
      `number ${number} at event.m[1].n is beyond 2^53 (JSON.parse would round it)`,
    );
  });
});
