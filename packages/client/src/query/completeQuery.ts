// Autocomplete for the query box, framework-free: from the text and the caret, the keys that fit
// the word being typed, or the values for the key being typed (from the loaded events), each with
// the text and caret it leaves. The component only shows them and wires the keys.
import { FILTER_FIELDS, type FilterField } from '../normalizeFilters.js';
import { quoteQueryValue } from './formatQuery.js';
import {
  QUERY_KEY_RULES,
  QUERY_KEYS,
  keyAllowed,
  queryKeyNamed,
  type QueryKey,
} from './queryKeys.js';
import { EMPTY_VOCABULARY, type QueryVocabulary } from './queryVocabulary.js';
import { partsText, splitKey, tokenizeQuery, type QueryToken } from './tokenizeQuery.js';

export interface QueryCompletion {
  kind: 'key' | 'value';
  /** What the option shows: `actor:`, or a value (`user_alice`, `document.*`). */
  label: string;
  /** More about it: an actor's name. */
  detail?: string | undefined;
  /** The query once the option is accepted, and where the caret then goes. */
  text: string;
  caret: number;
}

export interface CompleteQueryOptions {
  /** Values seen in the loaded events. @default none */
  vocabulary?: QueryVocabulary;
  /** The filters the query may set: keys for others are not offered. @default every filter */
  fields?: readonly FilterField[];
  /** Offer every key where no word is being typed (the list opened on purpose). @default false */
  all?: boolean;
  /** At most this many options. @default 8 */
  limit?: number;
}

// Relative dates first: they are what people reach for.
const DATE_VALUES = ['today', 'yesterday', '-24h', '-7d', '-30d'];

interface Candidate {
  value: string;
  detail?: string | undefined;
  /** Text the typed value is matched against (besides the value): an actor's name. */
  alias?: string | undefined;
}

function candidatesFor(key: QueryKey, vocabulary: QueryVocabulary): Candidate[] {
  switch (key) {
    case 'actor':
      return vocabulary.actors.map(({ id, name }) => ({
        value: id,
        detail: name ?? undefined,
        alias: name ?? undefined,
      }));
    case 'action': {
      // `document.*` for every category seen: the wildcard most searches want.
      const globs = vocabulary.actions.flatMap((action) => {
        const dot = action.lastIndexOf('.');
        return dot > 0 ? [`${action.slice(0, dot)}.*`] : [];
      });
      return [...new Set([...globs, ...vocabulary.actions])].map((value) => ({ value }));
    }
    case 'resource':
      return vocabulary.resources.map((value) => ({ value }));
    case 'target':
    case 'target_type':
      return vocabulary.targetTypes.map((value) => ({ value }));
    case 'after':
    case 'before':
      return DATE_VALUES.map((value) => ({ value }));
    default:
      return [];
  }
}

/** Candidates that hold `typed` (any case), those starting with it first. */
function matching(candidates: Candidate[], typed: string): Candidate[] {
  const needle = typed.toLowerCase();
  const rank = (c: Candidate) => {
    const texts = [c.value, c.alias ?? ''].map((t) => t.toLowerCase());
    if (texts.some((t) => t.startsWith(needle))) return 0;
    return texts.some((t) => t.includes(needle)) ? 1 : 2;
  };
  return candidates
    .map((candidate) => ({ candidate, rank: rank(candidate) }))
    .filter(({ rank }) => rank < 2)
    .sort((a, b) => a.rank - b.rank)
    .map(({ candidate }) => candidate);
}

/** The filters other `key:` terms of the text already set: their keys are not offered again. */
function usedFields(tokens: readonly QueryToken[], except: QueryToken | undefined) {
  const used = new Set<FilterField>();
  for (const token of tokens) {
    const key = token === except ? undefined : queryKeyNamed(splitKey(token)?.name ?? '');
    if (key) for (const field of QUERY_KEY_RULES[key].fields) used.add(field);
  }
  return used;
}

/**
 * The completions at `caret`: keys starting with the word typed there (`ac` → `action:`,
 * `actor:`), or values for the key typed there (`actor:ali` → actors whose id or name holds
 * `ali`), at most `limit`. Accepting a key leaves the caret after its colon; a value, after a space.
 */
export function completeQuery(
  text: string,
  caret: number,
  options: CompleteQueryOptions = {},
): QueryCompletion[] {
  const limit = options.limit ?? 8;
  const allowed = new Set<FilterField>(options.fields ?? FILTER_FIELDS);
  const tokens = tokenizeQuery(text);
  const token = tokens.find((t) => t.start < caret && caret <= t.end);
  const start = token?.start ?? caret;
  const end = token?.end ?? caret;
  const replace = (insert: string) => ({
    text: text.slice(0, start) + insert + text.slice(end),
    caret: start + insert.length,
  });
  const keyed = token && splitKey(token);

  if (!keyed) {
    // A quoted phrase is search text; no word at the caret offers keys only when asked to.
    if (token ? token.parts.some((part) => part.quoted) : !options.all) return [];
    const typed = text.slice(start, caret).toLowerCase();
    const used = usedFields(tokens, token);
    return QUERY_KEYS.filter(
      (key) =>
        key.startsWith(typed) &&
        keyAllowed(key, allowed) &&
        !QUERY_KEY_RULES[key].fields.some((f) => used.has(f)),
    )
      .slice(0, limit)
      .map((key) => ({ kind: 'key', label: `${key}:`, ...replace(`${key}:`) }));
  }

  const key = queryKeyNamed(keyed.name);
  if (!key || !keyAllowed(key, allowed) || caret <= start + keyed.name.length) return [];
  const typed = partsText(keyed.value);
  // A space ends the term (one already there is stepped over), except after a target's type,
  // where `:ID` may follow.
  const spaced = /^\s/.test(text.slice(end));
  const space = key === 'target' || spaced ? '' : ' ';
  const step = key !== 'target' && spaced ? 1 : 0;
  return matching(candidatesFor(key, options.vocabulary ?? EMPTY_VOCABULARY), typed)
    .slice(0, limit)
    .map(({ value, detail }) => {
      const written = quoteQueryValue(value, { colon: key === 'target' });
      const { text: next, caret: at } = replace(`${key}:${written}${space}`);
      return { kind: 'value', label: value, detail, text: next, caret: at + step };
    });
}
