import {
  EQUALITY_FILTER_NAMES,
  FILTER_NAMES,
  MAX_FILTER_LENGTH,
  SEARCH_LIMITS,
  type FilterName,
} from '@getimmutable/contract';
import { globToSqlite } from './glob.js';
import { validationError, type FieldErrors } from './HttpError.js';
import { isWellFormed } from './isWellFormed.js';
import { parseTimeRange } from './timeBounds.js';
import type { Scope } from './types.js';

/** Validated `GET /events` filters; `from`/`to` already normalized to `created_at` strings. */
export type EventFilters = Partial<Record<FilterName, string>>;

/*
 * Why SEARCH_LIMITS (the contract's) are what they are — so that no request holds the one JS
 * thread for long: a word of 1–2 characters can't use the trigram index and is a LIKE over every
 * event's text, and the index reads more entries for every indexed character. The worst search
 * these limits allow held the server 0.85 s at 1M events (bench/emulator.bench.ts); without
 * them, 499 one-letter words held it 2.1 s at 18k events.
 */

/**
 * Validates filters from a query string or an export body. Empty values are ignored; a
 * non-string (only possible in JSON) is a 422 naming the field.
 */
export function parseEventFilters(input: Record<string, unknown>): EventFilters {
  const errors: FieldErrors = {};
  const filters: EventFilters = {};
  for (const name of FILTER_NAMES) {
    const value = input[name];
    if (value === undefined || value === null || value === '') continue;
    const problems = typeof value === 'string' ? valueErrors(name, value) : ['must be a string'];
    if (problems.length > 0) errors[name] = problems;
    else filters[name] = value as string;
  }
  const range = parseTimeRange(filters.from, filters.to, errors);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  if (range.from) filters.from = range.from;
  if (range.to) filters.to = range.to;
  return filters;
}

function valueErrors(name: FilterName, value: string): string[] {
  // A lone surrogate (only a JSON body can carry one) would reach SQLite as U+FFFD and match
  // that instead, so it is refused as ingest refuses it.
  if (!isWellFormed(value)) return ['must be valid Unicode (no lone surrogates)'];
  if (name === 'search') return searchErrors(value);
  if (value.length > MAX_FILTER_LENGTH) return [`must be at most ${MAX_FILTER_LENGTH} characters`];
  // SQLite's GLOB reads its pattern and the value only up to a NUL, so a glob holding one would
  // match other actions. An exact action binds the whole string and matches NUL exactly.
  if (name === 'action' && value.includes('*') && value.includes('\0')) {
    return ['must not contain U+0000 in a glob'];
  }
  return [];
}

function searchErrors(search: string): string[] {
  const errors: string[] = [];
  const words = searchWords(search);
  if ([...search].length > SEARCH_LIMITS.characters) {
    errors.push(`must be at most ${SEARCH_LIMITS.characters} characters`);
  }
  if (words.length > SEARCH_LIMITS.words) {
    errors.push(`must have at most ${SEARCH_LIMITS.words} words`);
  }
  if (words.filter((word) => !indexable(word)).length > SEARCH_LIMITS.shortWords) {
    errors.push(`must have at most ${SEARCH_LIMITS.shortWords} words of 1 or 2 characters`);
  }
  // FTS5 reads its query, and LIKE its pattern, only up to a NUL ("unterminated string"), so a
  // NUL can't be searched for through either; exact filters still match it.
  if (search.includes('\0')) errors.push('must not contain U+0000');
  return errors;
}

export interface SqlFragment {
  where: string[];
  params: unknown[];
}

/** The scope's restriction: a viewer sees its tenant, and only its actor when it has one. */
export function scopeSql(scope: Scope, into: SqlFragment, alias = 'e'): void {
  if (scope.kind === 'api_key') return;
  into.where.push(`${alias}.tenant_id = ?`);
  into.params.push(scope.tenant_id);
  if (scope.actor_id !== null) {
    into.where.push(`${alias}.actor_id = ?`);
    into.params.push(scope.actor_id);
  }
}

