import type { ReactNode } from 'react';

/**
 * Characters that change how text reads without showing themselves, in text an event's writer
 * chose (an actor's name, an action, a document's title):
 * - the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069; "Trojan Source",
 *   CVE-2021-42574) reorder the letters after them, so an action written `document.` + U+202E +
 *   `detaerc` reads "document.created". A `<bdi>` keeps them from reaching past the value, not
 *   from reordering the value itself;
 * - the zero-width and invisible ones (U+200B, U+2060–U+2064, U+FEFF, the soft hyphen U+00AD,
 *   U+180E) make two different names look the same;
 * - controls (C0 but tab and line breaks, DEL, C1) and the line and paragraph separators
 *   (U+2028/9) show as nothing or as a box; a paragraph separator, U+001C–U+001E and U+0085 also
 *   end a bidi isolate early.
 * Left as they are: the joiners U+200C/D (emoji sequences, Persian and Indic scripts need them)
 * and the direction marks U+200E/F and U+061C, which right-to-left text uses and which move no
 * letter.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\xAD\u180E\u200B\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const EVERY_HIDDEN = new RegExp(HIDDEN.source, 'g');

/** How a hidden character is shown: its code point, `U+202E`. */
const codePoint = (char: string) =>
  `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Whether the text holds a character that `revealHidden` shows as its code point. */
export const hasHidden = (text: string): boolean => HIDDEN.test(text);

/**
 * The text with each hidden character (above) shown as its code point in a marked span, so it
 * neither hides nor reorders anything; the text itself when it holds none (nearly all text: one
 * regex test, as table cells call this for every value).
 * @example revealHidden('document.\u202Edetaerc') // ['document.', <span>U+202E</span>, 'detaerc']
 */
export function revealHidden(text: string): ReactNode {
  if (!HIDDEN.test(text)) return text;
  const pieces: ReactNode[] = [];
  let shown = 0;
  for (const { index, 0: char } of text.matchAll(EVERY_HIDDEN)) {
    if (index > shown) pieces.push(text.slice(shown, index));
    pieces.push(
      <span key={index} className="imv-hidden-char" data-slot="hidden-char">
        {codePoint(char)}
      </span>,
    );
    shown = index + 1;
  }
  if (shown < text.length) pieces.push(text.slice(shown));
  return pieces;
}
