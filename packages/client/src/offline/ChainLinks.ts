import type { BreakList, FoundBreak } from './BreakList.js';
import type { ExportChain } from './ExportReport.js';
import { checkPreviousHashForm } from './checkPreviousHashForm.js';

/** What linking needs of an event. */
export interface ChainEvent {
  id: string;
  sequence: number;
  eventHash: string;
  previousHash: string | null;
  /** Its line or index in the file. */
  position: number;
}

/** A link across missing sequences, kept in case an event listed later fills it. */
interface Gap {
  below: ChainEvent;
  above: ChainEvent;
  found: FoundBreak;
}

/**
 * Checks the links of one chain as the server's verify walks it, in sequence order, while its
 * events arrive newest first (the order the server writes exports in). Then each event links to
 * the lowest one seen so far and nothing else needs keeping: memory does not grow with the file.
 * Events listed out of order are placed by sequence against the chain's ends and its gaps, so
 * only gaps (each already a break) are kept, not every event.
 */
export class ChainLinks {
  readonly tenantId: string | null;
  readonly #breaks: BreakList;
  #events = 0;
  #lowest: ChainEvent | null = null;
  #highest: ChainEvent | null = null;
  /** The sequence of this chain's previous line: the next one should be lower. */
  #previousInFile = 0;
  /** Provisional sequence gaps, by descending sequence: the order newest-first input finds them. */
  #gaps: Gap[] = [];

  constructor(tenantId: string | null, breaks: BreakList) {
    this.tenantId = tenantId;
    this.#breaks = breaks;
  }

  add(event: ChainEvent): void {
    this.#events++;
    const lowest = this.#lowest;
    const highest = this.#highest;
    if (lowest === null || highest === null) {
      this.#lowest = this.#highest = event;
      this.#previousInFile = event.sequence;
      return;
    }
    if (event.sequence > this.#previousInFile) {
      this.#report(event, 'out_of_order', String(this.#previousInFile), String(event.sequence));
    }
    this.#previousInFile = event.sequence;
    if (event.sequence < lowest.sequence) {
      const gap = this.#link(event, lowest);
      if (gap) this.#gaps.push(gap);
      this.#lowest = event;
    } else if (event.sequence > highest.sequence) {
      const gap = this.#link(highest, event);
      if (gap) this.#gaps.unshift(gap);
      this.#highest = event;
    } else {
      this.#fill(event);
    }
  }

  /** The lowest event's link leads out of the file: its form is all there is to check. */
  checkLowest(): void {
    const lowest = this.#lowest;
    if (lowest) checkPreviousHashForm(lowest.previousHash, lowest.position);
  }

  /** Ends the walk: the first event of a chain links to nothing. Null for a chain never added to. */
  finish(): ExportChain | null {
    const lowest = this.#lowest;
    const highest = this.#highest;
    if (lowest === null || highest === null) return null;
    if (lowest.sequence === 1 && lowest.previousHash !== null) {
      this.#report(lowest, 'chain_mismatch', null, lowest.previousHash);
    }
    return {
      tenant_id: this.tenantId,
      events: this.#events,
      first_sequence: lowest.sequence,
      head: { sequence: highest.sequence, event_hash: highest.eventHash, event_id: highest.id },
    };
  }

  /** An event between the lowest and highest: it fills a gap, or repeats a sequence. */
  #fill(event: ChainEvent): void {
    const at = this.#gapIndex(event.sequence);
    const gap = at === -1 ? undefined : this.#gaps[at];
    if (!gap) {
      // The walk would meet the sequence twice; the second time is not the next one.
      checkPreviousHashForm(event.previousHash, event.position);
      this.#report(event, 'sequence_gap', String(event.sequence + 1), String(event.sequence));
      return;
    }
    this.#breaks.retract(gap.found);
    const pieces = [this.#link(event, gap.above), this.#link(gap.below, event)];
    this.#gaps.splice(at, 1, ...pieces.filter((piece): piece is Gap => piece !== null));
  }

  /** The index of the gap strictly around `sequence`, or -1 (binary search, gaps descending). */
  #gapIndex(sequence: number): number {
    let lo = 0;
    let hi = this.#gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#gaps[mid]!.below.sequence >= sequence) lo = mid + 1;
      else hi = mid;
    }
    const gap = this.#gaps[lo];
    return gap && gap.above.sequence > sequence ? lo : -1;
  }

  /** Checks that `above` follows `below` as the server's walk does; a gap is returned to keep. */
  #link(below: ChainEvent, above: ChainEvent): Gap | null {
    if (above.sequence !== below.sequence + 1) {
      checkPreviousHashForm(above.previousHash, above.position);
      const expected = String(below.sequence + 1);
      const found = this.#report(above, 'sequence_gap', expected, String(above.sequence));
      return { below, above, found };
    }
    // As the server: no chain_mismatch for a link that is already a sequence_gap.
    if (above.previousHash !== below.eventHash) {
      checkPreviousHashForm(above.previousHash, above.position);
      this.#report(above, 'chain_mismatch', below.eventHash, above.previousHash);
    }
    return null;
  }

  #report(
    event: ChainEvent,
    type: FoundBreak['type'],
    expected: string | null,
    actual: string | null,
  ): FoundBreak {
    return this.#breaks.add({
      type,
      event_id: event.id,
      tenant_id: this.tenantId,
      sequence: event.sequence,
      expected,
      actual,
      position: event.position,
    });
  }
}
