import type { Checkpoint } from '../checkpoint/Checkpoint.js';
import type { ExportProgress, ExportReport } from './ExportReport.js';
import { ExportVerifier } from './ExportVerifier.js';

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
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: VerifyExportOptions = {},
): Promise<ExportReport> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const verifier = new ExportVerifier(options.checkpoint);
  for await (const chunk of source) {
    signal?.throwIfAborted();
    verifier.push(chunk);
    onProgress?.(verifier.progress);
    // Leaving the loop closes the stream: the rest of an unusable file is not read.
    if (verifier.stopped) break;
  }
  signal?.throwIfAborted();
  return verifier.finish();
}
