import type { ExportBreak, ReceiptCheck } from '@getimmutable/client/offline';

/**
 * The texts of <ExportVerifier />, kept with it rather than in the kit's shared messages; replace
 * any of them through its `messages` prop. Numbers arrive already formatted for the locale.
 */
export const exportVerifierMessages = {
  // Without the word "export": a Playwright test's getByRole('group', { name: 'Export' }) (a
  // substring match) would otherwise find this beside the kit's ExportButton.
  label: 'Verify a file offline',
  pick: 'Check an export file (JSON or NDJSON)',
  hint: 'Or drop it here. It is checked in this browser and never uploaded.',
  dropHere: 'Drop the file to check it',
  progressLabel: 'Checking the file',
  checking: (name: string, events: string, percent: string) =>
    `Checking ${name}: ${percent} (events read: ${events})…`,
  cancel: 'Cancel check',
  cancelled: 'Check cancelled.',
  valid: (events: string, chains: string) =>
    `Valid: every hash and link checks out (events: ${events}, chains: ${chains}).`,
  broken: (breaks: string, events: string) => `Broken — problems: ${breaks} (events: ${events}).`,
  /** Broken, but only by sequence gaps (hasOnlyGaps): what a filtered export looks like. */
  gapsOnly: (gaps: string, events: string) =>
    `Every event checks out, but events are missing in ${gaps} places (events: ${events}). ` +
    'An export filtered by actor, action or resource has such gaps; one of every event, or of ' +
    'a date range, should have none.',
  unusable: (message: string) => `This file cannot be checked: ${message}`,
  failed: (message: string) => `The check stopped: ${message}`,
  breaksCaption: 'Breaks',
  columnType: 'Break',
  columnWhere: 'Where',
  columnEvent: 'Event',
  columnSequence: 'Sequence',
  line: (n: string) => `line ${n}`,
  index: (n: string) => `index ${n}`,
  moreBreaks: (n: string) => `…and ${n} more.`,
  breakTypes: {
    hash_mismatch: 'Content altered (hash mismatch)',
    chain_mismatch: 'Link broken (chain mismatch)',
    sequence_gap: 'Events missing (sequence gap)',
    out_of_order: 'Lines moved (out of order)',
  } satisfies Record<ExportBreak['type'], string>,
  headsCaption: 'Chains',
  noTenant: 'No tenant',
  head: (tenant: string, events: string, sequence: string) =>
    `${tenant} — events: ${events}, head at sequence ${sequence}`,
  receiptCaption: 'Receipt',
  receiptExpected: 'The receipt has',
  receiptActual: 'The file has',
  receiptEvent: (sequence: string, id: string | null, hash: string) =>
    id === null
      ? `sequence ${sequence}, hash ${hash}`
      : `sequence ${sequence}, event ${id}, hash ${hash}`,
  receiptNothing: 'no event at that sequence',
  receipt: {
    consistent: 'Consistent with the receipt.',
    ends_before: 'The file ends before the receipt: consistent as far as it goes.',
    starts_after: 'The file starts after the receipt: nothing to compare.',
    inconsistent: 'Not consistent with the receipt: history was rewritten.',
  } satisfies Record<ReceiptCheck['status'], string>,
};

export type ExportVerifierMessages = typeof exportVerifierMessages;
