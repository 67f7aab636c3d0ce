import { FILTER_FIELDS, parseQuery } from '@getimmutable/client';
import { describe, expect, it } from 'vitest';
import {
  applyQueryText,
  clearQueryDraft,
  editQueryDraft,
  initialQueryDraft,
  presetSpelling,
  syncQueryDraft,
  withoutTerm,
  type QueryContext,
} from './queryDraft.js';

const NOW = Date.parse('2026-03-08T12:00:00.000Z');
const utc: QueryContext = { timeZone: 'UTC', fields: FILTER_FIELDS, now: NOW };

describe('the query draft', () => {
  it('starts as the filters written as a query, its terms the chips', () => {
    const draft = initialQueryDraft({ actor_id: 'alice', search: 'q4' }, utc);
    expect(draft.text).toBe('actor:alice q4');
    expect(draft.applied.terms.map((t) => t.raw)).toEqual(['actor:alice', 'q4']);
    expect(draft.dirty).toBe(false);
  });

  it('covers only its fields: filters of hidden fields are not written', () => {
    const draft = initialQueryDraft(
      { tenant_id: 'org_a', action: 'a.*' },
      { ...utc, fields: ['action', 'search'] },
    );
    expect(draft.text).toBe('action:a.*');
  });

  it('follows filters changed elsewhere, and returns itself when they did not change', () => {
    const draft = initialQueryDraft({ actor_id: 'alice' }, utc);
    expect(syncQueryDraft(draft, { actor_id: ' alice ' }, utc)).toBe(draft);
    expect(syncQueryDraft(draft, { actor_id: 'bob' }, utc).text).toBe('actor:bob');
  });

  it('keeps text being typed when filters change elsewhere', () => {
    const typing = editQueryDraft(initialQueryDraft({}, utc), 'actor:al');
    const synced = syncQueryDraft(typing, { action: 'x' }, utc);
    expect(synced.text).toBe('actor:al');
    expect(synced.dirty).toBe(true);
  });

  it('applies typed text as filters, keeping its spelling while those filters hold', () => {
    const typing = editQueryDraft(initialQueryDraft({}, utc), 'after:-7d "alice"');
    const { draft, filters } = applyQueryText(typing, typing.text, utc);
    expect(filters).toEqual({ search: 'alice', from: '2026-03-01T12:00:00.000Z' });
    expect(draft).toMatchObject({ text: 'after:-7d "alice"', dirty: false, errors: [] });
    // Another filter changes elsewhere: the relative date stays relative.
    expect(syncQueryDraft(draft, { ...filters, actor_id: 'bob' }, utc).text).toBe(
      'actor:bob after:-7d "alice"',
    );
  });

  it('refuses text with an error: the errors to show, no filters, the text kept', () => {
    const typing = editQueryDraft(initialQueryDraft({}, utc), 'acter:bob');
    const { draft, filters } = applyQueryText(typing, typing.text, utc);
    expect(filters).toBeNull();
    expect(draft.text).toBe('acter:bob');
    expect(draft.errors.map((e) => e.code)).toEqual(['unknown-key']);
    expect(editQueryDraft(draft, 'actor:bob').errors).toEqual([]);
  });

  it('forgets date spellings when the zone changes: they would name other instants', () => {
    const typing = editQueryDraft(initialQueryDraft({}, utc), 'after:2026-03-01');
    const { draft, filters } = applyQueryText(typing, typing.text, utc);
    const newYork = { ...utc, timeZone: 'America/New_York' };
    expect(syncQueryDraft(draft, filters!, newYork).text).toBe('after:"2026-02-28 19:00"');
  });

  it('writes a relative preset of the date range as after:-7d', () => {
    const from = '2026-03-01T12:00:00.000Z';
    const draft = initialQueryDraft(
      { from },
      { ...utc, extraSpelling: presetSpelling('7d', from) },
    );
    expect(draft.text).toBe('after:-7d');
    expect(presetSpelling('custom', from)).toEqual([]);
  });

  it('removes a term with the space around it', () => {
    const text = 'actor:a  "two words" b';
    const [, phrase] = parseQuery(text).terms;
    expect(withoutTerm(text, phrase!)).toBe('actor:a b');
  });

  it('clears to nothing typed, and the next sync writes what filters remain', () => {
    const typing = editQueryDraft(initialQueryDraft({ actor_id: 'a' }, utc), 'x');
    const cleared = clearQueryDraft(typing);
    expect(cleared).toMatchObject({ text: '', dirty: false, errors: [] });
    expect(syncQueryDraft(cleared, { actor_id: 'a' }, utc).text).toBe('actor:a');
  });
});
