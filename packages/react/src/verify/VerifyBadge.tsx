import type { VerifyBreak } from '@getimmutable/client';
import { forwardRef, useId, type HTMLAttributes } from 'react';
import { cx } from '../cx.js';
import { RelativeTime } from '../RelativeTime.js';
import { useVerify } from '../useVerify.js';
import { usePresentation } from '../viewerContext.js';
import { formatNumber } from '../formatNumber.js';
import { formatAbsolute } from '../formatTime.js';
import { useCheckpoint } from '../checkpoint/useCheckpoint.js';
import { onDemand } from '../onDemand/onDemand.js';
import { OnDemandPart } from '../onDemand/OnDemandPart.js';
import { useMessages } from '../messages/useMessages.js';
import { verifyMessages } from '../messages/verifyMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

/** `changed`: the chain verifies, but not as the history verified before (see checkpoints). */
export type VerifyBadgeState = 'verifying' | 'verified' | 'broken' | 'error' | 'changed';

export interface VerifyBadgeProps extends HTMLAttributes<HTMLDivElement> {
  /** Verify events created at or after this ISO 8601 time. @default the start of the chain */
  from?: string;
  /** Verify events created at or before this ISO 8601 time (a bare date covers the whole day). @default now */
  to?: string;
  /** Events the server checks per request (1..100000); a smaller one reports progress more often. @default the server's (10000) */
  limit?: number;
  /** Called with the first broken event's id when the user opens it; without it the break is shown as text. @default undefined */
  onBreakSelect?: (eventId: string) => void;
}

// Shown only after a verify, and most of it only when history changed: loaded on demand.
const historyChangedPart = onDemand(() => import('../checkpoint/HistoryChangedNotice.js'));
const receiptPart = onDemand(() => import('../checkpoint/ReceiptActions.js'));

const ICONS: Record<VerifyBadgeState, string> = {
  verifying: '⟳',
  verified: '✓',
  broken: '✗',
  error: '!',
  changed: '≠',
};

/** The break with the lowest sequence: where the chain first stops being trustworthy. */
function firstBreak(breaks: VerifyBreak[]): VerifyBreak | undefined {
  let first: VerifyBreak | undefined;
  for (const b of breaks) if (!first || b.sequence < first.sequence) first = b;
  return first;
}

/**
 * Verifies the hash chain of a date range on the server, to the end, and says how it went:
 * verifying (with progress), verified, broken (naming the first break) or an error.
 * @example <VerifyBadge from="2026-03-01" onBreakSelect={(id) => setSelectedEvent(id)} />
 */
