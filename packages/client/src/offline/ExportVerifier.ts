import type { Checkpoint } from '../checkpoint/Checkpoint.js';
import { computeEventHash } from '../computeEventHash.js';
import { sha256Text } from '../sha256Text.js';
import { BreakList } from './BreakList.js';
import { ChainLinks } from './ChainLinks.js';
import { createUtf8Decoder } from './createUtf8Decoder.js';
import type { ExportChain, ExportPosition, ExportProblem, ExportReport } from './ExportReport.js';
import { JsonArrayElements } from './JsonArrayElements.js';
import { NdjsonLines } from './NdjsonLines.js';
import { CompactEventReader } from './readCompactEvent.js';
import { readEventRecord, type EventRecord } from './readEventRecord.js';
import { ReceiptWatch } from './ReceiptWatch.js';
import { UnusableInput } from './UnusableInput.js';

const byTenant = (a: ExportChain, b: ExportChain) =>
  a.tenant_id === b.tenant_id
    ? 0
    : a.tenant_id === null
      ? -1
      : b.tenant_id === null
        ? 1
        : a.tenant_id < b.tenant_id
          ? -1
          : 1;

/**
 * Verifies an export pushed to it piece by piece, synchronously: `verifyExport` drives it from a
 * stream; a caller that must yield between pieces (a browser's main thread) can drive it itself.
 * After a problem it ignores further pieces (`stopped`); `finish` gives the report.
 * @example
 * const verifier = new ExportVerifier();
 * for (const piece of pieces) verifier.push(piece);
 * const report = verifier.finish();
 */
export class ExportVerifier {
  readonly #decoder = createUtf8Decoder();
  readonly #breaks = new BreakList();
  readonly #chains = new Map<string | null, ChainLinks>();
  readonly #receipt: ReceiptWatch | null;
  readonly #compact = new CompactEventReader();
  #format: ExportReport['format'] = null;
  #splitter: NdjsonLines | JsonArrayElements | null = null;
  /** White space read before the first character that tells the format. */
  #leading = '';
  #bytes = 0;
  #events = 0;
  #problem: ExportProblem | null = null;

  constructor(checkpoint?: Checkpoint | null) {
    this.#receipt = checkpoint ? new ReceiptWatch(checkpoint) : null;
  }

  get progress(): { bytes: number; events: number } {
    return { bytes: this.#bytes, events: this.#events };
  }

  /** True once the file is known to be unusable: reading more would change nothing. */
  get stopped(): boolean {
    return this.#problem !== null;
  }

  push(chunk: Uint8Array | string): void {
    if (this.#problem) return;
    this.#bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    this.#guard(() => {
      const text = typeof chunk === 'string' ? chunk : this.#decode(chunk);
      this.#read(text);
    });
  }

  finish(): ExportReport {
    this.#guard(() => {
      try {
        this.#decoder.end();
      } catch {
        // The file ends inside a character: read a stand-in, so the cut is named as a cut.
        this.#read('\uFFFD');
      }
      // An empty file is what the server writes for an NDJSON export of no events.
      this.#splitter ??= this.#start('ndjson');
      this.#splitter.end();
      for (const chain of this.#chains.values()) chain.checkLowest();
    });
    const chains = [...this.#chains.values()]
      .map((chain) => chain.finish())
      .filter((chain): chain is ExportChain => chain !== null)
      .sort(byTenant);
    const toPosition = this.#toPosition;
    const receipt = this.#problem ? null : (this.#receipt?.outcome(chains, toPosition) ?? null);
    const breaks = this.#breaks.list().map(({ position, ...found }) => ({
      ...found,
      ...toPosition(position),
    }));
    const broken = breaks.length > 0 || receipt?.status === 'inconsistent';
    return {
      status: this.#problem ? 'unusable' : broken ? 'broken' : 'valid',
      format: this.#format,
      events: this.#events,
      bytes: this.#bytes,
      breaks,
      chains,
      receipt,
      problem: this.#problem,
    };
  }

  readonly #toPosition = (position: number): ExportPosition =>
    this.#format === 'json' ? { line: null, index: position } : { line: position, index: null };

  #decode(bytes: Uint8Array): string {
    try {
      return this.#decoder.decode(bytes);
    } catch {
      // Read up to the first bad byte, so that the problem names the line or element it is in.
      const lenient = new TextDecoder().decode(bytes);
      this.#read(lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))));
      throw new UnusableInput('not UTF-8 text', this.#position());
    }
  }

  #read(text: string): void {
    if (this.#splitter) {
      this.#splitter.push(text);
      return;
    }
    const all = this.#leading + text;
    const first = all.search(/[^\s\uFEFF]/);
    if (first === -1) {
      this.#leading = all;
      return;
    }
    this.#leading = '';
    const c = all[first];
    if (c !== '[' && c !== '{') {
      const line = all.slice(0, first).split('\n').length;
      throw new UnusableInput('not JSON: an export is a JSON array or one event per line', line);
    }
    this.#splitter = this.#start(c === '[' ? 'json' : 'ndjson');
    this.#splitter.push(all);
  }

  #start(format: 'json' | 'ndjson'): NdjsonLines | JsonArrayElements {
    this.#format = format;
    return format === 'json'
      ? new JsonArrayElements((text, index) => this.#record(text, index, false))
      : new NdjsonLines((text, line, unterminated) => this.#record(text, line, unterminated));
  }

  #record(text: string, position: number, unterminated: boolean): void {
    // Most lines are the server's compact form and hash as they stand; any other line, and any
    // whose hash does not match, is read in full so that the problem can be named.
    const compact = this.#compact.read(text);
    if (compact !== null && sha256Text(compact.hashInput) === compact.eventHash) {
      this.#events++;
      this.#link(compact, position);
      return;
    }
    this.#compact.forget();
    const record = readEventRecord(text, position, unterminated);
    this.#events++;
    const recomputed = computeEventHash(record.event);
    if (recomputed !== record.eventHash) {
      this.#breaks.add({
        type: 'hash_mismatch',
        event_id: record.id,
        tenant_id: record.tenantId,
        sequence: record.sequence,
        expected: recomputed,
        actual: record.eventHash,
        position,
      });
    }
    this.#link(record, position);
  }

  #link(record: EventRecord, position: number): void {
    let chain = this.#chains.get(record.tenantId);
    if (!chain)
      this.#chains.set(record.tenantId, (chain = new ChainLinks(record.tenantId, this.#breaks)));
    chain.add({
      id: record.id,
      sequence: record.sequence,
      eventHash: record.eventHash,
      previousHash: record.previousHash,
      position,
    });
    this.#receipt?.see(record, position);
  }

  #position(): number {
    const splitter = this.#splitter;
    if (splitter instanceof JsonArrayElements) return splitter.index;
    return splitter ? splitter.line : 1;
  }

  #guard(work: () => void): void {
    if (this.#problem) return;
    try {
      work();
    } catch (error) {
      if (!(error instanceof UnusableInput)) throw error;
      const label = this.#format === 'json' ? 'index' : 'line';
      this.#problem = {
        message: `${label} ${error.position}: ${error.reason}`,
        ...this.#toPosition(error.position),
      };
    }
  }
}