/** Lowercased, space-separated words; each must appear somewhere in the event's searchable text. */
function searchWords(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether the trigram index can find a word: it needs at least 3 characters. */
const indexable = (word: string): boolean => [...word].length >= 3;

/**
 * The words the SQL must check: a word repeated, or inside another word of the search, is
 * implied by it, and checking it again costs a pass over its events ('document docu ocum'
 * costs what 'document' does; a broad word's pass is ~0.2 s at 1M events).
 */
function requiredWords(search: string): string[] {
  const words = [...new Set(searchWords(search))];
  return words.filter((word) => !words.some((other) => other !== word && other.includes(word)));
}

/**
 * The FTS5 query for a search's indexable words, all required — each a quoted phrase, which
 * over trigrams is an exact substring match — or undefined when no word is long enough.
 */
export function searchMatch(search: string): string | undefined {
  const phrases = requiredWords(search)
    .filter(indexable)
    .map((word) => `"${word.replace(/"/g, '""')}"`);
  return phrases.length > 0 ? phrases.join(' ') : undefined;
}

/**
 * A term marked broad (matching many events) gets a unary `+` (`+e.action GLOB ?`), which keeps
 * SQLite from driving the query by it: it walks events newest first instead and checks each
 * against the term — same rows, another plan: see EventStore.query. A search not known to be
 * narrow walks too (see searchSql).
 */
export function filtersSql(
  filters: EventFilters,
  scope: Scope,
  broad: { action?: boolean; search?: boolean } = {},
): SqlFragment {
  const out: SqlFragment = { where: [], params: [] };
  scopeSql(scope, out);
  for (const name of EQUALITY_FILTER_NAMES) {
    const value = filters[name];
    if (value === undefined) continue;
    out.where.push(`e.${name} = ?`);
    out.params.push(value);
  }
  if (filters.action !== undefined) {
    if (filters.action.includes('*')) {
      out.where.push(broad.action ? '+e.action GLOB ?' : 'e.action GLOB ?');
      out.params.push(globToSqlite(filters.action));
    } else {
      out.where.push('e.action = ?');
      out.params.push(filters.action);
    }
  }
  if (filters.target_type !== undefined || filters.target_id !== undefined) {
    const conditions = ['t.event_pk = e.pk'];
    if (filters.target_type !== undefined) {
      conditions.push('t.type = ?');
      out.params.push(filters.target_type);
    }
    if (filters.target_id !== undefined) {
      conditions.push('t.id = ?');
      out.params.push(filters.target_id);
    }
    out.where.push(`EXISTS (SELECT 1 FROM event_targets t WHERE ${conditions.join(' AND ')})`);
  }
  if (filters.search !== undefined) searchSql(filters.search, broad.search ?? true, out);
  if (filters.from !== undefined) {
    out.where.push('e.created_at >= ?');
    out.params.push(filters.from);
  }
  if (filters.to !== undefined) {
    out.where.push('e.created_at <= ?');
    out.params.push(filters.to);
  }
  return out;
}

/**
 * The search as at most two subqueries over events_search, whose SQL text depends only on how
 * many short words there are (0–2) and on `broad`, never on the words: the indexed words share
 * one MATCH, and each short word is a LIKE. (A subquery per word made a new SQL text for every
 * mix of word lengths, and a pass over the text for every short word.)
 *
 * Measured at 1M events: when the MATCH finds few rows, the LIKEs run on those rows only.
 * When it finds many, reading each one's text by rowid is slower than one pass over all of
 * them (`user_ e a`: 1.4–2.2 s against ~0.6 s), so the LIKEs get that pass to themselves.
 * Anything not known to be narrow walks (`+`): driven by a broad term, SQLite fetches and
 * sorts all its rows (`e` alone: 2–3 s), while a walk is bounded by one pass over the index.
 */
function searchSql(search: string, broad: boolean, into: SqlFragment): void {
  const words = requiredWords(search);
  const match = searchMatch(search);
  const likes = words.filter((word) => !indexable(word));
  const likeSql = likes.map(() => "text LIKE ? ESCAPE '\\'");
  const likeParams = likes.map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
  const subquery = (pk: string, conditions: string[]) =>
    `${pk} IN (SELECT rowid FROM events_search WHERE ${conditions.join(' AND ')})`;
  if (match !== undefined && !broad) {
    into.where.push(subquery('e.pk', ['events_search MATCH ?', ...likeSql]));
    into.params.push(match, ...likeParams);
    return;
  }
  if (match !== undefined) {
    into.where.push(subquery('+e.pk', ['events_search MATCH ?']));
    into.params.push(match);
  }
  if (likes.length > 0) {
    into.where.push(subquery('+e.pk', likeSql));
    into.params.push(...likeParams);
  }
}