export const VerifyBadge = forwardRef<HTMLDivElement, VerifyBadgeProps>(function VerifyBadge(
  { from, to, limit, onBreakSelect, className, ...rest },
  ref,
) {
  const messages = useMessages(verifyMessages, coreMessages);
  const { locale, timeZone } = usePresentation();
  const verify = useVerify({ from, to, limit });
  const { result, error, checked, isVerifying } = verify;
  // Only a verify that reaches the chain's end has the head a checkpoint is compared with.
  const checkpoint = useCheckpoint({
    result: verify.status === 'success' && !isVerifying ? result : null,
    enabled: to === undefined,
    fromStart: from === undefined,
  });
  const code = locale?.code;
  const describedBy = useId();
  // The checkpoint a receipt is offered for (a const, so the render function below keeps it narrowed).
  const receiptFor = checkpoint.checkpoint;

  let state: VerifyBadgeState;
  if (isVerifying || verify.status === 'pending') state = 'verifying';
  else if (verify.status === 'error' || !result) state = 'error';
  else if (!result.valid) state = 'broken';
  else state = checkpoint.status === 'changed' ? 'changed' : 'verified';

  let text: string;
  if (state === 'verifying')
    text = checked > 0 ? messages.verifyProgress(formatNumber(checked, code)) : messages.verifying;
  else if (state === 'error')
    text = error?.message ? messages.verifyErrorDetail(error.message) : messages.verifyError;
  else if (state === 'verified')
    text = messages.verified(formatNumber(result!.events_checked, code));
  else if (checkpoint.status === 'changed')
    text = messages.historyChanged(
      formatAbsolute(checkpoint.checkpoint.verified_at, timeZone, locale),
    );
  else text = messages.broken(result!.breaks.length);

  const first = state === 'broken' ? firstBreak(result!.breaks) : undefined;
  const firstText = first
    ? messages.firstBreak(messages.breakTypes[first.type] ?? first.type, first.sequence)
    : '';

  return (
    <div
      ref={ref}
      className={cx('imv-verify-badge', className)}
      data-slot="verify-badge"
      data-state={state}
      aria-busy={state === 'verifying' || undefined}
      {...rest}
    >
      <span className="imv-verify-badge__icon" data-slot="verify-badge-icon" aria-hidden="true">
        {ICONS[state]}
      </span>
      <span className="imv-verify-badge__text" data-slot="verify-badge-status" role="status">
        {text}
      </span>
      {state === 'verified' && result ? (
        <RelativeTime
          iso={result.verified_at}
          className="imv-verify-badge__when"
          data-slot="verify-badge-time"
        >
          {messages.verifiedAt}
        </RelativeTime>
      ) : null}
      {state === 'verified' && checkpoint.status === 'consistent' ? (
        <span className="imv-verify-badge__when" data-slot="verify-badge-checkpoint">
          {messages.historyUnchanged(
            formatAbsolute(checkpoint.previous.verified_at, timeZone, locale),
          )}
        </span>
      ) : null}
      {state === 'verified' && checkpoint.status === 'unavailable' ? (
        <span className="imv-verify-badge__when" data-slot="verify-badge-checkpoint">
          {messages.checkpointUnavailable(checkpoint.error.message)}
        </span>
      ) : null}
      {first ? (
        first.event_id !== null && onBreakSelect ? (
          <>
            <button
              type="button"
              className="imv-button imv-verify-badge__break"
              data-slot="verify-badge-break"
              data-break-type={first.type}
              aria-describedby={describedBy}
              onClick={() => onBreakSelect(first.event_id!)}
            >
              {firstText}
            </button>
            <span id={describedBy} className="imv-visually-hidden">
              {messages.openBrokenEvent}
            </span>
          </>
        ) : (
          <span
            className="imv-verify-badge__break"
            data-slot="verify-badge-break"
            data-break-type={first.type}
          >
            {firstText}
            {first.event_id === null ? <> {messages.breakOtherActor}</> : null}
          </span>
        )
      ) : null}
      <button
        type="button"
        className="imv-button imv-verify-badge__action"
        data-slot="verify-badge-action"
        // aria-disabled rather than disabled: the button keeps focus while a check runs.
        aria-disabled={state === 'verifying' || undefined}
        onClick={() => {
          if (state !== 'verifying') verify.reverify();
        }}
      >
        {state === 'error' ? messages.retry : messages.reverify}
      </button>
      {receiptFor && (state === 'verified' || state === 'changed') ? (
        <OnDemandPart
          part={receiptPart}
          render={({ ReceiptActions }) => (
            <ReceiptActions checkpoint={receiptFor} checkReceipt={checkpoint.checkReceipt} />
          )}
          failure={messages.checkpointLoadFailed}
          failureSlot="receipt-actions-error"
        />
      ) : null}
      {checkpoint.status === 'changed' && state === 'changed' ? (
        <OnDemandPart
          part={historyChangedPart}
          render={({ HistoryChangedNotice }) => (
            <HistoryChangedNotice
              change={checkpoint.change}
              onAccept={checkpoint.accept}
              canAccept={checkpoint.canAccept}
              isAccepting={checkpoint.isAccepting}
              onEventSelect={onBreakSelect}
            />
          )}
          failure={messages.checkpointLoadFailed}
          failureSlot="history-changed-error"
        />
      ) : null}
    </div>
  );
});
