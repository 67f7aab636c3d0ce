import type { Checkpoint } from '../checkpoint/Checkpoint.js';
import { createVerifyWorker } from './createVerifyWorker.js';
import type { ExportProgress, ExportReport } from './ExportReport.js';
import { fileChunks } from './fileChunks.js';
import { verifyExport } from './verifyExport.js';
import {
  PROGRESS_EVERY_MS,
  SLICE_BYTES,
  type VerifyReply,
  type VerifyRequest,
} from './workerProtocol.js';

export interface VerifyExportFileOptions {
  /** A receipt (a saved checkpoint) the file should be consistent with. */
  checkpoint?: Checkpoint | null;
  /** Told the bytes and events read so far, at most every 50 ms. */
  onProgress?: (progress: ExportProgress) => void;
  /** Stops the check (the worker is ended); the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * `auto`: in a Web Worker where one starts, else on the main thread; `main-thread`: always
   * there, in slices, each read letting the page paint and take input.
   * @default 'auto'
   */
  where?: 'auto' | 'main-thread';
}

function onMainThread(file: Blob, options: VerifyExportFileOptions): Promise<ExportReport> {
  let told = 0;
  const { onProgress } = options;
  return verifyExport(fileChunks(file, SLICE_BYTES.mainThread), {
    checkpoint: options.checkpoint ?? null,
    signal: options.signal,
    onProgress(progress) {
      const now = performance.now();
      if (now - told < PROGRESS_EVERY_MS) return;
      told = now;
      onProgress?.(progress);
    },
  });
}

function inWorker(
  worker: Worker,
  file: Blob,
  options: VerifyExportFileOptions,
): Promise<ExportReport> {
  const { signal } = options;
  return new Promise<ExportReport>((resolve, reject) => {
    let replied = false;
    const stop = () => {
      worker.terminate();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
    const end = () => {
      worker.terminate();
      signal?.removeEventListener('abort', stop);
    };
    worker.onmessage = (event: MessageEvent<VerifyReply>) => {
      replied = true;
      const reply = event.data;
      if (reply.type === 'progress') {
        return options.onProgress?.({ bytes: reply.bytes, events: reply.events });
      }
      end();
      if (reply.type === 'done') resolve(reply.report);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      end();
      if (replied) return reject(new Error(event.message || 'The verifying worker stopped.'));
      // Its script never ran (a bundler that left the worker out, a CSP without worker-src):
      // check on the main thread instead.
      event.preventDefault();
      onMainThread(file, options).then(resolve, reject);
    };
    worker.postMessage({ file, checkpoint: options.checkpoint ?? null } satisfies VerifyRequest);
  });
}

/**
 * Verifies an export file (a browser's File or any Blob) on this device, in a Web Worker so the
 * page stays responsive; where no worker can start, on the main thread in slices. Same report
 * as verifyExport.
 * @example
 * const report = await verifyExportFile(input.files[0], { onProgress: ({ bytes }) => show(bytes) });
 */
export function verifyExportFile(
  file: Blob,
  options: VerifyExportFileOptions = {},
): Promise<ExportReport> {
  if (options.signal?.aborted) return Promise.reject(options.signal.reason);
  const worker = options.where === 'main-thread' ? null : createVerifyWorker();
  return worker ? inWorker(worker, file, options) : onMainThread(file, options);
}
