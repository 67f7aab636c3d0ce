import { parseCheckpoint, type Checkpoint } from '@getimmutable/client';
import { useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { formatAbsolute } from '../formatTime.js';
import { usePresentation } from '../viewerContext.js';
import { userTextMessage } from '../UserText.js';
import type { ReceiptCheck } from './useCheckpoint.js';
import { useMessages } from '../messages/useMessages.js';
import { verifyMessages } from '../messages/verifyMessages.js';

export interface ReceiptActionsProps {
  /** The checkpoint to save as a receipt. */
  checkpoint: Checkpoint;
  /** Checks a loaded receipt against the server now. */
  checkReceipt(receipt: Checkpoint): Promise<ReceiptCheck>;
}

/** Saves JSON as a file named `name`, without a server round trip. */
function saveJson(value: unknown, name: string): void {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoked later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Download receipt" saves the checkpoint as a small JSON file; "Check a receipt" reads one and
 * compares it with the history on the server now. Behind a disclosure, out of the way.
 */
export function ReceiptActions({ checkpoint, checkReceipt }: ReceiptActionsProps) {
  const messages = useMessages(verifyMessages);
  const { timeZone, locale } = usePresentation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: ReactNode } | null>(null);
  const when = (iso: string) => formatAbsolute(iso, timeZone, locale);

  const describe = (check: ReceiptCheck): { ok: boolean; text: ReactNode } => {
    if (check.status === 'consistent')
      return { ok: true, text: messages.receiptConsistent(when(check.receipt.verified_at)) };
    if (check.status === 'other_scope')
      return {
        ok: false,
        // The receipt file's tenant: isolated, its hidden characters shown.
        text: userTextMessage((user) =>
          messages.receiptOtherScope(user(check.receipt.scope.tenant_id)),
        ),
      };
    const reason = messages.historyChangeReasons[check.change.reason] ?? check.change.reason;
    return { ok: false, text: messages.receiptChanged(when(check.receipt.verified_at), reason) };
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be checked again
    if (!file) return;
    setOutcome({ ok: true, text: messages.receiptChecking });
    try {
      let receipt: Checkpoint;
      try {
        receipt = parseCheckpoint(JSON.parse(await file.text()));
      } catch (error) {
        setOutcome({
          ok: false,
          text: messages.receiptUnreadable(String((error as Error).message)),
        });
        return;
      }
      setOutcome(describe(await checkReceipt(receipt)));
    } catch (error) {
      setOutcome({ ok: false, text: messages.receiptFailed((error as Error).message) });
    }
  };

  return (
    <details className="imv-verify-badge__receipt" data-slot="verify-badge-receipt">
      <summary className="imv-button">{messages.receipt}</summary>
      <div className="imv-verify-badge__receipt-panel">
        <button
          type="button"
          className="imv-button"
          onClick={() =>
            saveJson(
              checkpoint,
              `receipt-${checkpoint.scope.tenant_id}-${checkpoint.head.sequence}.json`,
            )
          }
        >
          {messages.downloadReceipt}
        </button>
        {/* A button opens the hidden picker: a styled label would leave keyboard focus invisible. */}
        <button type="button" className="imv-button" onClick={() => inputRef.current?.click()}>
          {messages.checkReceipt}
        </button>
        <input
          ref={inputRef}
          hidden
          aria-label={messages.checkReceipt}
          type="file"
          accept="application/json,.json"
          onChange={(event) => void onFile(event)}
        />
        <p role="status" className="imv-verify-badge__receipt-result" data-ok={outcome?.ok}>
          {outcome?.text}
        </p>
      </div>
    </details>
  );
}
