import type { Checkpoint } from '../checkpoint/Checkpoint.js';
import type { ExportChain, ExportPosition, ReceiptCheck, ReceiptEvent } from './ExportReport.js';
import type { EventRecord } from './readEventRecord.js';

type Seen = ReceiptEvent & { tenantId: string | null; position: number };

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Watches the events of a file go by for the ones a receipt names, keeping only those, then
 * says whether the file is consistent with the receipt. The receipt's event is compared (its
 * head when it has none); its head too when the file holds that sequence.
 */
export class ReceiptWatch {
  readonly #tenant: string;
  readonly #expected: ReceiptEvent;
  /** The receipt's head, when it is not already the event compared. */
  readonly #head: Checkpoint['head'] | null;
  #atSequence: Seen | null = null;
  #byId: Seen | null = null;
  #atHead: Seen | null = null;

  constructor(checkpoint: Checkpoint) {
    this.#tenant = checkpoint.scope.tenant_id;
    const event = checkpoint.event;
    this.#expected = event ?? { id: null, ...checkpoint.head };
    this.#head = event && event.sequence !== checkpoint.head.sequence ? checkpoint.head : null;
  }

  see(record: EventRecord, position: number): void {
    const ofChain = record.tenantId === this.#tenant;
    const seen = (): Seen => ({
      id: record.id,
      sequence: record.sequence,
      event_hash: record.eventHash,
      tenantId: record.tenantId,
      position,
    });
    if (ofChain && record.sequence === this.#expected.sequence) this.#atSequence ??= seen();
    if (record.id === this.#expected.id) this.#byId ??= seen();
    if (ofChain && record.sequence === this.#head?.sequence) this.#atHead ??= seen();
  }

  outcome(chains: ExportChain[], toPosition: (p: number) => ExportPosition): ReceiptCheck {
    const tenant = this.#tenant;
    const chain = chains.find((c) => c.tenant_id === tenant);
    const expected = this.#expected;
    const result = (status: ReceiptCheck['status'], seen: Seen | null, message: string) => ({
      status,
      tenant_id: tenant,
      expected,
      actual: seen && {
        id: seen.id,
        sequence: seen.sequence,
        event_hash: seen.event_hash,
        ...toPosition(seen.position),
      },
      message,
    });
    const byId = this.#byId;
    if (byId && (byId.tenantId !== tenant || byId.sequence !== expected.sequence)) {
      const where = byId.tenantId === tenant ? '' : ` of tenant ${String(byId.tenantId)}`;
      return result(
        'inconsistent',
        byId,
        `The receipt has event ${byId.id} at sequence ${expected.sequence}; the file has it at sequence ${byId.sequence}${where}.`,
      );
    }
    const at = this.#atSequence;
    if (at) {
      if (
        at.event_hash !== expected.event_hash ||
        (expected.id !== null && at.id !== expected.id)
      ) {
        return result(
          'inconsistent',
          at,
          `At sequence ${expected.sequence} of tenant ${tenant} the receipt has ${expected.id ?? 'the head'} (${short(expected.event_hash)}); the file has ${at.id} (${short(at.event_hash)}).`,
        );
      }
      const head = this.#head;
      const atHead = this.#atHead;
      if (head && atHead && atHead.event_hash !== head.event_hash) {
        return result(
          'inconsistent',
          atHead,
          `At the receipt's head, sequence ${head.sequence} of tenant ${tenant}, the receipt has ${short(head.event_hash)}; the file has ${atHead.id} (${short(atHead.event_hash)}).`,
        );
      }
      return result(
        'consistent',
        at,
        `The file has the receipt's event at sequence ${expected.sequence} of tenant ${tenant}, with the same hash.`,
      );
    }
    if (!chain || chain.head.sequence < expected.sequence) {
      const ends = chain ? `ends at sequence ${chain.head.sequence}` : 'has no events';
      return result(
        'ends_before',
        null,
        `The file's chain of tenant ${tenant} ${ends}, before the receipt's sequence ${expected.sequence}: nothing to compare.`,
      );
    }
    if (chain.first_sequence > expected.sequence) {
      return result(
        'starts_after',
        null,
        `The file's chain of tenant ${tenant} starts at sequence ${chain.first_sequence}, after the receipt's sequence ${expected.sequence}: nothing to compare.`,
      );
    }
    return result(
      'inconsistent',
      null,
      `The file covers sequences ${chain.first_sequence}–${chain.head.sequence} of tenant ${tenant} but has no event at the receipt's sequence ${expected.sequence}.`,
    );
  }
}
