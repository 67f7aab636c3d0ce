import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery.js';

const NOW = Date.parse('2026-03-08T12:00:00.000Z');
const utc = (text: string) => parseQuery(text, { timeZone: 'UTC', now: NOW });

describe('parseQuery', () => {
  it('reads the whole example into the API filters, free words and phrases in order', () => {
    const { filters, errors } = utc(
      'actor:alice action:document.* resource:invoice resource_id:inv_42 target:folder:f_1 ' +
        'session:sess_9 after:2026-03-01 before:"2026-03-05 18:00" "quoted words" free words',
    );
    expect(errors).toEqual([]);
    expect(filters).toEqual({
      actor_id: 'alice',
      action: 'document.*',
      resource: 'invoice',
      resource_id: 'inv_42',
      target_type: 'folder',
      target_id: 'f_1',
      session_id: 'sess_9',
      search: 'quoted words free words',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-05T18:00:59.999Z',
    });
  });

  it.each([
    ['actor:user_alice', { actor_id: 'user_alice' }],
    ['action:*.deleted', { action: '*.deleted' }],
    ['resource:document', { resource: 'document' }],
    ['resource_id:doc_1', { resource_id: 'doc_1' }],
    ['target:team', { target_type: 'team' }],
    ['target:team:team_1:a', { target_type: 'team', target_id: 'team_1:a' }],
    ['target:"shared drive":"id 1"', { target_type: 'shared drive', target_id: 'id 1' }],
    ['target_type:team', { target_type: 'team' }],
    ['target_id:team_1', { target_id: 'team_1' }],
    ['session:sess_1', { session_id: 'sess_1' }],
    ['tenant:org_acme', { tenant_id: 'org_acme' }],
    ['after:2026-03-01', { from: '2026-03-01T00:00:00.000Z' }],
    ['before:2026-03-01', { to: '2026-03-01T23:59:59.999Z' }],
    ['invoice', { search: 'invoice' }],
  ])('reads %s', (text, filters) => {
    expect(utc(text)).toMatchObject({ filters, errors: [] });
  });

  it('reads the API names of keys too, in any case', () => {
    expect(utc('ACTOR_ID:a Session_Id:s from:2026-03-01 to:2026-03-02').filters).toEqual({
      actor_id: 'a',
      session_id: 's',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T23:59:59.999Z',
    });
  });

  it('undoes quotes and escapes in values, and keeps a quoted key:value as search text', () => {
    expect(utc('actor:"Sarah \\"S\\" Chen" "actor:bob" a\\b').filters).toEqual({
      actor_id: 'Sarah "S" Chen',
      search: 'actor:bob a\\b',
    });
  });

  it('gives every term its key, value, raw text and place', () => {
    expect(utc('  actor:"a b"  target:t:1 word').terms).toEqual([
      {
        key: 'actor',
        value: 'a b',
        raw: 'actor:"a b"',
        start: 2,
        end: 13,
        filters: { actor_id: 'a b' },
      },
      {
        key: 'target',
        value: 't:1',
        raw: 'target:t:1',
        start: 15,
        end: 25,
        filters: { target_type: 't', target_id: '1' },
      },
      { key: 'text', value: 'word', raw: 'word', start: 26, end: 30, filters: { search: 'word' } },
    ]);
  });

  it('reads an empty query as no filters', () => {
    expect(utc('   ')).toEqual({ filters: {}, terms: [], errors: [] });
  });

  describe('errors, each naming the term', () => {
    it('an unknown key, listing the keys', () => {
      const { errors, filters } = utc('acter:bob action:a');
      expect(errors).toEqual([
        {
          code: 'unknown-key',
          term: 'acter:bob',
          start: 0,
          end: 9,
          message:
            'Unknown key "acter" in "acter:bob" — keys: actor, action, resource, resource_id, ' +
            'target, target_type, target_id, session, tenant, after, before',
        },
      ]);
      // The rest still parses, but a caller sends nothing while there is an error.
      expect(filters).toEqual({ action: 'a' });
    });

    it('a key for a filter the caller does not allow, listing only the allowed keys', () => {
      const { errors } = parseQuery('tenant:org_a', { fields: ['actor_id', 'search'] });
      expect(errors[0]?.message).toBe('Unknown key "tenant" in "tenant:org_a" — keys: actor');
    });

    it('a repeated key: the API takes one actor', () => {
      const { errors, filters } = utc('actor:alice actor:bob');
      expect(errors).toMatchObject([
        {
          code: 'repeated-key',
          term: 'actor:bob',
          start: 12,
          end: 21,
          message: '"actor:bob" repeats "actor:alice": the API takes one value per filter',
        },
      ]);
      expect(filters).toEqual({ actor_id: 'alice' });
    });

    it('a target id set twice, by target: and target_id:', () => {
      expect(utc('target:team:t1 target_id:t2').errors).toMatchObject([
        { code: 'repeated-key', term: 'target_id:t2' },
      ]);
    });

    it.each(['after:2026-02-30', 'after:yesterdayish', 'before:"2026-03-05 24:00"', 'after:-7y'])(
      'a bad date: %s',
      (text) => {
        expect(utc(text).errors).toMatchObject([
          {
            code: 'bad-date',
            term: text,
            message: expect.stringContaining(`"${text}" is not a date`),
          },
        ]);
      },
    );

    it('an empty value', () => {
      expect(utc('actor: resource:"  "').errors).toMatchObject([
        { code: 'empty-value', term: 'actor:', message: '"actor:" needs a value after the colon' },
        { code: 'empty-value', term: 'resource:"  "' },
      ]);
    });

    it('a target id without a type', () => {
      expect(utc('target::t1').errors).toMatchObject([{ code: 'empty-value', term: 'target::t1' }]);
    });

    it('an unclosed quote', () => {
      expect(utc('actor:a "two words').errors).toMatchObject([
        { code: 'unclosed-quote', term: '"two words', start: 8, end: 18 },
      ]);
    });

    it('after: later than before:', () => {
      expect(utc('after:2026-03-05 before:2026-03-04').errors).toMatchObject([
        {
          code: 'range-order',
          term: 'before:2026-03-04',
          message: '"after:2026-03-05" is later than "before:2026-03-04"',
        },
      ]);
    });

    it('free words where search is not allowed', () => {
      expect(parseQuery('invoice', { fields: ['actor_id'] }).errors).toMatchObject([
        { code: 'unknown-key', term: 'invoice' },
      ]);
    });
  });
});
