import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './jsonCharCodes.js';
import { MAX_RECORD_CHARS } from './limits.js';
import { UnusableInput } from './UnusableInput.js';

/** Called once per top-level element, with its text (trimmed) and its index from 0. */
export type OnElement = (text: string, index: number) => void;

/**
 * Splits a JSON array, given as text in pieces of any size, into its top-level elements as they
 * complete, holding only the unfinished element: a 1 GB export streams in constant memory, where
 * JSON.parse would need the whole file. It only tracks strings and nesting to find the commas
 * between elements; each element's own syntax is left to JSON.parse.
 */
export class JsonArrayElements {
  readonly #onElement: OnElement;
  #phase: 'start' | 'between' | 'element' | 'closed' = 'start';
  /** Elements emitted so far: the index of the next one. */
  #index = 0;
  /** A comma was read since the last element (so `]` now would close on a missing element). */
  #afterComma = false;
  #depth = 0;
  #inString = false;
  /** The previous character, inside a string, was an unescaped backslash. */
  #escaped = false;
  /** The element's text from earlier pieces. */
  #pieces: string[] = [];
  #piecesLength = 0;

  constructor(onElement: OnElement) {
    this.#onElement = onElement;
  }

  /** The element being read: where a problem found now is. */
  get index(): number {
    return this.#index;
  }

  push(text: string): void {
    let i = 0;
    let elementStart = 0;
    const n = text.length;
    while (i < n) {
      if (this.#phase !== 'element') {
        i = this.#outside(text, i);
        elementStart = i;
        continue;
      }
      const c = text.charCodeAt(i);
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (c === BACKSLASH) this.#escaped = true;
        else if (c === QUOTE) this.#inString = false;
      } else if (c === QUOTE) {
        this.#inString = true;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.#depth++;
      } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && this.#depth > 0) {
        this.#depth--;
      } else if (this.#depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
        this.#emit(text.slice(elementStart, i));
        this.#phase = c === COMMA ? 'between' : 'closed';
        this.#afterComma = c === COMMA;
      }
      i++;
    }
    if (this.#phase === 'element') {
      this.#pieces.push(text.slice(elementStart));
      this.#piecesLength += n - elementStart;
      if (this.#piecesLength > MAX_RECORD_CHARS) {
        throw new UnusableInput(
          `longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters: not an event`,
          this.#index,
        );
      }
    }
  }

  /** The input ended: anything but a closed array is a truncated file. */
  end(): void {
    if (this.#phase === 'closed') return;
    if (this.#phase === 'element' && this.#depth === 0 && !this.#inString) {
      // The last element may be whole with only the `]` missing: read it, then say so.
      this.#emit('');
      this.#phase = 'between';
    }
    throw new UnusableInput(
      this.#phase === 'element'
        ? 'the file ends inside this element (truncated)'
        : 'the file ends before the array is closed (truncated)',
      this.#index,
    );
  }

  /** Reads white space and the array's punctuation outside elements; returns where it stopped. */
  #outside(text: string, from: number): number {
    let i = from;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      // JSON's white space, and a byte order mark before the array.
      if (
        c === 32 ||
        c === 10 ||
        c === 13 ||
        c === 9 ||
        (c === 0xfeff && this.#phase === 'start')
      ) {
        i++;
        continue;
      }
      if (this.#phase === 'start') {
        if (c !== OPEN_BRACKET) throw new UnusableInput('not a JSON array', 0);
        this.#phase = 'between';
        i++;
      } else if (this.#phase === 'closed') {
        throw new UnusableInput('text after the end of the array', this.#index);
      } else if (c === CLOSE_BRACKET) {
        if (this.#afterComma) throw new UnusableInput('missing element before "]"', this.#index);
        this.#phase = 'closed';
        i++;
      } else if (c === COMMA) {
        throw new UnusableInput('missing element before ","', this.#index);
      } else {
        this.#phase = 'element';
        return i;
      }
    }
    return i;
  }

  #emit(last: string): void {
    let text = last;
    if (this.#pieces.length > 0) {
      this.#pieces.push(last);
      text = this.#pieces.join('');
      this.#pieces = [];
      this.#piecesLength = 0;
    }
    this.#onElement(text.trim(), this.#index++);
  }
}
