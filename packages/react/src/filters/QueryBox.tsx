import type { FilterField, QueryCompletion, QueryKey } from '@getimmutable/client';
import { useRef, type RefObject } from 'react';
import { cx } from '../cx.js';
import { QueryChips } from './QueryChips.js';
import type { QueryDraftControls } from './useQueryDraft.js';
import { useQueryCompletion } from './useQueryCompletion.js';
import { useMessages } from '../messages/useMessages.js';
import { filterMessages, type FilterMessages } from '../messages/filterMessages.js';
import { coreMessages, type CoreMessages } from '../messages/coreMessages.js';

export interface QueryBoxProps {
  /** Prefix of the ids (the form's `useId`), so labels, hints and options stay unique per form. */
  idBase: string;
  /** The query's text, terms and errors, and how to change them (useQueryDraft). */
  query: QueryDraftControls;
  /** The filters the query covers: only their keys are offered. */
  fields: readonly FilterField[];
  /** Whether the applied filters hold any of the query's, for `data-state`. */
  active: boolean;
  /** Leaving the box for this button does not apply it (Clear is about to empty it). */
  clearButton: RefObject<HTMLButtonElement | null>;
}

/** What each key filters by, shown beside it in the suggestions (`after:` From). */
const KEY_LABELS = {
  actor: 'actor',
  action: 'action',
  resource: 'resource',
  resource_id: 'resourceId',
  target_type: 'targetType',
  target_id: 'targetId',
  session: 'session',
  tenant: 'tenantFilter',
  after: 'from',
  before: 'to',
} as const satisfies Record<Exclude<QueryKey, 'target'>, keyof (FilterMessages & CoreMessages)>;

/**
 * The filter bar's search box, which reads a query: free words search, `key:value` terms filter
 * (`actor:alice action:document.* after:-7d`). A combobox whose suggestions are the keys and the
 * values of the loaded events; Enter (or leaving the box) applies; a refused term is named inline
 * and nothing is sent; the applied terms show below as chips that remove them.
 */
export function QueryBox({ idBase, query, fields, active, clearButton }: QueryBoxProps) {
  const messages = useMessages(filterMessages, coreMessages);
  const inputRef = useRef<HTMLInputElement>(null);
  const chipsRef = useRef<HTMLDivElement>(null);
  const completion = useQueryCompletion({
    text: query.text,
    edit: query.edit,
    apply: query.apply,
    inputRef,
    fields,
  });
  const inputId = `${idBase}-search`;
  const listId = `${inputId}-suggestions`;
  const optionId = (index: number) => `${listId}-${index}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const invalid = query.errors.length > 0;
  const keyLabel = (option: QueryCompletion) => {
    if (option.kind !== 'key') return undefined;
    const key = option.label.slice(0, -1) as QueryKey;
    return key === 'target' ? messages.queryKeyTarget : messages[KEY_LABELS[key]];
  };

  return (
    <div
      className="imv-filters__field imv-filters__query"
      data-slot="filters-field"
      data-field="search"
    >
      <label className="imv-filters__label" htmlFor={inputId}>
        {messages.search}
      </label>
      <div className="imv-filters__combobox" data-slot="filters-combobox">
        <input
          ref={inputRef}
          id={inputId}
          name="search"
          className="imv-input imv-filters__input"
          // Not type="search": Escape there empties the box, and here it closes the suggestions.
          type="text"
          role="combobox"
          aria-expanded={completion.expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={completion.active >= 0 ? optionId(completion.active) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={cx(invalid && errorId, hintId)}
          value={query.text}
          placeholder={messages.queryPlaceholder}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="search"
          data-slot="query-input"
          data-state={invalid ? 'invalid' : active ? 'active' : 'inactive'}
          onChange={(event) => {
            const { value, selectionStart } = event.target;
            completion.onTextInput(value, selectionStart ?? value.length);
          }}
          onSelect={(event) => completion.onCaretMove(event.currentTarget.selectionStart ?? 0)}
          onKeyDown={completion.onKeyDown}
          onBlur={(event) => {
            completion.close();
            const to = event.relatedTarget;
            // Clear is about to empty it; a chip removes from what is applied, typing aside.
            if (to && (to === clearButton.current || chipsRef.current?.contains(to))) return;
            if (query.dirty) query.apply();
          }}
        />
        <div
          id={listId}
          role="listbox"
          aria-label={messages.querySuggestions}
          className="imv-filters__suggestions"
          data-slot="filters-suggestions"
          hidden={!completion.expanded}
        >
          {completion.options.map((option, index) => (
            // Keyboard use goes through the combobox (aria-activedescendant); this is the pointer.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <div
              key={`${option.kind}:${option.label}`}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === completion.active}
              className="imv-filters__suggestion"
              data-kind={option.kind}
              // Keep focus in the box: the option is chosen on click, not by focusing it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => completion.accept(option)}
            >
              <span className="imv-filters__suggestion-label">{option.label}</span>
              {(option.detail ?? keyLabel(option)) ? (
                <span className="imv-filters__suggestion-detail">
                  {option.detail ?? keyLabel(option)}
                </span>
              ) : null}
            </div>
          ))}
        </div>
      </div>
      <span id={hintId} className="imv-filters__hint" data-slot="filters-hint">
        {messages.queryHint}
      </span>
      {invalid ? (
        <span id={errorId} className="imv-filters__error" data-slot="filters-error" role="alert">
          {query.errors.map((error) => messages.queryError(error)).join(' ')}
        </span>
      ) : null}
      <div ref={chipsRef} className="imv-filters__chips-wrap">
        <QueryChips terms={query.terms} onRemove={query.removeTerm} inputRef={inputRef} />
      </div>
    </div>
  );
}
