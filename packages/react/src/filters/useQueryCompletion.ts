import { completeQuery, type FilterField, type QueryCompletion } from '@getimmutable/client';
import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../useIsomorphicLayoutEffect.js';
import { useLoadedVocabulary } from './useLoadedVocabulary.js';

export interface UseQueryCompletionOptions {
  text: string;
  /** Sets the text (typing, or an accepted option). */
  edit(text: string): void;
  /** Enter with no option chosen: apply the query. */
  apply(): void;
  inputRef: RefObject<HTMLInputElement | null>;
  fields: readonly FilterField[];
}

export interface QueryCompletionControls {
  options: readonly QueryCompletion[];
  /** Whether the list shows (open with something to offer): the combobox's aria-expanded. */
  expanded: boolean;
  /** The option ArrowUp/Down moved to, -1 for none (manual selection: none until then). */
  active: number;
  accept(option: QueryCompletion): void;
  onTextInput(text: string, caret: number): void;
  onCaretMove(caret: number): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  close(): void;
}

/**
 * The combobox behaviour of the query box, on the APG's list-autocomplete pattern with manual
 * selection: typing opens suggestions for the word at the caret, ArrowDown/Up move through them
 * (ArrowDown also opens every key at an empty spot), Enter or Tab accepts the one moved to,
 * Escape closes; Enter with none chosen applies the query. What to offer is `completeQuery`'s.
 */
export function useQueryCompletion({
  text,
  edit,
  apply,
  inputRef,
  fields,
}: UseQueryCompletionOptions): QueryCompletionControls {
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(-1);
  // Values come from the loaded events, read only while suggestions are wanted.
  const vocabulary = useLoadedVocabulary(open);
  const options = open ? completeQuery(text, caret, { vocabulary, fields, all }) : [];
  const expanded = options.length > 0;
  const shownActive = active < options.length ? active : -1;

  // An accepted option moves the caret once the new text is in the input.
  const pendingCaret = useRef<number | null>(null);
  useIsomorphicLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    inputRef.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const accept = (option: QueryCompletion) => {
    edit(option.text);
    pendingCaret.current = option.caret;
    setCaret(option.caret);
    setActive(-1);
    setAll(false);
    // After a key, its values are next: the list stays open.
    setOpen(option.kind === 'key');
  };
  const close = () => {
    setOpen(false);
    setAll(false);
    setActive(-1);
  };
  const move = (step: 1 | -1) => {
    const n = options.length;
    setActive(shownActive < 0 ? (step > 0 ? 0 : n - 1) : (shownActive + step + n) % n);
  };

  return {
    options,
    expanded,
    active: shownActive,
    accept,
    close,
    onTextInput: (next, at) => {
      edit(next);
      setCaret(at);
      setOpen(true);
      setAll(false);
      setActive(-1);
    },
    onCaretMove: (at) => {
      if (at === caret) return;
      setCaret(at);
      setActive(-1);
    },
    onKeyDown: (event) => {
      if (event.nativeEvent.isComposing) return;
      const chosen = options[shownActive];
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp':
          event.preventDefault();
          if (expanded) move(event.key === 'ArrowDown' ? 1 : -1);
          else {
            // Opening on purpose: every key at an empty spot, the first option ready.
            setOpen(true);
            setAll(true);
            setCaret(event.currentTarget.selectionStart ?? text.length);
            setActive(event.key === 'ArrowDown' ? 0 : -1);
          }
          return;
        case 'Enter':
          event.preventDefault();
          if (chosen) accept(chosen);
          else {
            close();
            apply();
          }
          return;
        case 'Tab':
          if (chosen && !event.shiftKey) {
            event.preventDefault();
            accept(chosen);
          }
          return;
        case 'Escape':
          if (expanded) {
            event.preventDefault();
            close();
          }
          return;
      }
    },
  };
}
