import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type FocusEvent,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
} from 'react';
import { hasFilters, normalizeFilters, type AuditFilters } from '../auditFilters.js';
import { cx } from '../cx.js';
import { FILTER_LABELS } from '../filterLabels.js';
import { zoneLabel } from '../formatTime.js';
import type { Messages } from '../messages.js';
import { useControllableState } from '../useControllableState.js';
import { usePresentation } from '../viewerContext.js';
import { DATE_PRESETS, presetRange, type DatePreset } from './datePresets.js';
import { isoToWallTime, wallTimeToIso } from './zonedDateTime.js';

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
  /** How long typing must pause before text fields apply; Enter and leaving the field apply at once. @default 300 */
  debounceMs?: number;
}

type TextField = Exclude<AuditLogFilterField, 'date'>;
type DraftKey = TextField | 'from' | 'to';

const PRIMARY_FIELDS: readonly TextField[] = ['search', 'actor_id', 'action', 'resource'];
const MORE_FIELDS: readonly TextField[] = [
  'resource_id',
  'target_type',
  'target_id',
  'session_id',
  'tenant_id',
];
const TEXT_FIELDS: readonly TextField[] = [...PRIMARY_FIELDS, ...MORE_FIELDS];
const DRAFT_KEYS: readonly DraftKey[] = [...TEXT_FIELDS, 'from', 'to'];

const PRESET_LABELS = {
  all: 'rangeAll',
  '24h': 'range24h',
  '7d': 'range7d',
  '30d': 'range30d',
  custom: 'rangeCustom',
} as const satisfies Record<DatePreset, keyof Messages>;

/** What the inputs show: the user's text, which may be ahead of the applied filters. */
interface Draft {
  text: Record<DraftKey, string>;
  /** Keys typed into since they were last applied. */
  dirty: readonly DraftKey[];
  /** The applied filters (and zone) the text was last brought in line with. */
  base: AuditFilters;
  zone: string;
}

/** The date-range choice, with the bounds it produced; shown while the filters still hold them. */
interface RangeChoice {
  preset: DatePreset;
  from?: string | undefined;
  to?: string | undefined;
}

const sameFilters = (a: AuditFilters, b: AuditFilters) =>
  JSON.stringify(normalizeFilters(a)) === JSON.stringify(normalizeFilters(b));

function draftFor(filters: AuditFilters, zone: string): Draft {
  const text = {} as Record<DraftKey, string>;
  for (const key of TEXT_FIELDS) text[key] = filters[key] ?? '';
  text.from = isoToWallTime(filters.from, zone);
  text.to = isoToWallTime(filters.to, zone);
  return { text, dirty: [], base: filters, zone };
}

/** The filter value a draft stands for; null when it is not a valid date. */
function draftValue(key: DraftKey, text: string, zone: string): string | undefined | null {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (key === 'from') return wallTimeToIso(trimmed, zone, 'start');
  if (key === 'to') return wallTimeToIso(trimmed, zone, 'end');
  return trimmed;
}

/**
 * Brings the text in line with filters changed from outside (Clear, the URL, the host): only the
 * keys whose applied value changed, and only where the text does not already say the same, so text
 * being typed elsewhere (or a trailing space) is never lost.
 */
function reconcile(draft: Draft, filters: AuditFilters, zone: string): Draft {
  const fresh = draftFor(filters, zone);
  const text = { ...draft.text };
  let dirty = draft.dirty;
  for (const key of DRAFT_KEYS) {
    const value = filters[key]?.trim() || undefined;
    const changed =
      value !== (draft.base[key]?.trim() || undefined) ||
      (zone !== draft.zone && !dirty.includes(key));
    if (!changed || draftValue(key, text[key], zone) === value) continue;
    text[key] = fresh.text[key];
    dirty = dirty.filter((k) => k !== key);
  }
  return { text, dirty, base: filters, zone };
}

/** The inline error of the custom range, naming the field it is about. */
function rangeError(
  draft: Draft,
  messages: Messages,
): { fields: Array<'from' | 'to'>; message: string } | null {
  const from = draftValue('from', draft.text.from, draft.zone);
  const to = draftValue('to', draft.text.to, draft.zone);
  if (from === null) return { fields: ['from'], message: messages.invalidDate(messages.from) };
  if (to === null) return { fields: ['to'], message: messages.invalidDate(messages.to) };
  if (from && to && from > to) {
    return {
      fields: ['from', 'to'],
      message: messages.rangeOrderError(messages.from, messages.to),
    };
  }
  return null;
}

