import {
  verifyExportFile,
  type Checkpoint,
  type ExportProgress,
  type ExportReport,
  type VerifyExportFileOptions,
} from '@getimmutable/client/offline';
import { useCallback, useEffect, useRef, useState } from 'react';

export type ExportVerifierStatus =
  'idle' | 'checking' | 'valid' | 'broken' | 'unusable' | 'cancelled';

export interface ExportVerificationState {
  status: ExportVerifierStatus;
  /** The file checked last (or being checked). */
  file: { name: string; size: number } | null;
  progress: ExportProgress;
  /** The finished check's report (null while checking, cancelled, or when the check broke down). */
  report: ExportReport | null;
  /** Why the check could not run at all (an unreadable file): shown as `unusable`. */
  error: string | null;
}

export interface UseExportVerificationOptions {
  /** A receipt the file must be consistent with. */
  checkpoint?: Checkpoint | null;
  /** Called with each finished check's report. */
  onResult?: (report: ExportReport) => void;
  /** Where the check runs (see verifyExportFile). @default 'auto' */
  where?: VerifyExportFileOptions['where'];
}

const IDLE: ExportVerificationState = {
  status: 'idle',
  file: null,
  progress: { bytes: 0, events: 0 },
  report: null,
  error: null,
};

/**
 * Checking export files on this device, as state: start one, follow its progress, cancel it.
 * The work is the client's verifyExportFile (in a Web Worker where one starts).
 */
export function useExportVerification(options: UseExportVerificationOptions = {}) {
  const [state, setState] = useState<ExportVerificationState>(IDLE);
  const running = useRef<AbortController | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  // A check still running when the component goes away is stopped.
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback((file: File) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const { checkpoint = null, where = 'auto' } = latest.current;
    const described = { name: file.name, size: file.size };
    setState({ ...IDLE, status: 'checking', file: described });
    const current = () => running.current === controller;
    verifyExportFile(file, {
      checkpoint,
      where,
      signal: controller.signal,
      onProgress: (progress) => {
        if (current()) setState((s) => ({ ...s, progress }));
      },
    }).then(
      (report) => {
        if (!current()) return;
        running.current = null;
        setState({
          status: report.status,
          file: described,
          progress: { bytes: report.bytes, events: report.events },
          report,
          error: null,
        });
        latest.current.onResult?.(report);
      },
      (error: unknown) => {
        if (!current()) return;
        running.current = null;
        const message = error instanceof Error ? error.message : String(error);
        setState((s) => ({ ...s, status: 'unusable', error: message }));
      },
    );
  }, []);

  const cancel = useCallback(() => {
    const controller = running.current;
    if (!controller) return;
    running.current = null;
    controller.abort();
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, []);

  return { ...state, start, cancel };
}
