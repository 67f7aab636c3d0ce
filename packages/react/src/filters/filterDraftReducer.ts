// The filter bar's draft: what the inputs show, which may run ahead of the applied filters while
// the user types. A pure reducer (no React, no DOM, no clock: `now` comes in with the action) so
// every transition — typing, applying, presets, Clear, filters changed from outside — is tested
// on its own, and the component only wires events to actions.
import {
  FILTER_FIELDS,
  isoToWallTime,
  presetRange,
  sameFilters,
  wallTimeToIso,
  type AuditFilters,
  type DatePreset,
  type FilterField,
  type RelativeDatePreset,
} from '@getimmutable/client';

/** An input of the filter bar: a text filter, or one bound of the date range. */
export type DraftKey = FilterField;
type Bound = 'from' | 'to';

export interface FilterDraft {
  /** What each input shows: the user's text (bounds as wall-clock time in `zone`). */
  text: Readonly<Record<DraftKey, string>>;
  /** Keys typed into since they were last applied. */
  dirty: readonly DraftKey[];
  /** The applied filters (and zone) the text was last brought in line with. */
  base: AuditFilters;
  zone: string;
  /** The date-range choice, with the bounds it produced; shown while the filters still hold them. */
  range: { preset: DatePreset; from?: string | undefined; to?: string | undefined };
}

export type FilterDraftAction =
  /** The user typed into an input. */
  | { type: 'edit'; key: DraftKey; text: string }
  /** The applied filters or the zone may have changed from outside (Clear, the URL, the host). */
  | { type: 'sync'; filters: AuditFilters; zone: string }
  /** `pendingEdits` went out: those keys are no longer ahead of the filters. */
  | { type: 'applied'; edits: PendingEdits }
  /** A relative preset was chosen at `now`: the bounds' text follows it. */
  | { type: 'preset'; preset: RelativeDatePreset; now: number }
  /** "Custom" was chosen: the current bounds become the custom range, nothing is fetched. */
  | { type: 'custom' }
  /** Clear emptied these inputs (the ones the form shows). */
  | { type: 'clear'; keys: readonly DraftKey[] };

/** Edits ready to apply: the keys, and the filter values they stand for (undefined: emptied). */
export interface PendingEdits {
  keys: readonly DraftKey[];
  values: AuditFilters;
}

/** What is wrong with the typed range: a bound that is no date, or From after To. */
export interface RangeProblem {
  kind: 'invalid' | 'order';
  fields: readonly Bound[];
}

const isBound = (key: DraftKey): key is Bound => key === 'from' || key === 'to';

/** What an input shows for an applied value: bounds as wall-clock time in `zone`. */
const textOf = (key: DraftKey, filters: AuditFilters, zone: string) =>
  isBound(key) ? isoToWallTime(filters[key], zone) : (filters[key] ?? '');

/** The filter value a key's text stands for: undefined when blank, null when not a valid date. */
function draftValue(key: DraftKey, text: string, zone: string): string | undefined | null {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (isBound(key)) return wallTimeToIso(trimmed, zone, key === 'from' ? 'start' : 'end');
  return trimmed;
}

const BLANK: FilterDraft = {
  text: Object.fromEntries(FILTER_FIELDS.map((key) => [key, ''])) as Record<DraftKey, string>,
  dirty: [],
  base: {},
  zone: '',
  range: { preset: 'all' },
};

/**
 * The draft of freshly applied filters: the text says exactly what they hold. (The range choice
 * starts empty: the date select then shows what the bounds look like, custom or all.)
 */
export const initialFilterDraft = (filters: AuditFilters, zone: string): FilterDraft =>
  sync(BLANK, filters, zone);

