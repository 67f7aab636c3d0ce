import {
  hasOnlyGaps,
  type Checkpoint,
  type ExportReport,
  type VerifyExportFileOptions,
} from '@getimmutable/client/offline';
import {
  forwardRef,
  useId,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { cx } from '../cx.js';
import { formatNumber } from '../formatNumber.js';
import { usePresentation } from '../viewerContext.js';
import { userTextMessage } from '../UserText.js';
import { exportVerifierMessages, type ExportVerifierMessages } from './exportVerifierMessages.js';
import { ExportVerifierResult } from './ExportVerifierResult.js';
import { useExportVerification, type ExportVerifierStatus } from './useExportVerification.js';

export type ExportVerifierState = ExportVerifierStatus;

export interface ExportVerifierProps extends HTMLAttributes<HTMLDivElement> {
  /** A receipt (a saved checkpoint, e.g. useStoredCheckpoint's) the file must be consistent with; null for none. @default undefined (none) */
  checkpoint?: Checkpoint | null;
  /** Texts to replace, any of them (translations, the host's wording). @default the English texts */
  messages?: Partial<ExportVerifierMessages>;
  /** Called with the report of each check that finishes. @default undefined */
  onResult?: (report: ExportReport) => void;
  /** Where the check runs: a Web Worker when one starts, else the main thread in slices (`auto`); or always the main thread. @default 'auto' */
  runIn?: VerifyExportFileOptions['where'];
}

const ACCEPT = '.json,.ndjson,.jsonl,application/json,application/x-ndjson';

/**
 * Checks an export file (JSON or NDJSON) on this device, never uploading it: recomputes every
 * hash, checks every link of every chain, and compares the file with a receipt if given. Pick
 * the file or drop it; progress shows and the check can be cancelled.
 * @example <ExportVerifier checkpoint={receipt} onResult={(r) => console.log(r.status)} />
 */
export const ExportVerifier = forwardRef<HTMLDivElement, ExportVerifierProps>(
  function ExportVerifier({ checkpoint, messages, onResult, runIn, className, ...rest }, ref) {
    const { locale } = usePresentation();
    const m = useMemo(() => ({ ...exportVerifierMessages, ...messages }), [messages]);
    const check = useExportVerification({ checkpoint, onResult, where: runIn });
    const inputRef = useRef<HTMLInputElement>(null);
    const [dragging, setDragging] = useState(false);
    const id = useId();
    const format = (value: number) => formatNumber(value, locale?.code);
    const { status, report, file, progress } = check;

    // A filtered export's gaps are told apart from tampering, in words and colour (a warning).
    const onlyGaps = status === 'broken' && report !== null && hasOnlyGaps(report);
    // The file's name and what a problem quotes of its content are the file's: isolated.
    let statusText: ReactNode = '';
    if (status === 'checking' && file) {
      const percent = file.size > 0 ? Math.floor((100 * progress.bytes) / file.size) : 0;
      statusText = userTextMessage((user) =>
        m.checking(user(file.name), format(progress.events), `${percent}%`),
      );
    } else if (status === 'cancelled') {
      statusText = m.cancelled;
    } else if (status === 'unusable') {
      const problem = report?.problem?.message;
      statusText = userTextMessage((user) =>
        problem !== undefined ? m.unusable(user(problem)) : m.failed(check.error ?? ''),
      );
    } else if (status === 'valid' && report) {
      statusText = m.valid(format(report.events), format(report.chains.length));
    } else if (status === 'broken' && report) {
      statusText = onlyGaps
        ? m.gapsOnly(format(report.breaks.length), format(report.events))
        : report.breaks.length > 0
          ? m.broken(format(report.breaks.length), format(report.events))
          : m.receipt.inconsistent;
    }

    return (
      <div
        ref={ref}
        role="group"
        aria-label={m.label}
        className={cx('imv-export-verifier', className)}
        data-slot="export-verifier"
        data-state={status}
        data-only-gaps={onlyGaps || undefined}
        aria-busy={status === 'checking' || undefined}
        {...rest}
      >
        {/* Dropping is a pointer shortcut to the file input inside, which keyboards and screen
            readers use: the area itself has no role of its own. */}
        <div
          role="presentation"
          className="imv-export-verifier__drop"
          data-slot="export-verifier-drop"
          data-dragging={dragging || undefined}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            const dropped = event.dataTransfer.files[0];
            if (dropped) check.start(dropped);
          }}
        >
          <label
            htmlFor={`${id}-file`}
            className="imv-export-verifier__label"
            data-slot="export-verifier-label"
          >
            {m.pick}
          </label>
          <input
            ref={inputRef}
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            className="imv-export-verifier__input"
            data-slot="export-verifier-input"
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              const picked = event.currentTarget.files?.[0];
              // Cleared, so that picking the same file again (after editing it) checks it again.
              event.currentTarget.value = '';
              if (picked) check.start(picked);
            }}
          />
          <p
            id={`${id}-hint`}
            className="imv-export-verifier__hint"
            data-slot="export-verifier-hint"
          >
            {dragging ? m.dropHere : m.hint}
          </p>
        </div>
        {status === 'checking' && file ? (
          <div className="imv-export-verifier__progress-row">
            <progress
              className="imv-export-verifier__progress"
              data-slot="export-verifier-progress"
              aria-label={m.progressLabel}
              aria-describedby={`${id}-status`}
              max={Math.max(file.size, 1)}
              value={Math.min(progress.bytes, file.size)}
            />
            <button
              type="button"
              className="imv-button imv-export-verifier__cancel"
              data-slot="export-verifier-cancel"
              onClick={() => {
                check.cancel();
                // The Cancel button goes away: keep focus in the component, on the file picker.
                inputRef.current?.focus();
              }}
            >
              {m.cancel}
            </button>
          </div>
        ) : null}
        <p
          id={`${id}-status`}
          className="imv-export-verifier__status"
          data-slot="export-verifier-status"
          role="status"
        >
          {statusText}
        </p>
        {report && (status === 'valid' || status === 'broken') ? (
          <ExportVerifierResult report={report} messages={m} format={format} />
        ) : null}
      </div>
    );
  },
);
