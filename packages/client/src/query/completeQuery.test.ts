import type { AuditEvent } from '@getimmutable/contract';
import { describe, expect, it } from 'vitest';
import { completeQuery } from './completeQuery.js';
import { queryVocabulary } from './queryVocabulary.js';

const event = (actor_id: string, actor_name: string | null, action: string) =>
  ({ actor_id, actor_name, action, resource: 'document', targets: [{ type: 'folder' }] }) as
    AuditEvent | never;

const vocabulary = queryVocabulary([
  event('user_alice', 'Alice Smith', 'document.viewed'),
  event('user_bob', 'Bob Jones', 'document.deleted'),
  event('svc_billing', null, 'billing.invoice_paid'),
  event('user_alice', null, 'auth.login'),
]);

const labels = (text: string, caret = text.length, all = false) =>
  completeQuery(text, caret, { vocabulary, all }).map((c) => c.label);

describe('queryVocabulary', () => {
  it('collects distinct actors (with the name seen), actions, resources and target types', () => {
    expect(vocabulary).toEqual({
      actors: [
        { id: 'svc_billing', name: null },
        { id: 'user_alice', name: 'Alice Smith' },
        { id: 'user_bob', name: 'Bob Jones' },
      ],
      actions: ['auth.login', 'billing.invoice_paid', 'document.deleted', 'document.viewed'],
      resources: ['document'],
      targetTypes: ['folder'],
    });
  });
});

describe('completeQuery', () => {
  it('offers the keys that start with the word typed', () => {
    expect(labels('ac')).toEqual(['actor:', 'action:']);
    expect(labels('invoice a')).toEqual(['actor:', 'action:', 'after:']);
    expect(labels('zz')).toEqual([]);
  });

  it('offers every key at no word only when asked, and not keys already used', () => {
    expect(labels('')).toEqual([]);
    expect(labels('actor:x ', 8, true)).not.toContain('actor:');
    expect(labels('actor:x ', 8, true)).toContain('action:');
  });

  it('leaves the caret after the colon of an accepted key', () => {
    expect(completeQuery('x ac y', 4)[0]).toEqual({
      kind: 'key',
      label: 'actor:',
      text: 'x actor: y',
      caret: 8,
    });
  });

  it('offers actors by id or by name, and accepts the id', () => {
    expect(labels('actor:')).toEqual(['svc_billing', 'user_alice', 'user_bob']);
    const [alice] = completeQuery('actor:smi', 9, { vocabulary });
    expect(alice).toEqual({
      kind: 'value',
      label: 'user_alice',
      detail: 'Alice Smith',
      text: 'actor:user_alice ',
      caret: 17,
    });
  });

  it('offers actions and their category wildcards, those starting with the text first', () => {
    expect(labels('action:doc')).toEqual(['document.*', 'document.deleted', 'document.viewed']);
    expect(labels('action:paid')).toEqual(['billing.invoice_paid']);
  });

  it('offers relative dates for after: and before:', () => {
    expect(labels('after:')).toEqual(['today', 'yesterday', '-24h', '-7d', '-30d']);
    expect(labels('before:-')).toEqual(['-24h', '-7d', '-30d']);
  });

  it('replaces the whole term at the caret and steps over the space after it', () => {
    const [doc] = completeQuery('action:doc actor:x', 8, { vocabulary });
    expect(doc).toMatchObject({ text: 'action:document.* actor:x', caret: 18 });
  });

  it('offers target types without a trailing space, so an id can follow', () => {
    expect(completeQuery('target:f', 8, { vocabulary })[0]).toMatchObject({
      text: 'target:folder',
      caret: 13,
    });
  });

  it('offers nothing inside a quoted phrase, after an unknown key, or for keys not allowed', () => {
    expect(labels('"ac')).toEqual([]);
    expect(labels('acter:a')).toEqual([]);
    expect(completeQuery('ten', 3, { fields: ['actor_id'] })).toEqual([]);
  });
});
