import { BACKSLASH } from './jsonCharCodes.js';

/**
 * Index of the quote that closes the JSON string whose opening quote is at `start`, or -1 if
 * the text ends first. A quote is escaped when an odd number of backslashes comes before it.
 */
export function closingQuote(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let before = quote - 1;
    while (text.charCodeAt(before) === BACKSLASH) before--;
    if ((quote - 1 - before) % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}
