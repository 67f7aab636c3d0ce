// The per-row integrity of a list of events, as a lazy map by event id. Pure data structure (no
// React, no DOM): the table reads it per rendered row, and a host without React can do the same.
import { checkChain, type ChainLinkCheck } from './checkChain.js';
import { checkEvent, type EventCheck } from './checkEvent.js';
import type { AuditEvent } from '@getimmutable/contract';

/** One row's integrity: its own hash, and its link to the predecessor. */
export interface IntegrityCheck {
  hash: EventCheck;
  link: ChainLinkCheck;
}

// Hashing is the costly part: once per event object. Query results keep their event objects
// across renders, refetches (structural sharing) and loaded pages, so a WeakMap finds them again.
const hashes = new WeakMap<AuditEvent, EventCheck>();

/** `checkEvent`, computed once per event object (the same object is never hashed twice). */
export function checkEventOnce(event: AuditEvent): EventCheck {
  let hash = hashes.get(event);
  if (!hash) hashes.set(event, (hash = checkEvent(event)));
  return hash;
}

/**
 * Per-event checks for a list, by event id: the hash always, the link only where the predecessor
 * is in the list. Links are checked for the whole list at once (cheap: no hashing); an event's
 * hash is recomputed only when its entry is first read, so a long list costs only what is read.
 * Ids are indexed only as far as lookups need: rows on screen are found near where they render.
 * A repeated id keeps its first event.
 */
export class IntegrityIndex implements ReadonlyMap<string, IntegrityCheck> {
  readonly #events: readonly AuditEvent[];
  readonly #links: ChainLinkCheck[];
  readonly #index = new Map<string, number>();
  #indexed = 0;
  readonly #checks = new Map<number, IntegrityCheck>();

  constructor(events: readonly AuditEvent[]) {
    this.#events = events;
    this.#links = checkChain(events);
  }

  /** The index of the event with this id (indexing up to it); with no id, indexes them all. */
  #find(id?: string): number | undefined {
    const found = id === undefined ? undefined : this.#index.get(id);
    if (found !== undefined) return found;
    const events = this.#events;
    while (this.#indexed < events.length) {
      const i = this.#indexed++;
      const eventId = events[i]!.id;
      if (!this.#index.has(eventId)) this.#index.set(eventId, i);
      if (eventId === id) return i;
    }
    return undefined;
  }

  #at(i: number): IntegrityCheck {
    let check = this.#checks.get(i);
    if (!check)
      this.#checks.set(
        i,
        (check = { hash: checkEventOnce(this.#events[i]!), link: this.#links[i]! }),
      );
    return check;
  }

  /** Every entry, computed: for iteration (which reads every event anyway). */
  #all(): Map<string, IntegrityCheck> {
    const all = new Map<string, IntegrityCheck>();
    this.#find();
    for (const [id, i] of this.#index) all.set(id, this.#at(i));
    return all;
  }

  get size() {
    this.#find();
    return this.#index.size;
  }
  has(id: string) {
    return this.#find(id) !== undefined;
  }
  get(id: string) {
    const i = this.#find(id);
    return i === undefined ? undefined : this.#at(i);
  }
  keys() {
    this.#find();
    return this.#index.keys();
  }
  values() {
    return this.#all().values();
  }
  entries() {
    return this.#all().entries();
  }
  [Symbol.iterator]() {
    return this.#all()[Symbol.iterator]();
  }
  forEach(
    callback: (
      value: IntegrityCheck,
      key: string,
      map: ReadonlyMap<string, IntegrityCheck>,
    ) => void,
    thisArg?: unknown,
  ) {
    this.#all().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
}
