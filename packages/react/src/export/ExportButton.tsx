import { EXPORT_FORMATS, isImmutableError, type ExportFormat } from '@getimmutable/client';
import { forwardRef, useId, useRef, type HTMLAttributes } from 'react';
import type { AuditFilters } from '../auditFilters.js';
import { cx } from '../cx.js';
import { useControllableState } from '../useControllableState.js';
import { useExport, type ExportState } from '../useExport.js';
import { usePresentation } from '../viewerContext.js';
import { formatNumber } from '../formatNumber.js';
import { useMessages } from '../messages/useMessages.js';
import { exportMessages } from '../messages/exportMessages.js';

export type ExportButtonState = ExportState['status'];

export interface ExportButtonProps extends HTMLAttributes<HTMLDivElement> {
  /** The filters to export (the same ones the table shows). @default {} (every event in scope) */
  filters?: AuditFilters;
  /** The chosen file format, when controlled. @default undefined (uncontrolled) */
  format?: ExportFormat;
  /** The file format chosen at first, when uncontrolled. @default 'csv' */
  defaultFormat?: ExportFormat;
  /** Called when the user picks another format. @default undefined */
  onFormatChange?: (format: ExportFormat) => void;
  /** Download the file as soon as the export completes. @default true */
  autoDownload?: boolean;
  /** Saves the finished file from its signed URL; replace it to hand the URL to the host. @default a link click that downloads the URL */
  onDownload?: (url: string) => void;
}

/**
 * Exports the current filters in a chosen format on the server, shows progress, can be
 * cancelled, then downloads the file.
 * @example <ExportButton filters={filters} />
 */
export const ExportButton = forwardRef<HTMLDivElement, ExportButtonProps>(function ExportButton(
  {
    filters,
    format: formatProp,
    defaultFormat = 'csv',
    onFormatChange,
    autoDownload = true,
    onDownload,
    className,
    ...rest
  },
  ref,
) {
  const messages = useMessages(exportMessages);
  const { locale } = usePresentation();
  const [format, setFormat] = useControllableState<ExportFormat>({
    prop: formatProp,
    defaultProp: defaultFormat,
    onChange: onFormatChange,
  });
  const exp = useExport({ autoDownload, ...(onDownload ? { onDownload } : {}) });
  const startRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const state = exp.status;
  const job = exp.job;

  const total = job?.events_count ?? null;
  const progressLabel =
    total === null || !job
      ? messages.exportPreparing
      : messages.exporting(
          formatNumber(job.events_processed, locale?.code),
          formatNumber(total, locale?.code),
        );

  let statusText = '';
  if (state === 'running') statusText = progressLabel;
  else if (state === 'completed') statusText = messages.exportDone;
  else if (state === 'cancelled') statusText = messages.exportCancelled;

  const failure = state === 'failed' ? (job?.error_message ?? exp.error?.message ?? '') : '';
  // 429: the server refused to start another export while this viewer's others run.
  const busy = state === 'failed' && isImmutableError(exp.error) && exp.error.status === 429;

  return (
    <div
      ref={ref}
      role="group"
      aria-label={messages.exportLabel}
      className={cx('imv-export-button', className)}
      data-slot="export-button"
      data-state={state}
      aria-busy={state === 'running' || undefined}
      {...rest}
    >
      <label
        className="imv-export-button__format-label"
        data-slot="export-button-format-label"
        htmlFor={`${id}-format`}
      >
        {messages.exportFormat}
      </label>
      <select
        id={`${id}-format`}
        className="imv-select imv-export-button__format"
        data-slot="export-button-format"
        value={format}
        onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
      >
        {EXPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {messages.exportFormats[f] ?? f}
          </option>
        ))}
      </select>
      <button
        ref={startRef}
        type="button"
        className="imv-button imv-export-button__start"
        data-slot="export-button-start"
        data-variant="primary"
        // aria-disabled rather than disabled: the button keeps focus while the export runs.
        aria-disabled={state === 'running' || undefined}
        onClick={() => {
          if (state !== 'running') exp.start(filters ?? {}, format);
        }}
      >
        {messages.exportLabel}
      </button>
      {state === 'running' ? (
        <>
          <progress
            id={`${id}-progress`}
            className="imv-export-button__progress"
            data-slot="export-button-progress"
            aria-label={messages.exportProgressLabel}
            aria-describedby={`${id}-status`}
            {...(total !== null && job
              ? { max: Math.max(total, 1), value: Math.min(job.events_processed, total) }
              : {})}
          />
          <button
            type="button"
            className="imv-button imv-export-button__cancel"
            data-slot="export-button-cancel"
            onClick={() => {
              exp.cancel();
              // The Cancel button is about to go away; keep focus in the component.
              startRef.current?.focus();
            }}
          >
            {messages.exportCancel}
          </button>
        </>
      ) : null}
      <span
        id={`${id}-status`}
        className="imv-export-button__status"
        data-slot="export-button-status"
        role="status"
      >
        {statusText}
      </span>
      {state === 'completed' && job?.download_url ? (
        <button
          type="button"
          className="imv-button imv-export-button__download"
          data-slot="export-button-download"
          onClick={() => exp.download()}
        >
          {messages.exportDownload}
        </button>
      ) : null}
      {state === 'failed' ? (
        <span className="imv-export-button__error" data-slot="export-button-error" role="alert">
          <span aria-hidden="true">! </span>
          {busy ? messages.exportBusy : messages.exportFailed(failure)}
        </span>
      ) : null}
    </div>
  );
});
