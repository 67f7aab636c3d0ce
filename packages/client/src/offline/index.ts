/** @getimmutable/client/offline — verify a JSON or NDJSON export with no server. */
export { verifyExport, type ExportSource, type VerifyExportOptions } from './verifyExport.js';
export { ExportVerifier } from './ExportVerifier.js';
export { verifyExportFile, type VerifyExportFileOptions } from './verifyExportFile.js';
export { hasOnlyGaps } from './hasOnlyGaps.js';
export type {
  ExportBreak,
  ExportChain,
  ExportPosition,
  ExportProblem,
  ExportProgress,
  ExportReport,
  ReceiptCheck,
  ReceiptEvent,
} from './ExportReport.js';
// Receipts are checkpoints saved as files: read one with parseCheckpoint.
export { parseCheckpoint } from '../checkpoint/parseCheckpoint.js';
export type { Checkpoint } from '../checkpoint/Checkpoint.js';
