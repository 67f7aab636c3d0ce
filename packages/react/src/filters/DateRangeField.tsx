import { cx } from '../cx.js';
import { zoneLabel } from '../formatTime.js';
import { usePresentation } from '../viewerContext.js';
import { DATE_PRESETS, type DatePreset } from './datePresets.js';
import type { RangeProblem } from './filterDraftReducer.js';
import type { DraftInputHandlers } from './useFilterDraft.js';
import { useMessages } from '../messages/useMessages.js';
import { filterMessages, type FilterMessages } from '../messages/filterMessages.js';
import { coreMessages, type CoreMessages } from '../messages/coreMessages.js';

type Bound = 'from' | 'to';

export interface DateRangeFieldProps {
  /** Prefix of the inputs' ids (the form's `useId`), so labels and hints stay unique per form. */
  idBase: string;
  /** The select's value. */
  preset: DatePreset;
  onPresetChange(preset: DatePreset): void;
  /** What the From and To inputs show (wall-clock time in the viewer's zone). */
  text: Readonly<Record<Bound, string>>;
  /** Which bounds the applied filters hold, for each input's `data-state`. */
  applied: Readonly<Partial<Record<Bound, string>>>;
  /** Shown under the custom inputs (only while "Custom" is chosen). */
  problem: RangeProblem | null;
  handlers(bound: Bound): DraftInputHandlers;
}

const PRESET_LABELS = {
  all: 'rangeAll',
  '24h': 'range24h',
  '7d': 'range7d',
  '30d': 'range30d',
  custom: 'rangeCustom',
} as const satisfies Record<DatePreset, keyof (FilterMessages & CoreMessages)>;

/**
 * The date range of the filter bar: a select of presets and, for "Custom", From and To inputs
 * typed in the viewer's time zone (which the hint names), with the range's error inline.
 * A fragment, so its parts sit in the bar's row like the other fields.
 */
export function DateRangeField({
  idBase: id,
  preset,
  onPresetChange,
  text,
  applied,
  problem,
  handlers,
}: DateRangeFieldProps) {
  const messages = useMessages(filterMessages, coreMessages);
  const { timeZone } = usePresentation();
  const error = preset === 'custom' ? problem : null;
  const errorId = `${id}-range-error`;
  const zoneId = `${id}-range-zone`;
  const message =
    error?.kind === 'invalid'
      ? messages.invalidDate(messages[error.fields[0]!])
      : error
        ? messages.rangeOrderError(messages.from, messages.to)
        : null;

  const input = (bound: Bound) => {
    const invalid = error?.fields.includes(bound) ?? false;
    return (
      <div className="imv-filters__field" data-slot="filters-field" data-field={bound}>
        <label className="imv-filters__label" htmlFor={`${id}-${bound}`}>
          {messages[bound]}
        </label>
        <input
          id={`${id}-${bound}`}
          name={bound}
          className="imv-input imv-filters__input"
          type="datetime-local"
          value={text[bound]}
          {...handlers(bound)}
          aria-invalid={invalid || undefined}
          aria-describedby={cx(error && errorId, zoneId)}
          data-state={invalid ? 'invalid' : applied[bound] ? 'active' : 'inactive'}
        />
      </div>
    );
  };

  return (
    <>
      <div className="imv-filters__field" data-slot="filters-field" data-field="date">
        <label className="imv-filters__label" htmlFor={`${id}-range`}>
          {messages.dateRange}
        </label>
        <select
          id={`${id}-range`}
          className="imv-select imv-filters__select"
          value={preset}
          onChange={(event) => onPresetChange(event.target.value as DatePreset)}
          data-state={preset === 'all' ? 'inactive' : 'active'}
        >
          {DATE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {messages[PRESET_LABELS[p]]}
            </option>
          ))}
        </select>
      </div>
      {preset === 'custom' ? (
        <fieldset
          className="imv-filters__custom"
          data-slot="filters-custom-range"
          data-state={error ? 'invalid' : 'valid'}
        >
          <legend className="imv-visually-hidden">{messages.rangeCustom}</legend>
          {input('from')}
          {input('to')}
          <span id={zoneId} className="imv-filters__hint" data-slot="filters-hint">
            {messages.rangeTimeZone(zoneLabel(timeZone))}
          </span>
          {message ? (
            <span
              id={errorId}
              className="imv-filters__error"
              data-slot="filters-error"
              role="alert"
            >
              {message}
            </span>
          ) : null}
        </fieldset>
      ) : null}
    </>
  );
}
