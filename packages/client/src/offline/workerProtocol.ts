import type { Checkpoint } from '../checkpoint/Checkpoint.js';
import type { ExportProgress, ExportReport } from './ExportReport.js';

/** What the page sends the worker: the file (a File is passed by reference, not copied). */
export interface VerifyRequest {
  file: Blob;
  checkpoint: Checkpoint | null;
}

/** What the worker answers: progress now and then, then the report or why it stopped. */
export type VerifyReply =
  | ({ type: 'progress' } & ExportProgress)
  | { type: 'done'; report: ExportReport }
  | { type: 'failed'; message: string };

/** Bytes per read: big enough to keep overhead low, small enough to stay responsive. */
export const SLICE_BYTES = { worker: 1 << 20, mainThread: 256 << 10 } as const;

/** Progress at most this often: one message (or render) per slice would flood a fast check. */
export const PROGRESS_EVERY_MS = 50;
