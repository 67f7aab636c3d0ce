import { FILTER_LABELS } from '../filterLabels.js';
import type { DraftInputHandlers } from './useFilterDraft.js';
import { useMessages } from '../messages/useMessages.js';
import { filterMessages } from '../messages/filterMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

/** A text filter of the bar: every filter key but the date bounds. */
export type TextFilterKey = Exclude<keyof typeof FILTER_LABELS, 'from' | 'to'>;

export interface FilterTextFieldProps {
  field: TextFilterKey;
  /** Prefix of the input's id (the form's `useId`), so labels and hints stay unique per form. */
  idBase: string;
  /** What the input shows (the draft, possibly ahead of the filters). */
  text: string;
  /** Whether the applied filters hold this field, for `data-state`. */
  active: boolean;
  handlers: DraftInputHandlers;
}

/**
 * One labelled text input of the filter bar (search has the query box, QueryBox). Action carries
 * its wildcard hint as its description. No autocorrect: these are ids and globs.
 */
export function FilterTextField({ field, idBase, text, active, handlers }: FilterTextFieldProps) {
  const messages = useMessages(filterMessages, coreMessages);
  const inputId = `${idBase}-${field}`;
  const hintId = `${inputId}-hint`;
  return (
    <div className="imv-filters__field" data-slot="filters-field" data-field={field}>
      <label className="imv-filters__label" htmlFor={inputId}>
        {messages[FILTER_LABELS[field]]}
      </label>
      <input
        id={inputId}
        name={field}
        className="imv-input imv-filters__input"
        type="text"
        value={text}
        {...handlers}
        aria-describedby={field === 'action' ? hintId : undefined}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="done"
        data-state={active ? 'active' : 'inactive'}
      />
      {field === 'action' ? (
        <span id={hintId} className="imv-filters__hint" data-slot="filters-hint">
          {messages.actionHint}
        </span>
      ) : null}
    </div>
  );
}
