// The query language of the search box: `actor:alice action:document.* after:-7d "two words"`
// read into the API's filters. Pure and framework-free: the kit, a host's own search box and a
// server that turns a shared query into a link all read a query the same way.
import { FILTER_FIELDS, normalizeFilters, type AuditFilters } from '../normalizeFilters.js';
import type { FilterField } from '../normalizeFilters.js';
import { parseQueryDate } from './queryDates.js';
import {
  QUERY_KEY_RULES,
  QUERY_KEYS,
  keyAllowed,
  queryKeyNamed,
  type QueryKey,
} from './queryKeys.js';
import {
  partsText,
  splitKey,
  tokenizeQuery,
  type QueryToken,
  type TokenPart,
} from './tokenizeQuery.js';

/** One term of a parsed query: a `key:value`, or (`key: 'text'`) a free word or quoted phrase. */
export interface QueryTerm {
  key: QueryKey | 'text';
  /** The value as meant: quotes removed, escapes undone (`folder:f_1` for a target). */
  value: string;
  /** The term as typed, and where: `raw` is `text.slice(start, end)`. */
  raw: string;
  start: number;
  end: number;
  /** The filters this term sets (a free word: the part of `search` it adds). */
  filters: AuditFilters;
}

/** Why a term was refused. */
export type QueryErrorCode =
  'unknown-key' | 'repeated-key' | 'bad-date' | 'empty-value' | 'unclosed-quote' | 'range-order';

export interface QueryError {
  code: QueryErrorCode;
  /** The term it is about, as typed, and where it stands in the text. */
  term: string;
  start: number;
  end: number;
  /** A sentence naming the term, in English (the kit's messages can reword it by `code`). */
  message: string;
}

export interface ParsedQuery {
  /** The filters of every accepted term, normalized; send them only when `errors` is empty. */
  filters: AuditFilters;
  /** The accepted terms, in the order typed. */
  terms: QueryTerm[];
  errors: QueryError[];
}

export interface ParseQueryOptions {
  /** The zone wall-clock dates are read in: `'local'`, `'UTC'` or an IANA name. @default 'local' */
  timeZone?: string;
  /** What relative dates (`-7d`, `today`) count from. @default Date.now() */
  now?: Date | number;
  /** The filters the query may set; keys for others are unknown here. @default every filter */
  fields?: readonly FilterField[];
}

const failure = (code: QueryErrorCode, token: QueryToken, message: string): QueryError => ({
  code,
  term: token.raw,
  start: token.start,
  end: token.end,
  message,
});

/** A `target:` value: the type up to the first colon written outside quotes, then the id. */
function splitTarget(parts: readonly TokenPart[]): AuditFilters {
  const type: TokenPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const colon = part.quoted ? -1 : part.text.indexOf(':');
    if (colon < 0) {
      type.push(part);
      continue;
    }
    const id = part.text.slice(colon + 1) + partsText(parts.slice(i + 1));
    return { target_type: partsText(type) + part.text.slice(0, colon), target_id: id };
  }
  return { target_type: partsText(type) };
}

/**
 * Reads a query into the API's filters, with every term and every problem located in the text.
 * Free words and quoted phrases make `search`, in order; `key:value` terms make the other filters.
 * An unknown key, a bad date, a key repeated (the API takes one value per filter), an empty value,
 * an unclosed quote or an `after:` later than `before:` is an error naming the term: a caller
 * sends nothing while there is one.
 * @example
 * parseQuery('actor:alice action:document.* after:2026-03-01 invoice', { timeZone: 'UTC' })
 * // filters: { actor_id: 'alice', action: 'document.*', search: 'invoice',
 * //            from: '2026-03-01T00:00:00.000Z' }
 */
export function parseQuery(text: string, options: ParseQueryOptions = {}): ParsedQuery {
  const timeZone = options.timeZone ?? 'local';
  const now = Number(options.now ?? Date.now());
  const allowed = new Set<FilterField>(options.fields ?? FILTER_FIELDS);
  const keyList = QUERY_KEYS.filter((key) => keyAllowed(key, allowed)).join(', ');
  const terms: QueryTerm[] = [];
  const errors: QueryError[] = [];
  const setBy = new Map<FilterField, QueryTerm>();
  const words: string[] = [];

  for (const token of tokenizeQuery(text)) {
    const term = { raw: token.raw, start: token.start, end: token.end };
    if (token.unclosed) {
      errors.push(failure('unclosed-quote', token, `Missing closing quote in ${token.raw}`));
      continue;
    }
    const keyed = splitKey(token);
    if (!keyed) {
      if (!allowed.has('search')) {
        errors.push(failure('unknown-key', token, `Search is not available here: ${token.raw}`));
        continue;
      }
      const value = partsText(token.parts);
      // An empty phrase ("") searches for nothing: it is no term.
      if (!value.trim()) continue;
      words.push(value);
      terms.push({ key: 'text', value, ...term, filters: { search: value.trim() } });
      continue;
    }
    const key = queryKeyNamed(keyed.name);
    if (!key || !keyAllowed(key, allowed)) {
      const message = `Unknown key "${keyed.name}" in "${token.raw}" — keys: ${keyList}`;
      errors.push(failure('unknown-key', token, message));
      continue;
    }
    const value = partsText(keyed.value);
    if (!value.trim()) {
      errors.push(failure('empty-value', token, `"${token.raw}" needs a value after the colon`));
      continue;
    }
    const { kind, fields } = QUERY_KEY_RULES[key];
    let filters: AuditFilters;
    if (kind === 'target') {
      filters = normalizeFilters(splitTarget(keyed.value));
      if (!filters.target_type) {
        const message = `"${token.raw}" needs a target type before the id`;
        errors.push(failure('empty-value', token, message));
        continue;
      }
    } else if (kind === 'date') {
      const iso = parseQueryDate(value.trim(), key === 'after' ? 'start' : 'end', {
        timeZone,
        now,
      });
      if (iso === null) {
        const message = `"${token.raw}" is not a date: use 2026-03-01, "2026-03-01 18:00", -7d, -24h, today…`;
        errors.push(failure('bad-date', token, message));
        continue;
      }
      filters = { [fields[0]!]: iso };
    } else filters = { [fields[0]!]: value.trim() };
    const earlier = Object.keys(filters)
      .map((field) => setBy.get(field as FilterField))
      .find(Boolean);
    if (earlier) {
      const message = `"${token.raw}" repeats "${earlier.raw}": the API takes one value per filter`;
      errors.push(failure('repeated-key', token, message));
      continue;
    }
    const accepted: QueryTerm = { key, value, ...term, filters };
    for (const field of Object.keys(filters)) setBy.set(field as FilterField, accepted);
    terms.push(accepted);
  }

  const filters = normalizeFilters(
    Object.assign(
      { search: words.join(' ') },
      ...terms.map((t) => (t.key === 'text' ? {} : t.filters)),
    ),
  );
  const after = setBy.get('from');
  const before = setBy.get('to');
  if (after && before && filters.from! > filters.to!) {
    errors.push({
      code: 'range-order',
      term: before.raw,
      start: before.start,
      end: before.end,
      message: `"${after.raw}" is later than "${before.raw}"`,
    });
  }
  return { filters, terms, errors };
}
