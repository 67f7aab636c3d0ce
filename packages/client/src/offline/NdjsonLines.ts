import { MAX_RECORD_CHARS } from './limits.js';
import { UnusableInput } from './UnusableInput.js';

/** Called once per non-blank line; `unterminated` for a last line with no newline after it. */
export type OnLine = (text: string, line: number, unterminated: boolean) => void;

/**
 * Splits NDJSON text, given in pieces of any size, into lines as they complete, holding only the
 * unfinished line. Lines count from 1; blank lines are counted and skipped.
 */
export class NdjsonLines {
  readonly #onLine: OnLine;
  #carry = '';
  /** Lines completed so far. */
  #lines = 0;

  constructor(onLine: OnLine) {
    this.#onLine = onLine;
  }

  /** The line being read: where a problem found now is. */
  get line(): number {
    return this.#lines + 1;
  }

  push(text: string): void {
    let end = text.indexOf('\n');
    if (end === -1) {
      this.#carry += text;
      this.#checkLength();
      return;
    }
    this.#emit(this.#carry + text.slice(0, end), false);
    let start = end + 1;
    while ((end = text.indexOf('\n', start)) !== -1) {
      this.#emit(text.slice(start, end), false);
      start = end + 1;
    }
    this.#carry = text.slice(start);
    this.#checkLength();
  }

  /** The input ended: a last line without a newline is read now. */
  end(): void {
    const last = this.#carry;
    this.#carry = '';
    if (last !== '') this.#emit(last, true);
  }

  #emit(text: string, unterminated: boolean): void {
    this.#lines++;
    // Only a line that starts with white space can be blank: one char test for the common case.
    if (text === '' || (text.charCodeAt(0) <= 32 && text.trim() === '')) return;
    this.#onLine(text, this.#lines, unterminated);
  }

  #checkLength(): void {
    if (this.#carry.length > MAX_RECORD_CHARS) {
      throw new UnusableInput(
        `longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters without a line break: not one event per line`,
        this.line,
      );
    }
  }
}
