import type { ReactNode } from 'react';
import { revealHidden } from './revealHidden.js';

/**
 * Text that came from outside the kit (an actor's name, a country, a filter value) in its own
 * bidi isolate: `<bdi>` sets its direction from its own first strong letter, so right-to-left
 * text inside it does not reorder the sentence around it. Characters that would hide themselves
 * or reorder the text (overrides, isolates, zero-width characters, controls) are shown as their
 * code points (revealHidden), so they can neither spoof the value nor end the isolate early.
 */
export function UserText({ children }: { children: string }) {
  return <bdi data-slot="user-text">{revealHidden(children)}</bdi>;
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
