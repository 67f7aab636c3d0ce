// @vitest-environment node
// The reducer is pure: no DOM here, so any reach for `window` or `document` fails these tests.
import { describe, expect, it } from 'vitest';
import {
  filterDraftReducer as reduce,
  initialFilterDraft,
  pendingEdits,
  rangeProblem,
  shownPreset,
  type FilterDraft,
  type FilterDraftAction,
} from './filterDraftReducer.js';

const NOW = Date.parse('2026-03-08T12:00:00.000Z');
const run = (state: FilterDraft, ...actions: FilterDraftAction[]) => actions.reduce(reduce, state);
const edit = (key: 'action' | 'search' | 'from' | 'to', text: string): FilterDraftAction => ({
  type: 'edit',
  key,
  text,
});
/** Applies what can be applied, as the component does, and returns the state and the values. */
const applyAll = (state: FilterDraft) => {
  const edits = pendingEdits(state);
  return { state: reduce(state, { type: 'applied', edits }), values: edits.values };
};

describe('initialFilterDraft', () => {
  it('shows applied filters as text, bounds as wall-clock time in the zone', () => {
    const draft = initialFilterDraft(
      { action: 'auth.*', from: '2026-07-15T07:00:00.000Z' },
      'Europe/Berlin',
    );
    expect(draft.text.action).toBe('auth.*');
    expect(draft.text.search).toBe('');
    expect(draft.text.from).toBe('2026-07-15T09:00');
    expect(draft.text.to).toBe('');
    expect(draft.dirty).toEqual([]);
    expect(shownPreset(draft, draft.base)).toBe('custom');
    expect(shownPreset(initialFilterDraft({}, 'UTC'), {})).toBe('all');
  });
});

describe('typing and applying', () => {
  it('marks typed keys dirty once, and applies them trimmed', () => {
    const typed = run(
      initialFilterDraft({}, 'UTC'),
      edit('search', 'inv'),
      edit('search', ' inv '),
    );
    expect(typed.text.search).toBe(' inv ');
    expect(typed.dirty).toEqual(['search']);
    const { state, values } = applyAll(typed);
    expect(values).toEqual({ search: 'inv' });
    expect(state.dirty).toEqual([]);
    // The text keeps what was typed (a trailing space mid-word is not eaten).
    expect(state.text.search).toBe(' inv ');
  });

  it('applies an emptied field as undefined, so the filter is dropped', () => {
    const typed = run(initialFilterDraft({ action: 'auth.*' }, 'UTC'), edit('action', '  '));
    expect(pendingEdits(typed)).toEqual({ keys: ['action'], values: { action: undefined } });
  });

  it('applies a typed custom range in the zone, the end inclusive of its minute', () => {
    const typed = run(
      initialFilterDraft({}, 'UTC'),
      edit('from', '2026-03-01T09:00'),
      edit('to', '2026-03-02T17:30'),
    );
    const { state, values } = applyAll(typed);
    expect(values).toEqual({ from: '2026-03-01T09:00:00.000Z', to: '2026-03-02T17:30:59.999Z' });
    expect(state.range).toEqual({ preset: 'custom', ...values });
  });

  it('does nothing on applying nothing', () => {
    const draft = initialFilterDraft({ action: 'a' }, 'UTC');
    expect(reduce(draft, { type: 'applied', edits: { keys: [], values: {} } })).toBe(draft);
  });

  it('leaves out bounds the caller sets itself', () => {
    const typed = run(
      initialFilterDraft({}, 'UTC'),
      edit('from', '2026-03-01'),
      edit('search', 'x'),
    );
    expect(pendingEdits(typed, ['from'])).toEqual({ keys: ['search'], values: { search: 'x' } });
  });
});

describe('invalid and inverted ranges', () => {
  it.each([
    ['from', '2026-02-30T10:00'],
    ['from', '2026-03-08T24:10'],
    ['from', 'next tuesday'],
    ['to', '2026-13-01T00:00'],
  ] as const)('names %s when it holds %j, and holds the range back', (bound, text) => {
    const typed = run(initialFilterDraft({}, 'UTC'), edit(bound, text), edit('action', 'auth.*'));
    expect(rangeProblem(typed)).toEqual({ kind: 'invalid', fields: [bound] });
    const { state, values } = applyAll(typed);
    // The valid field still goes; the bad bound stays typed and dirty.
    expect(values).toEqual({ action: 'auth.*' });
    expect(state.dirty).toEqual([bound]);
    expect(state.text[bound]).toBe(text);
  });

  it('refuses From after To on both fields, and lets it go once fixed', () => {
    const inverted = run(
      initialFilterDraft({}, 'UTC'),
      edit('from', '2026-03-05T10:00'),
      edit('to', '2026-03-04T10:00'),
    );
    expect(rangeProblem(inverted)).toEqual({ kind: 'order', fields: ['from', 'to'] });
    expect(pendingEdits(inverted).keys).toEqual([]);
    const fixed = reduce(inverted, edit('from', '2026-03-03T10:00'));
    expect(rangeProblem(fixed)).toBeNull();
    expect(pendingEdits(fixed).keys).toEqual(['from', 'to']);
  });

  it('takes a bare date and the same minute on both ends as a valid range', () => {
    const draft = run(
      initialFilterDraft({}, 'UTC'),
      edit('from', '2026-03-05T10:00'),
      edit('to', '2026-03-05T10:00'),
    );
    expect(rangeProblem(draft)).toBeNull();
    expect(rangeProblem(reduce(draft, edit('to', '2026-03-05')))).toBeNull();
    expect(rangeProblem(initialFilterDraft({}, 'UTC'))).toBeNull();
  });
});

