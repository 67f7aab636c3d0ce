import type { FilterField } from '@getimmutable/client';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { hasFilters, type AuditFilters } from '../auditFilters.js';
import { cx } from '../cx.js';
import { useControllableState } from '../useControllableState.js';
import { usePresentation } from '../viewerContext.js';
import { DateRangeField } from './DateRangeField.js';
import { rangeProblem, shownPreset, type DraftKey } from './filterDraftReducer.js';
import { FilterTextField, type TextFilterKey } from './FilterTextField.js';
import { presetSpelling } from './queryDraft.js';
import { QueryBox } from './QueryBox.js';
import { useFilterDraft } from './useFilterDraft.js';
import { useQueryDraft } from './useQueryDraft.js';
import { useMessages } from '../messages/useMessages.js';
import { filterMessages } from '../messages/filterMessages.js';

/** A field `AuditLogFilters` can show: a filter key, or `'date'` for the date range (`from`/`to`). */
export type AuditLogFilterField =
  | 'search'
  | 'actor_id'
  | 'action'
  | 'resource'
  | 'resource_id'
  | 'target_type'
  | 'target_id'
  | 'session_id'
  | 'tenant_id'
  | 'date';

/** Every field but `tenant_id`: viewer tokens are scoped to one tenant, so it would filter nothing. */
export const DEFAULT_FILTER_FIELDS: readonly AuditLogFilterField[] = [
  'search',
  'actor_id',
  'action',
  'resource',
  'resource_id',
  'target_type',
  'target_id',
  'session_id',
  'date',
];

export interface AuditLogFiltersProps extends Omit<
  ComponentPropsWithoutRef<'form'>,
  'children' | 'defaultValue' | 'onChange'
> {
  /** The applied filters (controlled); pair with `onFiltersChange`. */
  filters?: AuditFilters;
  /** The filters to start from when uncontrolled. @default {} */
  defaultFilters?: AuditFilters;
  /** Called with the new, normalized filters whenever the user applies a change. */
  onFiltersChange?: (filters: AuditFilters) => void;
  /** Which fields to show, in any order; `'date'` is the date range. @default DEFAULT_FILTER_FIELDS (all but tenant_id) */
  fields?: readonly AuditLogFilterField[];
  /** How long typing must pause before text fields apply; Enter and leaving the field apply at once (the query box applies on those only). @default 300 */
  debounceMs?: number;
}

// The first row holds the query box and the fields most searches use; the rest wait behind
// "More filters".
const PRIMARY_FIELDS: readonly TextFilterKey[] = ['actor_id', 'action', 'resource'];
const MORE_FIELDS: readonly TextFilterKey[] = [
  'resource_id',
  'target_type',
  'target_id',
  'session_id',
  'tenant_id',
];
const DATE_KEYS: readonly DraftKey[] = ['from', 'to'];

/**
 * The filter bar of the audit log: the query box (free words search; `actor:alice after:-7d`
 * filter, with autocomplete and chips), actor, action (with `*` wildcards), resource, a date range
 * with presets, and more fields behind "More filters". The query and the fields are two views of
 * the same filters: each shows what the other applies. Fields apply after a short pause in typing
 * (or at once on Enter), the query on Enter, so nothing is sent per keystroke.
 * @example
 * const [filters, setFilters] = useState<AuditFilters>({});
 * <AuditLogFilters filters={filters} onFiltersChange={setFilters} />
 */
export const AuditLogFilters = forwardRef<HTMLFormElement, AuditLogFiltersProps>(
  function AuditLogFilters(
    {
      filters: filtersProp,
      defaultFilters,
      onFiltersChange,
      fields = DEFAULT_FILTER_FIELDS,
      debounceMs = 300,
      className,
      onSubmit,
      ...rest
    },
    ref,
  ) {
    const messages = useMessages(filterMessages);
    const { timeZone } = usePresentation();
    const [filters, setFilters] = useControllableState<AuditFilters>({
      prop: filtersProp,
      defaultProp: defaultFilters ?? {},
      onChange: onFiltersChange,
    });
    const id = useId();
    const shown = new Set(fields);
    const showDate = shown.has('date');
    const primary = PRIMARY_FIELDS.filter((f) => shown.has(f));
    const more = MORE_FIELDS.filter((f) => shown.has(f));
    const showQuery = shown.has('search');
    // The query covers what the bar shows: filters of hidden fields are the host's.
    const queryFields = fields.flatMap((f): FilterField[] => (f === 'date' ? ['from', 'to'] : [f]));
    const clearButton = useRef<HTMLButtonElement>(null);
    const { draft, handlers, apply, choosePreset, clear } = useFilterDraft({
      filters,
      setFilters,
      timeZone,
      debounceMs,
      clearButton,
    });
    const preset = shownPreset(draft, filters);
    const query = useQueryDraft({
      filters,
      setFilters,
      timeZone,
      fields: queryFields,
      extraSpelling: presetSpelling(preset, filters.from),
    });

    const [moreOpen, setMoreOpen] = useState(() => more.some((f) => filters[f]));
    const moreActive = more.filter((f) => filters[f]).length;
    const moreId = `${id}-more`;

    const textField = (field: TextFilterKey) => (
      <FilterTextField
        key={field}
        field={field}
        idBase={id}
        text={draft.text[field]}
        active={Boolean(filters[field])}
        handlers={handlers(field)}
      />
    );

    return (
      <form
        ref={ref}
        role="search"
        aria-label={messages.filtersLabel}
        noValidate
        {...rest}
        onSubmit={(event) => {
          onSubmit?.(event);
          event.preventDefault();
          apply();
        }}
        className={cx('imv-filters', className)}
        data-slot="filters"
        data-state={hasFilters(filters) ? 'active' : 'inactive'}
      >
        <div className="imv-filters__row" data-slot="filters-row">
          {showQuery ? (
            <QueryBox
              idBase={id}
              query={query}
              fields={queryFields}
              active={queryFields.some((f) => filters[f])}
              clearButton={clearButton}
            />
          ) : null}
          {primary.map(textField)}
          {showDate ? (
            <DateRangeField
              idBase={id}
              preset={preset}
              onPresetChange={choosePreset}
              text={draft.text}
              applied={filters}
              problem={rangeProblem(draft)}
              handlers={handlers}
            />
          ) : null}
          <div className="imv-filters__actions" data-slot="filters-actions">
            {more.length ? (
              <button
                type="button"
                className="imv-button imv-filters__more-toggle"
                aria-expanded={moreOpen}
                aria-controls={moreId}
                data-state={moreOpen ? 'open' : 'closed'}
                onClick={() => setMoreOpen((open) => !open)}
              >
                {messages.moreFilters(moreActive)}
              </button>
            ) : null}
            <button
              ref={clearButton}
              type="button"
              className="imv-button imv-filters__clear"
              data-slot="filters-clear"
              // Only what this form shows: filters the host set on hidden fields are the host's.
              onClick={() => {
                query.clear();
                const search: DraftKey[] = showQuery ? ['search'] : [];
                clear([...search, ...primary, ...more, ...(showDate ? DATE_KEYS : [])]);
              }}
            >
              {messages.clearFilters}
            </button>
          </div>
        </div>
        {more.length ? (
          <div
            id={moreId}
            className="imv-filters__row imv-filters__more"
            data-slot="filters-more"
            data-state={moreOpen ? 'open' : 'closed'}
            hidden={!moreOpen}
          >
            {/* Their drafts live in useFilterDraft: the fields need not exist until shown. */}
            {moreOpen ? more.map(textField) : null}
          </div>
        ) : null}
      </form>
    );
  },
);
