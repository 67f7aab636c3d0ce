import { closingQuote } from './closingQuote.js';

const TWO_53 = 2 ** 53;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

interface Frame {
  path: string;
  /** The keys read so far (objects), to find a duplicate. */
  keys: Set<string> | null;
  /** The key whose value comes next (objects), or the next element's index (arrays). */
  key: string;
  index: number;
  expectKey: boolean;
}

const member = (path: string, key: string) =>
  IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/** The path of the value that starts now. */
function valuePath(frame: Frame | undefined, root: string): string {
  if (!frame) return root;
  return frame.keys ? member(frame.path, frame.key) : `${frame.path}[${frame.index}]`;
}

/**
 * True when JSON.parse cannot have kept the number exactly: beyond ±2^53 (the server accepts no
 * integer beyond that; every double beyond it is an integer), or at ±2^53 written any other way
 * than its own digits (9007199254740993 rounds to 2^53).
 */
function isBeyond2To53(token: string): boolean {
  const magnitude = Math.abs(Number(token));
  if (magnitude !== TWO_53) return magnitude > TWO_53;
  return token !== '9007199254740992' && token !== '-9007199254740992';
}

/**
 * Finds what JSON.parse hides in text it accepts: a duplicate key (it silently keeps the last,
 * while another reader may show the first) or a number beyond 2^53 (it silently rounds). Returns
 * a sentence naming the first such problem and its path (`event.metadata.size`), else null.
 * Runs only when a record is not already in the server's compact form, so it may be slow-ish.
 * @param text JSON that JSON.parse accepted
 */
export function findJsonProblem(text: string, root = 'event'): string | null {
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      const path = valuePath(top, root);
      const keys = c === '{' ? new Set<string>() : null;
      stack.push({ path, keys, key: '', index: 0, expectKey: keys !== null });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
      i++;
    } else if (c === '"') {
      const end = closingQuote(text, i);
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys.has(key)) return `duplicate key ${JSON.stringify(key)} in ${top.path}`;
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(text)![0];
      if (isBeyond2To53(token)) {
        return `number ${token} at ${valuePath(top, root)} is beyond 2^53 (JSON.parse would round it)`;
      }
      i += token.length;
    } else {
      i++; // white space, ':' and the letters of true, false and null
    }
  }
  return null;
}
