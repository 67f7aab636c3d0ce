/**
 * The verify badge's strings, and its checkpoints' and receipts': loaded with the toolbar.
 * Replace any of them through the `messages` prop (see `Messages`).
 */
export const verifyMessages = {
  verifyProgress: (n: string) => `Checked ${n} events…`,
  verified: (n: string) => `Verified: ${n} events`,
  verifiedAt: (when: string) => `checked ${when}`,
  broken: (n: number) => `Chain broken: ${n} ${n === 1 ? 'break' : 'breaks'}`,
  firstBreak: (type: string, sequence: number) => `First: ${type} at #${sequence}`,
  openBrokenEvent: 'Open the first broken event',
  verifyError: 'Could not verify',
  reverify: 'Verify again',
  breakTypes: {
    hash_mismatch: 'hash mismatch',
    chain_mismatch: 'chain mismatch',
    sequence_gap: 'sequence gap',
    column_mismatch: 'stored copy mismatch',
  } as Record<string, string>,
  verifyErrorDetail: (message: string) => `Could not verify: ${message}`,
  breakOtherActor: "(another actor's event)",
  historyChanged: (when: string) => `History changed since you verified it on ${when}`,
  historyUnchanged: (when: string) => `unchanged since ${when}`,
  historyChangeReasons: {
    event_missing: 'The last event you verified is gone.',
    event_changed:
      'The last event you verified now has another hash: it, or history before it, was rewritten.',
    chain_shorter:
      'The chain is shorter than when you verified it: its newest events were removed.',
    head_changed: 'The newest event you verified now has another hash.',
  } as Record<string, string>,
  historyEvent: 'Event',
  historySequence: (sequence: number) => `#${sequence}`,
  hashSeen: 'Hash you saw',
  hashNow: 'Hash now',
  lengthSeen: 'Events you saw',
  lengthNow: 'Events now',
  eventGone: 'not found',
  acceptHistory: 'Accept current history…',
  acceptHistoryQuestion:
    'Replace your checkpoint with the history as it is now? Do this only if you know why it changed.',
  acceptHistoryConfirm: 'Accept current history',
  nothingToAccept:
    'The chain has no events now: there is no history to accept until new ones are verified.',
  acceptHistoryFailed: (message: string) => `Could not keep the new checkpoint: ${message}`,
  checkpointUnavailable: (message: string) =>
    `Not compared with your last verification: ${message}`,
  receipt: 'Receipt',
  downloadReceipt: 'Download receipt',
  checkReceipt: 'Check a receipt',
  receiptChecking: 'Checking the receipt…',
  receiptConsistent: (when: string) => `The receipt of ${when} matches the history now.`,
  receiptChanged: (when: string, reason: string) =>
    `The receipt of ${when} does not match the history now. ${reason}`,
  receiptOtherScope: (tenant: string) => `This receipt is for another log (tenant ${tenant}).`,
  receiptUnreadable: (message: string) => `Not a receipt: ${message}`,
  receiptFailed: (message: string) => `Could not check the receipt: ${message}`,
};

export type VerifyMessages = typeof verifyMessages;
