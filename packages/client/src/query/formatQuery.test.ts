import { describe, expect, it } from 'vitest';
import { formatQuery, quoteQueryValue } from './formatQuery.js';
import { parseQuery } from './parseQuery.js';

describe('formatQuery', () => {
  it('writes every filter in the filter bar order, dates in the zone, search words last', () => {
    expect(
      formatQuery(
        {
          search: 'quoted words',
          to: '2026-03-05T23:00:59.999Z',
          from: '2026-03-01T05:00:00.000Z',
          session_id: 'sess_9',
          target_id: 'f_1',
          target_type: 'folder',
          resource_id: 'inv_42',
          resource: 'invoice',
          action: 'document.*',
          actor_id: 'alice',
        },
        { timeZone: 'America/New_York' },
      ),
    ).toBe(
      'actor:alice action:document.* resource:invoice resource_id:inv_42 target:folder:f_1 ' +
        'session:sess_9 after:2026-03-01 before:"2026-03-05 18:00" quoted words',
    );
  });

  it('quotes and escapes values with spaces, quotes or (in a target type) colons', () => {
    expect(
      formatQuery({ actor_id: 'Sarah "S" Chen', target_type: 'a:b', target_id: 'c d\\' }),
    ).toBe('actor:"Sarah \\"S\\" Chen" target:"a:b":"c d\\\\"');
  });

  it('writes a target id alone with target_id:', () => {
    expect(formatQuery({ target_id: 't1' })).toBe('target_id:t1');
  });

  it('quotes search words that would read as keys, and irregular spacing as one phrase', () => {
    expect(formatQuery({ search: 'actor:bob say "hi"' })).toBe('"actor:bob" say "\\"hi\\""');
    expect(formatQuery({ search: 'two  spaces' })).toBe('"two  spaces"');
  });

  it('writes only the filters asked for', () => {
    expect(formatQuery({ actor_id: 'a', tenant_id: 't' }, { fields: ['actor_id'] })).toBe(
      'actor:a',
    );
  });

  it('keeps the spelling of earlier terms while the filters still hold what they set', () => {
    const now = Date.parse('2026-03-08T12:00:00.000Z');
    const { filters, terms } = parseQuery('after:-7d actor:"alice" two words', {
      timeZone: 'UTC',
      now,
    });
    expect(formatQuery(filters, { timeZone: 'UTC', spelling: terms })).toBe(
      'actor:"alice" after:-7d two words',
    );
    // A filter changed elsewhere is written anew; the others keep their spelling.
    expect(
      formatQuery(
        { ...filters, actor_id: 'bob', search: 'other' },
        { timeZone: 'UTC', spelling: terms },
      ),
    ).toBe('actor:bob after:-7d other');
  });

  it('writes nothing for no filters', () => {
    expect(formatQuery({ search: '  ' })).toBe('');
  });
});

describe('quoteQueryValue', () => {
  it('leaves plain values bare', () => {
    expect(quoteQueryValue('document.*')).toBe('document.*');
    expect(quoteQueryValue('a:b')).toBe('a:b');
  });

  it('quotes empty values, spaces and quotes', () => {
    expect(quoteQueryValue('')).toBe('""');
    expect(quoteQueryValue('a\tb')).toBe('"a\tb"');
    expect(quoteQueryValue('a"b')).toBe('"a\\"b"');
  });
});
