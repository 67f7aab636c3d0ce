import type { QueryTerm } from '@getimmutable/client';
import { useRef, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../useIsomorphicLayoutEffect.js';
import { useMessages } from '../messages/useMessages.js';
import { filterMessages } from '../messages/filterMessages.js';
import { userTextMessage } from '../UserText.js';

export interface QueryChipsProps {
  /** The applied query's terms. */
  terms: readonly QueryTerm[];
  onRemove(term: QueryTerm): void;
  /** Where focus goes when the last chip is removed. */
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * The applied query's terms as a list of buttons that remove them ("Remove actor: alice"). Focus
 * stays in the list as chips go (on the chip that took the removed one's place), and returns to
 * the query box when none is left, so removing several by keyboard is Enter, Enter, Enter.
 */
export function QueryChips({ terms, onRemove, inputRef }: QueryChipsProps) {
  const messages = useMessages(filterMessages);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const focusAt = useRef<number | null>(null);
  useIsomorphicLayoutEffect(() => {
    if (focusAt.current === null) return;
    const index = Math.min(focusAt.current, terms.length - 1);
    focusAt.current = null;
    (index >= 0 ? buttons.current[index] : inputRef.current)?.focus();
  }, [terms, inputRef]);

  if (!terms.length) return null;
  return (
    <ul className="imv-filters__chips" data-slot="filters-chips" aria-label={messages.queryTerms}>
      {terms.map((term, index) => {
        const label = messages.queryTerm(term.key, term.value);
        return (
          <li key={`${term.start}:${term.raw}`} className="imv-filters__chip-item">
            <button
              ref={(button) => {
                buttons.current[index] = button;
              }}
              type="button"
              className="imv-filters__chip"
              data-slot="filters-chip"
              data-key={term.key}
              aria-label={messages.removeQueryTerm(label)}
              onClick={() => {
                focusAt.current = index;
                onRemove(term);
              }}
            >
              <span className="imv-filters__chip-text">
                {/* The value may come from a link: isolated, its hidden characters shown. */}
                {userTextMessage((user) => messages.queryTerm(term.key, user(term.value)))}
              </span>
              <span className="imv-filters__chip-remove" aria-hidden="true">
                ×
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
