/** The Web Worker that verifies an export file off the page's main thread (see verifyExportFile). */
import { fileChunks } from './fileChunks.js';
import { verifyExport } from './verifyExport.js';
import {
  PROGRESS_EVERY_MS,
  SLICE_BYTES,
  type VerifyReply,
  type VerifyRequest,
} from './workerProtocol.js';

/** The worker's global scope, typed by what this file uses (the DOM lib has no worker types). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null;
  postMessage(reply: VerifyReply): void;
};

scope.onmessage = async (event) => {
  const { file, checkpoint } = event.data;
  let told = 0;
  try {
    const report = await verifyExport(fileChunks(file, SLICE_BYTES.worker), {
      checkpoint,
      onProgress(progress) {
        const now = performance.now();
        if (now - told < PROGRESS_EVERY_MS) return;
        told = now;
        scope.postMessage({ type: 'progress', ...progress });
      },
    });
    scope.postMessage({ type: 'done', report });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: (error as Error)?.message ?? String(error) });
  }
};