describe('presets', () => {
  it('puts a relative preset into From at now, empties To and drops typed bounds', () => {
    const typed = run(initialFilterDraft({}, 'UTC'), edit('to', 'garbage'));
    const state = reduce(typed, { type: 'preset', preset: '7d', now: NOW });
    expect(state.range).toEqual({ preset: '7d', from: '2026-03-01T12:00:00.000Z' });
    expect(state.text.from).toBe('2026-03-01T12:00');
    expect(state.text.to).toBe('');
    expect(state.dirty).toEqual([]);
    expect(rangeProblem(state)).toBeNull();
    expect(shownPreset(state, { from: '2026-03-01T12:00:00.000Z' })).toBe('7d');
  });

  it('has no bounds for all time', () => {
    const state = reduce(initialFilterDraft({ from: 'x' }, 'UTC'), {
      type: 'preset',
      preset: 'all',
      now: NOW,
    });
    expect(state.range).toEqual({ preset: 'all' });
    expect(state.text.from).toBe('');
  });

  it('makes the applied bounds the start of a custom range', () => {
    const base = initialFilterDraft({ from: '2026-03-01T00:00:00.000Z' }, 'UTC');
    const preset = reduce(base, { type: 'preset', preset: '24h', now: NOW });
    const custom = reduce(preset, { type: 'custom' });
    expect(custom.range).toEqual({ preset: 'custom', from: '2026-03-01T00:00:00.000Z' });
  });

  it('shows what the filters look like once they no longer hold the chosen bounds', () => {
    const chosen = reduce(initialFilterDraft({}, 'UTC'), {
      type: 'preset',
      preset: '24h',
      now: NOW,
    });
    expect(shownPreset(chosen, { from: '2026-03-07T12:00:00.000Z' })).toBe('24h');
    expect(shownPreset(chosen, { from: '2026-01-01T00:00:00.000Z' })).toBe('custom');
    expect(shownPreset(chosen, { to: '2026-01-01T00:00:00.000Z' })).toBe('custom');
    expect(shownPreset(chosen, {})).toBe('all');
  });
});

describe('clear', () => {
  it('empties the given inputs, forgets every pending edit and goes back to all time', () => {
    const typed = run(
      initialFilterDraft({ action: 'a', search: 's', from: '2026-03-01T00:00:00.000Z' }, 'UTC'),
      edit('search', 'more'),
    );
    const state = reduce(typed, { type: 'clear', keys: ['action', 'search', 'from', 'to'] });
    expect(state.text).toMatchObject({ action: '', search: '', from: '', to: '' });
    expect(state.dirty).toEqual([]);
    expect(state.range).toEqual({ preset: 'all' });
  });
});

describe('sync with filters changed from outside', () => {
  it('returns the same state when neither the filters nor the zone changed', () => {
    const draft = initialFilterDraft({ action: 'a' }, 'UTC');
    expect(reduce(draft, { type: 'sync', filters: draft.base, zone: 'UTC' })).toBe(draft);
    // Equal by content (blank values, order) counts as unchanged too.
    expect(reduce(draft, { type: 'sync', filters: { action: ' a', to: '' }, zone: 'UTC' })).toBe(
      draft,
    );
  });

  it('takes the changed keys and keeps text being typed in the others', () => {
    const typed = run(initialFilterDraft({ action: 'auth.*' }, 'UTC'), edit('search', 'user_al'));
    const state = reduce(typed, {
      type: 'sync',
      filters: { action: 'user.*', from: '2026-03-07T12:00:00.000Z' },
      zone: 'UTC',
    });
    expect(state.text).toMatchObject({ action: 'user.*', search: 'user_al' });
    expect(state.text.from).toBe('2026-03-07T12:00');
    expect(state.dirty).toEqual(['search']);
    expect(state.base).toEqual({ action: 'user.*', from: '2026-03-07T12:00:00.000Z' });
  });

  it('replaces a dirty key the outside changed, unless the text already says the same', () => {
    const typed = run(initialFilterDraft({}, 'UTC'), edit('action', 'x.* '), edit('search', 'y'));
    const state = reduce(typed, {
      type: 'sync',
      filters: { action: 'x.*', search: 'z' },
      zone: 'UTC',
    });
    expect(state.text.action).toBe('x.* '); // same value: the trailing space stays
    expect(state.text.search).toBe('z');
    expect(state.dirty).toEqual(['action']);
  });

  it('rewrites the bounds in a new zone, but not one being typed', () => {
    const from = '2026-07-15T07:00:00.000Z';
    const base = initialFilterDraft({ from, to: '2026-07-16T07:00:00.000Z' }, 'UTC');
    const typed = reduce(base, edit('to', '2026-07-20T00:00'));
    const state = reduce(typed, { type: 'sync', filters: base.base, zone: 'Europe/Berlin' });
    expect(state.zone).toBe('Europe/Berlin');
    expect(state.text.from).toBe('2026-07-15T09:00');
    expect(state.text.to).toBe('2026-07-20T00:00');
    expect(state.dirty).toEqual(['to']);
  });

  it('goes back to all time when the outside drops the range', () => {
    const chosen = reduce(initialFilterDraft({}, 'UTC'), {
      type: 'preset',
      preset: '30d',
      now: NOW,
    });
    const synced = reduce(chosen, {
      type: 'sync',
      filters: { from: chosen.range.from },
      zone: 'UTC',
    });
    const dropped = reduce(synced, { type: 'sync', filters: {}, zone: 'UTC' });
    expect(dropped.text.from).toBe('');
    expect(shownPreset(dropped, {})).toBe('all');
  });
});