/**
 * The filter bar of the audit log: free-text search, actor, action (with `*` wildcards), resource,
 * a date range with presets, and more fields behind "More filters". Text applies after a short
 * pause in typing (or at once on Enter), so a query is not sent per keystroke.
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
    const { messages, timeZone } = usePresentation();
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

    const [draft, setDraft] = useState<Draft>(() => draftFor(filters, timeZone));
    let current = draft;
    if (draft.zone !== timeZone || (draft.base !== filters && !sameFilters(draft.base, filters))) {
      current = reconcile(draft, filters, timeZone);
      setDraft(current);
    }
    // Handlers and the debounce timer read the latest draft here (state lags inside one event).
    const draftRef = useRef(current);
    useEffect(() => {
      draftRef.current = draft;
    }, [draft]);

    const [range, setRange] = useState<RangeChoice>(() => ({
      preset: filters.from || filters.to ? 'custom' : 'all',
      from: filters.from,
      to: filters.to,
    }));
    const preset: DatePreset =
      (range.from ?? '') === (filters.from ?? '') && (range.to ?? '') === (filters.to ?? '')
        ? range.preset
        : filters.from || filters.to
          ? 'custom'
          : 'all';

    const [moreOpen, setMoreOpen] = useState(() => more.some((f) => filters[f]));
    const moreActive = more.filter((f) => filters[f]).length;

    const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
    useEffect(() => () => clearTimeout(timer.current), []);

    const writeDraft = (next: Draft) => {
      draftRef.current = next;
      setDraft(next);
    };

    /** Applies every pending edit that is valid, plus `patch`, in one change. */
    const apply = (patch: AuditFilters = {}, options: { range?: RangeChoice } = {}) => {
      clearTimeout(timer.current);
      const latest = draftRef.current;
      const fromDraft: AuditFilters = {};
      const applied: DraftKey[] = [];
      const invalidRange = rangeError(latest, messages) !== null;
      for (const key of latest.dirty) {
        if ((key === 'from' || key === 'to') && (invalidRange || key in patch)) continue;
        fromDraft[key] = draftValue(key, latest.text[key], latest.zone) ?? undefined;
        applied.push(key);
      }
      if (applied.length)
        writeDraft({ ...latest, dirty: latest.dirty.filter((k) => !applied.includes(k)) });
      if (options.range) setRange(options.range);
      else if (applied.includes('from') || applied.includes('to')) {
        setRange((prev) => ({
          preset: 'custom',
          from: applied.includes('from') ? fromDraft.from : prev.from,
          to: applied.includes('to') ? fromDraft.to : prev.to,
        }));
      }
      setFilters((prev) => {
        const next = normalizeFilters({ ...prev, ...fromDraft, ...patch });
        return sameFilters(prev, next) ? prev : next;
      });
    };

    const edit = (key: DraftKey) => (event: ChangeEvent<HTMLInputElement>) => {
      const latest = draftRef.current;
      writeDraft({
        ...latest,
        text: { ...latest.text, [key]: event.target.value },
        dirty: latest.dirty.includes(key) ? latest.dirty : [...latest.dirty, key],
      });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => apply(), debounceMs);
    };

    const applyOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
        event.preventDefault();
        apply();
      }
    };

    const clearButton = useRef<HTMLButtonElement>(null);
    const applyIfDirty = (key: DraftKey) => (event: FocusEvent<HTMLInputElement>) => {
      // Leaving a field for Clear would apply text that is about to be cleared: one wasted request.
      if (event.relatedTarget && event.relatedTarget === clearButton.current) return;
      if (draftRef.current.dirty.includes(key)) apply();
    };

    const choosePreset = (event: ChangeEvent<HTMLSelectElement>) => {
      const next = event.target.value as DatePreset;
      if (next === 'custom') {
        // Keep the current bounds as the starting point of the custom range; nothing to fetch.
        setRange({ preset: 'custom', from: filters.from, to: filters.to });
        apply();
        return;
      }
      const bounds = presetRange(next, Date.now());
      const latest = draftRef.current;
      writeDraft({
        ...latest,
        text: { ...latest.text, from: isoToWallTime(bounds.from, latest.zone), to: '' },
        dirty: latest.dirty.filter((k) => k !== 'from' && k !== 'to'),
      });
      apply({ from: bounds.from, to: undefined }, { range: { preset: next, ...bounds } });
    };

    const clear = () => {
      clearTimeout(timer.current);
      const cleared: AuditFilters = {};
      const latest = draftRef.current;
      const text = { ...latest.text };
      for (const key of [...primary, ...more, ...(showDate ? (['from', 'to'] as const) : [])]) {
        cleared[key] = undefined;
        text[key] = '';
      }
      writeDraft({ ...latest, text, dirty: [] });
      setRange({ preset: 'all' });
      // Only what this form shows: filters the host set on hidden fields are the host's to clear.
      setFilters((prev) => {
        const next = normalizeFilters({ ...prev, ...cleared });
        return sameFilters(prev, next) ? prev : next;
      });
    };

    const submit: NonNullable<AuditLogFiltersProps['onSubmit']> = (event) => {
      onSubmit?.(event);
      event.preventDefault();
      apply();
    };

    const error = preset === 'custom' ? rangeError(current, messages) : null;
    const hintId = `${id}-action-hint`;
    const errorId = `${id}-range-error`;
    const zoneId = `${id}-range-zone`;
    const moreId = `${id}-more`;

    const textField = (key: TextField) => {
      const inputId = `${id}-${key}`;
      const isSearch = key === 'search';
      return (
        <div key={key} className="imv-filters__field" data-slot="filters-field" data-field={key}>
          <label className="imv-filters__label" htmlFor={inputId}>
            {messages[FILTER_LABELS[key]]}
          </label>
          <input
            id={inputId}
            name={key}
            className="imv-input imv-filters__input"
            type={isSearch ? 'search' : 'text'}
            value={current.text[key]}
            onChange={edit(key)}
            onKeyDown={applyOnEnter}
            onBlur={applyIfDirty(key)}
            placeholder={isSearch ? messages.searchPlaceholder : undefined}
            aria-describedby={key === 'action' ? hintId : undefined}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint={isSearch ? 'search' : 'done'}
            data-state={filters[key] ? 'active' : 'inactive'}
          />
          {key === 'action' ? (
            <span id={hintId} className="imv-filters__hint" data-slot="filters-hint">
              {messages.actionHint}
            </span>
          ) : null}
        </div>
      );
    };

    const dateInput = (key: 'from' | 'to') => {
      const inputId = `${id}-${key}`;
      const invalid = error?.fields.includes(key) ?? false;
      return (
        <div className="imv-filters__field" data-slot="filters-field" data-field={key}>
          <label className="imv-filters__label" htmlFor={inputId}>
            {key === 'from' ? messages.from : messages.to}
          </label>
          <input
            id={inputId}
            name={key}
            className="imv-input imv-filters__input"
            type="datetime-local"
            value={current.text[key]}
            onChange={edit(key)}
            onKeyDown={applyOnEnter}
            onBlur={applyIfDirty(key)}
            aria-invalid={invalid || undefined}
            aria-describedby={cx(error && errorId, zoneId)}
            data-state={invalid ? 'invalid' : filters[key] ? 'active' : 'inactive'}
          />
        </div>
      );
    };

    return (
      <form
        ref={ref}
        role="search"
        aria-label={messages.filtersLabel}
        noValidate
        {...rest}
        onSubmit={submit}
        className={cx('imv-filters', className)}
        data-slot="filters"
        data-state={hasFilters(filters) ? 'active' : 'inactive'}
      >
        <div className="imv-filters__row" data-slot="filters-row">
          {primary.map(textField)}
          {showDate ? (
            <div className="imv-filters__field" data-slot="filters-field" data-field="date">
              <label className="imv-filters__label" htmlFor={`${id}-range`}>
                {messages.dateRange}
              </label>
              <select
                id={`${id}-range`}
                className="imv-select imv-filters__select"
                value={preset}
                onChange={choosePreset}
                data-state={preset === 'all' ? 'inactive' : 'active'}
              >
                {DATE_PRESETS.map((p) => (
                  <option key={p} value={p}>
                    {messages[PRESET_LABELS[p]]}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {showDate && preset === 'custom' ? (
            <fieldset
              className="imv-filters__custom"
              data-slot="filters-custom-range"
              data-state={error ? 'invalid' : 'valid'}
            >
              <legend className="imv-visually-hidden">{messages.rangeCustom}</legend>
              {dateInput('from')}
              {dateInput('to')}
              <span id={zoneId} className="imv-filters__hint" data-slot="filters-hint">
                {messages.rangeTimeZone(zoneLabel(timeZone))}
              </span>
              {error ? (
                <span
                  id={errorId}
                  className="imv-filters__error"
                  data-slot="filters-error"
                  role="alert"
                >
                  {error.message}
                </span>
              ) : null}
            </fieldset>
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
              onClick={clear}
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
            {more.map(textField)}
          </div>
        ) : null}
      </form>
    );
  },
);
