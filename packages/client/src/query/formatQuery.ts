// Filters written as query text: the inverse of parseQuery, so the search box can show whatever
// filters apply (set by the fields, the URL or the host) as a query the user can edit.
import {
  FILTER_FIELDS,
  normalizeFilters,
  type AuditFilters,
  type FilterField,
} from '../normalizeFilters.js';
import type { QueryTerm } from './parseQuery.js';
import { formatQueryDate } from './queryDates.js';
import { looksLikeKey } from './tokenizeQuery.js';

export interface FormatQueryOptions {
  /** The zone dates are written in: `'local'`, `'UTC'` or an IANA name. @default 'local' */
  timeZone?: string;
  /** Only these filters are written (the others are not the query's). @default every filter */
  fields?: readonly FilterField[];
  /**
   * Terms of an earlier parse: where the filters still hold exactly what a term set, it is written
   * as it was typed, so `after:-7d` stays relative and a user's quoting stays theirs.
   */
  spelling?: readonly QueryTerm[];
}

/** A value as the query writes it: bare when it reads back as itself, else in escaped quotes. */
export function quoteQueryValue(value: string, { colon = false, force = false } = {}): string {
  const bare = !force && value !== '' && !/[\s"]/.test(value) && !(colon && value.includes(':'));
  return bare ? value : `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** Search words: bare where safe, each quoted where not, or one phrase if spacing is irregular. */
function formatSearch(search: string): string {
  const words = search.split(' ');
  // A blank word would be no term when read back: keep the spacing inside one phrase.
  if (words.some((word) => !word.trim())) return quoteQueryValue(search);
  return words.map((word) => quoteQueryValue(word, { force: looksLikeKey(word) })).join(' ');
}

/** Where each filter is written: the filter bar's order, with search words last. */
const ORDER: readonly FilterField[] = [...FILTER_FIELDS.filter((f) => f !== 'search'), 'search'];

const SIMPLE_KEYS: Partial<Record<FilterField, string>> = {
  actor_id: 'actor',
  action: 'action',
  resource: 'resource',
  resource_id: 'resource_id',
  session_id: 'session',
  tenant_id: 'tenant',
};

function formatDate(key: 'after' | 'before', iso: string, timeZone: string): string {
  const text = formatQueryDate(iso, timeZone, key === 'after' ? 'start' : 'end');
  return `${key}:${quoteQueryValue(text ?? iso)}`;
}

/**
 * The query text for `filters`; `parseQuery` reads it back to the same (normalized) filters,
 * dates as instants in ISO form. Keys come in the filter bar's order, search words last.
 * @example formatQuery({ actor_id: 'alice', search: 'two words' }) // 'actor:alice two words'
 */
export function formatQuery(filters: AuditFilters, options: FormatQueryOptions = {}): string {
  const timeZone = options.timeZone ?? 'local';
  const shown = new Set(options.fields ?? FILTER_FIELDS);
  const left: AuditFilters = {};
  for (const [field, value] of Object.entries(normalizeFilters(filters)) as [FilterField, string][])
    if (shown.has(field)) left[field] = value;
  const pieces: Array<{ at: number; text: string }> = [];
  const put = (field: FilterField, text: string) => pieces.push({ at: ORDER.indexOf(field), text });

  const spelled = options.spelling ?? [];
  for (const term of spelled) {
    if (term.key === 'text') continue;
    const entries = Object.entries(normalizeFilters(term.filters)) as [FilterField, string][];
    if (!entries.length || entries.some(([field, value]) => left[field] !== value)) continue;
    put(entries[0]![0], term.raw);
    for (const [field] of entries) delete left[field];
  }
  const words = spelled.filter((term) => term.key === 'text');
  if (
    words.length &&
    words
      .map((t) => t.value)
      .join(' ')
      .trim() === left.search
  ) {
    put('search', words.map((t) => t.raw).join(' '));
    delete left.search;
  }

  for (const [field, value] of Object.entries(left) as [FilterField, string][]) {
    const key = SIMPLE_KEYS[field];
    if (key) put(field, `${key}:${quoteQueryValue(value)}`);
    else if (field === 'target_type') {
      const id = left.target_id ? `:${quoteQueryValue(left.target_id)}` : '';
      put(field, `target:${quoteQueryValue(value, { colon: true })}${id}`);
    } else if (field === 'target_id') {
      if (!left.target_type) put(field, `target_id:${quoteQueryValue(value)}`);
    } else if (field === 'from') put(field, formatDate('after', value, timeZone));
    else if (field === 'to') put(field, formatDate('before', value, timeZone));
    else if (field === 'search') put(field, formatSearch(value));
  }
  return pieces
    .sort((a, b) => a.at - b.at)
    .map((piece) => piece.text)
    .join(' ');
}
