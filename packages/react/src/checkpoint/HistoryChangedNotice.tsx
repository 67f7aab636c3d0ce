import type { CheckpointChange } from '@getimmutable/client';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../messages/useMessages.js';
import { verifyMessages } from '../messages/verifyMessages.js';
import { coreMessages } from '../messages/coreMessages.js';
import { userTextMessage } from '../UserText.js';

export interface HistoryChangedNoticeProps {
  change: CheckpointChange;
  /** Replaces the checkpoint with the current history; the user has confirmed. */
  onAccept(): Promise<void>;
  /** False when the chain is now empty: no history to accept until events are verified again. */
  canAccept: boolean;
  isAccepting: boolean;
  /** Opens the checkpointed event, when the host can show one. */
  onEventSelect?: ((eventId: string) => void) | undefined;
}

/**
 * What changed since the checkpoint — the event, the hash seen, the hash now — and the one way
 * out: accepting the current history, after an explicit confirmation (a re-verify does not).
 */
export function HistoryChangedNotice({
  change,
  onAccept,
  canAccept,
  isAccepting,
  onEventSelect,
}: HistoryChangedNoticeProps) {
  const messages = useMessages(verifyMessages, coreMessages);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Focus follows the question, and returns to the button that asked it when it closes.
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const accept = () => {
    setFailure(null);
    onAccept().then(
      () => setConfirming(false),
      (error: unknown) =>
        setFailure(messages.acceptHistoryFailed(error instanceof Error ? error.message : '')),
    );
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // the question closes, not a dialog around the badge
    setConfirming(false);
  };
  const isHash = change.reason !== 'chain_shorter';
  const eventText =
    change.event_id === null
      ? messages.historySequence(change.sequence)
      : // The id is the history's (a rewritten one's too): isolated, its hidden characters shown.
        userTextMessage((user) => `${user(change.event_id!)} (#${change.sequence})`);

  return (
    <div className="imv-verify-badge__history" data-slot="verify-badge-history">
      <p className="imv-verify-badge__history-reason">
        {messages.historyChangeReasons[change.reason] ?? change.reason}
      </p>
      <dl className="imv-verify-badge__history-facts">
        <dt>{messages.historyEvent}</dt>
        <dd>
          {change.event_id !== null && onEventSelect ? (
            <button
              type="button"
              className="imv-button imv-verify-badge__history-event"
              onClick={() => onEventSelect(change.event_id!)}
            >
              {eventText}
            </button>
          ) : (
            eventText
          )}
        </dd>
        <dt>{isHash ? messages.hashSeen : messages.lengthSeen}</dt>
        <dd>
          <code>{change.expected}</code>
        </dd>
        <dt>{isHash ? messages.hashNow : messages.lengthNow}</dt>
        <dd>{change.actual === null ? messages.eventGone : <code>{change.actual}</code>}</dd>
      </dl>
      {!canAccept ? (
        <p className="imv-verify-badge__history-reason">{messages.nothingToAccept}</p>
      ) : null}
      {!canAccept ? null : confirming ? (
        <div role="group" aria-labelledby={questionId} className="imv-verify-badge__confirm">
          <p id={questionId}>{messages.acceptHistoryQuestion}</p>
          <button
            ref={confirmRef}
            type="button"
            className="imv-button imv-verify-badge__confirm-yes"
            aria-disabled={isAccepting || undefined}
            onKeyDown={cancelOnEscape}
            onClick={() => {
              if (!isAccepting) accept();
            }}
          >
            {messages.acceptHistoryConfirm}
          </button>
          <button
            type="button"
            className="imv-button"
            onKeyDown={cancelOnEscape}
            onClick={() => setConfirming(false)}
          >
            {messages.cancel}
          </button>
          {failure ? <p role="alert">{failure}</p> : null}
        </div>
      ) : (
        <button
          ref={askRef}
          type="button"
          className="imv-button imv-verify-badge__accept"
          onClick={() => setConfirming(true)}
        >
          {messages.acceptHistory}
        </button>
      )}
    </div>
  );
}
