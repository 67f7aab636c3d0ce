import type { Checkpoint } from '../checkpoint/Checkpoint.js';
import type { ExportProgress, ExportReport } from './ExportReport.js';
import { ExportVerifier } from './ExportVerifier.js';

/** Pieces of the file: a Node stream, a browser's `file.stream()`, or any (async) iterable. */
export type ExportSource =
  AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | ReadableStream<Uint8Array>;

/** A ReadableStream as an async iterable: not every browser makes streams iterable (Safari). */
async function* readAll(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopped early (unusable, aborted): let the stream go.
    void reader.cancel().catch(() => {});
  }
}

function iterable(source: ExportSource) {
  return Symbol.asyncIterator in source || Symbol.iterator in source
    ? (source as AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>)
    : readAll(source);
}

export interface VerifyExportOptions {
  /** A receipt (a saved checkpoint) the file should be consistent with. */
  checkpoint?: Checkpoint | null;
  /** Called after each piece read, with the bytes and events read so far. */
  onProgress?: (progress: ExportProgress) => void;
  /** Stops reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Verifies a JSON or NDJSON export with no server: recomputes every event's hash, checks every
 * link of every chain, and compares the file with a receipt if one is given. Reads the file as a
 * stream in constant memory (a Node stream, or a browser's `file.stream()`); never throws for a
 * bad file, which is reported `unusable` with the line or index named.
 * @example
 * const report = await verifyExport(fs.createReadStream('export.ndjson'));
 * if (report.status !== 'valid') console.log(report.problem?.message ?? report.breaks);
 */
export async function verifyExport(
  source: ExportSource,
  options: VerifyExportOptions = {},
): Promise<ExportReport> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const verifier = new ExportVerifier(options.checkpoint);
  for await (const chunk of iterable(source)) {
    signal?.throwIfAborted();
    verifier.push(chunk);
    onProgress?.(verifier.progress);
    // Leaving the loop closes the stream: the rest of an unusable file is not read.
    if (verifier.stopped) break;
  }
  signal?.throwIfAborted();
  return verifier.finish();
}