export function filterDraftReducer(state: FilterDraft, action: FilterDraftAction): FilterDraft {
  switch (action.type) {
    case 'edit':
      return {
        ...state,
        text: { ...state.text, [action.key]: action.text },
        dirty: state.dirty.includes(action.key) ? state.dirty : [...state.dirty, action.key],
      };
    case 'sync':
      return sync(state, action.filters, action.zone);
    case 'applied': {
      const { keys, values } = action.edits;
      if (!keys.length) return state;
      const range = keys.some(isBound)
        ? {
            preset: 'custom' as const,
            from: keys.includes('from') ? values.from : state.range.from,
            to: keys.includes('to') ? values.to : state.range.to,
          }
        : state.range;
      return { ...state, dirty: state.dirty.filter((k) => !keys.includes(k)), range };
    }
    case 'preset': {
      const range = presetRange(action.preset, action.now);
      return {
        ...state,
        // A relative window is open-ended: no To, whatever was typed there.
        text: { ...state.text, from: isoToWallTime(range.from, state.zone), to: '' },
        dirty: state.dirty.filter((k) => !isBound(k)),
        range: { preset: action.preset, ...range },
      };
    }
    case 'custom':
      return { ...state, range: { preset: 'custom', from: state.base.from, to: state.base.to } };
    case 'clear': {
      const text = { ...state.text };
      for (const key of action.keys) text[key] = '';
      return { ...state, text, dirty: [], range: { preset: 'all' } };
    }
  }
}

/**
 * Brings the text in line with filters changed from outside: only the keys whose applied value
 * changed (or, on a zone change, the bounds not being typed), and only where the text does not
 * already say the same, so text being typed elsewhere (or a trailing space) is never lost.
 * Returns `state` itself when nothing changed, so a render can call it every time.
 */
function sync(state: FilterDraft, filters: AuditFilters, zone: string): FilterDraft {
  if (zone === state.zone && (state.base === filters || sameFilters(state.base, filters)))
    return state;
  const text = { ...state.text };
  let dirty = state.dirty;
  for (const key of FILTER_FIELDS) {
    const value = filters[key]?.trim() || undefined;
    const changed =
      value !== (state.base[key]?.trim() || undefined) ||
      (zone !== state.zone && !dirty.includes(key));
    if (!changed || draftValue(key, text[key], zone) === value) continue;
    text[key] = textOf(key, filters, zone);
    dirty = dirty.filter((k) => k !== key);
  }
  return { ...state, text, dirty, base: filters, zone };
}

/** The typed range's problem, naming the field it is about; null when both bounds are fine. */
export function rangeProblem(state: FilterDraft): RangeProblem | null {
  const from = draftValue('from', state.text.from, state.zone);
  const to = draftValue('to', state.text.to, state.zone);
  if (from === null) return { kind: 'invalid', fields: ['from'] };
  if (to === null) return { kind: 'invalid', fields: ['to'] };
  if (from && to && from > to) return { kind: 'order', fields: ['from', 'to'] };
  return null;
}

/**
 * Every typed edit that can be applied now. The bounds wait while the range has a problem (the
 * other fields still go), and so do bounds in `except` (the caller is setting them itself).
 */
export function pendingEdits(state: FilterDraft, except: readonly DraftKey[] = []): PendingEdits {
  const keys: DraftKey[] = [];
  const values: AuditFilters = {};
  const holdRange = rangeProblem(state) !== null;
  for (const key of state.dirty) {
    if (isBound(key) && (holdRange || except.includes(key))) continue;
    values[key] = draftValue(key, state.text[key], state.zone) ?? undefined;
    keys.push(key);
  }
  return { keys, values };
}

/**
 * The preset the date select shows: the last choice while the filters still hold its bounds,
 * else what the filters look like (changed from outside: custom bounds, or none).
 */
export function shownPreset(state: FilterDraft, filters: AuditFilters): DatePreset {
  const { range } = state;
  if ((range.from ?? '') === (filters.from ?? '') && (range.to ?? '') === (filters.to ?? ''))
    return range.preset;
  return filters.from || filters.to ? 'custom' : 'all';
}
