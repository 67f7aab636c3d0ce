import type { ReactNode } from 'react';

const LRI = '\u2066';
const PDI = '\u2069';
// Isolate initiators and PDI (U+2066–U+2069), and the bidi paragraph separators (UAX #9 class B)
// that a browser does not turn into whitespace before laying text out.
// eslint-disable-next-line no-control-regex -- these control characters are what it looks for
const BIDI_BREAKERS = /[\u001C-\u001E\u2029\u2066-\u2069]/g;

/**
 * The text as it can be shown inside an isolate. Browsers (Chromium checked) let two things in a
 * string end the element's isolate early, after which an override later in the string reverses the
 * page text that follows: a PDI with no opener in the string, and a paragraph separator. Inside an
 * isolate an unmatched PDI does nothing (UAX #9 X6a), so it is dropped; separators become spaces.
 */
export function containBidi(text: string): string {
  let open = 0; // isolates the text opened and has not closed yet
  return text.replace(BIDI_BREAKERS, (char) => {
    if (char === PDI) return open > 0 ? (open--, char) : '';
    if (char >= LRI) return (open++, char); // LRI, RLI or FSI
    return ' ';
  });
}

/**
 * Text that came from outside the kit (an actor's name, a country, a filter value) in its own
 * bidi isolate: `<bdi>` sets its direction from its own first strong letter, and right-to-left
 * marks or overrides inside it end with it instead of reordering the sentence around it.
 */
export function UserText({ children }: { children: string }) {
  return <bdi data-slot="user-text">{containBidi(children)}</bdi>;
}

// Private-use code points around a number: messages keep them through case changes and trimming.
const slot = (index: number) => `\uE000${index}\uE001`;
const SLOT = /\uE000(\d+)\uE001/g;
const SLOT_PART = /[\uE000\uE001]/;

/**
 * A message (a string from `messages`) with user-supplied values rendered as `<UserText>`. The
 * message is built with a placeholder per value and split around them, so overridden messages
 * keep their `(value: string) => string` shape. A message that altered a placeholder (sliced it,
 * say) is built again from the raw values and isolated whole: it cannot reorder the page either.
 * @example userTextMessage((user) => messages.alertBy(user(alert.actor_id)))
 */
export function userTextMessage(build: (user: (value: string) => string) => string): ReactNode {
  const values: string[] = [];
  // Split around the placeholders: even pieces are the message's text, odd ones value indexes.
  const pieces = build((value) => slot(values.push(value) - 1)).split(SLOT);
  const intact = pieces.every((piece, i) =>
    i % 2 === 0 ? !SLOT_PART.test(piece) : Number(piece) < values.length,
  );
  if (!intact) return <UserText>{build((value) => value)}</UserText>;
  return pieces.map((piece, i) =>
    i % 2 === 1 ? <UserText key={i}>{values[Number(piece)]!}</UserText> : piece,
  );
}
