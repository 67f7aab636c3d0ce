import type { ExportBreak } from './ExportReport.js';

/** A break as found, at a record's position (line or index), before the report names which. */
export type FoundBreak = Omit<ExportBreak, 'line' | 'index'> & { position: number };

/**
 * The breaks found so far. A `sequence_gap` is only provisional while the file is read: an event
 * listed later (out of order) may fill it, and then it is retracted.
 */
export class BreakList {
  #found: FoundBreak[] = [];
  #retracted = new Set<FoundBreak>();

  add(found: FoundBreak): FoundBreak {
    this.#found.push(found);
    return found;
  }

  retract(found: FoundBreak): void {
    this.#retracted.add(found);
  }

  get size(): number {
    return this.#found.length - this.#retracted.size;
  }

  /** In file order (a stable sort: breaks of one record keep the order they were found in). */
  list(): FoundBreak[] {
    return this.#found
      .filter((found) => !this.#retracted.has(found))
      .sort((a, b) => a.position - b.position);
  }
}
