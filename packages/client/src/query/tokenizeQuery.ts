// Splits query text into tokens: runs of non-space characters, where a double-quoted part may hold
// spaces (`before:"2026-03-05 18:00"`, `"two words"`) and `\` escapes the next character inside
// quotes. Hand-written: the grammar is a dozen lines, smaller than any parser library's setup,
// and the parser needs every token's exact offsets for chips, errors and autocomplete.

/** One piece of a token: text as written outside quotes, or the unescaped inside of quotes. */
export interface TokenPart {
  text: string;
  quoted: boolean;
}

export interface QueryToken {
  /** The token as typed, quotes and escapes included. */
  raw: string;
  /** Offsets in the query text: `raw` is `text.slice(start, end)`. */
  start: number;
  end: number;
  parts: TokenPart[];
  /** A quote opened and never closed (the token then runs to the end of the text). */
  unclosed: boolean;
}

const SPACE = /\s/;

/** The tokens of `text`, in order. Never fails: an unclosed quote is flagged, not thrown. */
export function tokenizeQuery(text: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (SPACE.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const parts: TokenPart[] = [];
    let unclosed = false;
    while (i < text.length && !SPACE.test(text[i]!)) {
      if (text[i] === '"') {
        let inside = '';
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) i++;
          inside += text[i];
          i++;
        }
        if (i < text.length) i++;
        else unclosed = true;
        parts.push({ text: inside, quoted: true });
      } else {
        let bare = '';
        while (i < text.length && text[i] !== '"' && !SPACE.test(text[i]!)) bare += text[i++];
        parts.push({ text: bare, quoted: false });
      }
    }
    tokens.push({ raw: text.slice(start, i), start, end: i, parts, unclosed });
  }
  return tokens;
}

/** A key's name as typed before its colon: letters, digits and `_`, not starting with a digit. */
const KEY = /^([A-Za-z_][A-Za-z0-9_]*):/;

/**
 * The `key:` a token starts with (written outside quotes), and the parts of its value; null for
 * a free word or phrase.
 */
export function splitKey(token: QueryToken): { name: string; value: TokenPart[] } | null {
  const first = token.parts[0];
  if (!first || first.quoted) return null;
  const match = KEY.exec(first.text);
  if (!match) return null;
  const rest = first.text.slice(match[0].length);
  return {
    name: match[1]!,
    value: [...(rest ? [{ text: rest, quoted: false }] : []), ...token.parts.slice(1)],
  };
}

/** Whether a word written bare would read as a key (`word:`): then it must be quoted. */
export const looksLikeKey = (word: string): boolean => KEY.test(word);

/** The text the parts stand for, quotes removed. */
export const partsText = (parts: readonly TokenPart[]): string =>
  parts.map((part) => part.text).join('');
