// The query box's draft: the text it shows, which runs ahead of the applied filters while the user
// types, and the text that stands for them (its terms are the chips). Pure (no React, no clock:
// `now` comes in), so syncing with filters changed elsewhere and applying are tested on their own.
import {
  formatQuery,
  normalizeFilters,
  parseQuery,
  sameFilters,
  type AuditFilters,
  type FilterField,
  type QueryError,
  type QueryTerm,
} from '@getimmutable/client';

export interface QueryDraft {
  /** What the box shows. */
  text: string;
  /** Typed into since last applied: filters changed elsewhere then leave the text alone. */
  dirty: boolean;
  /** The text standing for the applied filters, and its terms (the chips). */
  applied: { text: string; terms: readonly QueryTerm[] };
  /** Terms as the user last typed them: kept in the text while the filters hold what they set. */
  spelling: readonly QueryTerm[];
  /** The applied filters (the query's fields only) and zone the text was brought in line with;
   * null before the first sync and after Clear, so the next one writes the text anew. */
  base: AuditFilters | null;
  zone: string;
  /** Why the last try to apply was refused; cleared by typing. */
  errors: readonly QueryError[];
}

export interface QueryContext {
  timeZone: string;
  /** The filters the query covers (the fields the bar shows). */
  fields: readonly FilterField[];
  now: number;
  /** More spellings to keep, e.g. `after:-7d` for the date range's "Last 7 days". */
  extraSpelling?: readonly QueryTerm[];
}

/** `filters` cut down to the query's fields, normalized. */
function queryFilters(filters: AuditFilters, fields: readonly FilterField[]): AuditFilters {
  const normalized = normalizeFilters(filters);
  return Object.fromEntries(fields.flatMap((f) => (normalized[f] ? [[f, normalized[f]]] : [])));
}

function appliedFor(text: string, context: QueryContext): QueryDraft['applied'] {
  const { timeZone, now, fields } = context;
  return { text, terms: parseQuery(text, { timeZone, now, fields }).terms };
}

const EMPTY: QueryDraft = {
  text: '',
  dirty: false,
  applied: { text: '', terms: [] },
  spelling: [],
  base: null,
  zone: '',
  errors: [],
};

export const initialQueryDraft = (filters: AuditFilters, context: QueryContext): QueryDraft =>
  syncQueryDraft(EMPTY, filters, context);

/**
 * Brings the draft in line with filters changed from outside (fields, URL, host, Clear): the text
 * becomes those filters as a query, keeping the user's spelling where it still holds, unless the
 * user is typing. Returns `draft` itself when nothing changed, so a render can call it every time.
 */
export function syncQueryDraft(
  draft: QueryDraft,
  filters: AuditFilters,
  context: QueryContext,
): QueryDraft {
  const base = queryFilters(filters, context.fields);
  const zoneChanged = draft.zone !== context.timeZone;
  if (!zoneChanged && draft.base && sameFilters(draft.base, base)) return draft;
  // Spellings of dates were read in the old zone: they would name other instants in the new one.
  const spelling = zoneChanged ? [] : draft.spelling;
  if (draft.dirty) return { ...draft, base, zone: context.timeZone, spelling };
  const text = formatQuery(base, {
    timeZone: context.timeZone,
    fields: context.fields,
    spelling: [...spelling, ...(context.extraSpelling ?? [])],
  });
  return {
    ...draft,
    text,
    applied: appliedFor(text, context),
    spelling,
    base,
    zone: context.timeZone,
    errors: [],
  };
}

/** The user typed: the text runs ahead of the filters, and old errors no longer apply. */
export const editQueryDraft = (draft: QueryDraft, text: string): QueryDraft => ({
  ...draft,
  text,
  dirty: true,
  errors: [],
});

/**
 * Applies `text`: the new draft and the query's filters, or (when a term is refused) the draft
 * with the errors to show and null, so nothing is sent.
 */
export function applyQueryText(
  draft: QueryDraft,
  text: string,
  context: QueryContext,
  { keepTyping = false } = {},
): { draft: QueryDraft; filters: AuditFilters | null } {
  const { timeZone, now, fields } = context;
  const parsed = parseQuery(text, { timeZone, now, fields });
  if (parsed.errors.length) return { draft: { ...draft, errors: parsed.errors }, filters: null };
  return {
    draft: {
      // Removing a chip while typing applies the chip's removal, and leaves the typing alone.
      text: keepTyping ? draft.text : text,
      dirty: keepTyping,
      applied: { text, terms: parsed.terms },
      spelling: parsed.terms,
      base: parsed.filters,
      zone: timeZone,
      errors: keepTyping ? draft.errors : [],
    },
    filters: parsed.filters,
  };
}

/** The applied text without `term`, the space around it closed up. */
export function withoutTerm(text: string, term: QueryTerm): string {
  return `${text.slice(0, term.start).trimEnd()} ${text.slice(term.end).trimStart()}`.trim();
}

/** Clear: nothing typed, nothing applied; the next sync writes what the filters still hold. */
export const clearQueryDraft = (draft: QueryDraft): QueryDraft => ({ ...EMPTY, zone: draft.zone });

/**
 * The spelling of a relative date range preset (`after:-7d` for "Last 7 days") while the filters
 * hold its `from`, so the query shows the window the user chose rather than its instant.
 */
export function presetSpelling(preset: string, from: string | undefined): QueryTerm[] {
  if (!from || !['24h', '7d', '30d'].includes(preset)) return [];
  const raw = `after:-${preset}`;
  return [{ key: 'after', value: `-${preset}`, raw, start: 0, end: raw.length, filters: { from } }];
}
