import type { ExportFormat, ExportJob } from '@getimmutable/client';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { normalizeFilters, type AuditFilters } from './auditFilters.js';
import { useViewerConfig } from './viewerContext.js';

export interface UseExportOptions {
  /** Download the file as soon as the export completes. @default true */
  autoDownload?: boolean;
  /** Saves the completed file's URL. @default a link click (`downloadUrl`) */
  onDownload?: (url: string) => void;
}

interface ExportFields {
  /** The latest state of the job while it runs (progress: `events_processed` / `events_count`). */
  job: ExportJob | null;
  /** Create an export of these filters and follow it to the end. */
  start(filters: AuditFilters, format: ExportFormat): void;
  cancel(): void;
  /** Download the completed file (again). */
  download(): void;
  reset(): void;
}

/** An export, discriminated on its own `status`: `error` is set exactly when it `'failed'`. */
export type ExportState = ExportFields & ExportStatus;
type ExportStatus =
  | { status: 'idle' | 'running' | 'completed' | 'cancelled'; error: null }
  | { status: 'failed'; error: Error };

/** Saves a URL as a file: the signed download URL needs no header, so a plain link does. */
export function downloadUrl(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Export as the server does it: create → progress → download, cancellable.
 * @example const exp = useExport(); exp.start({ action: 'document.*' }, 'csv');
 */
export function useExport(options: UseExportOptions = {}): ExportState {
  const { client } = useViewerConfig('useExport');
  const [job, setJob] = useState<ExportJob | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const save = options.onDownload ?? downloadUrl;
  const autoDownload = options.autoDownload ?? true;

  const mutation = useMutation({
    // The client decides retries (a refused export is retried on 429 only); none on top of it.
    retry: false,
    mutationFn: async ({ filters, format }: { filters: AuditFilters; format: ExportFormat }) => {
      controller.current?.abort();
      const abort = (controller.current = new AbortController());
      const { data: created } = await client.exports.create(
        { ...normalizeFilters(filters), format },
        { signal: abort.signal },
      );
      setJob(created);
      const { data: done } = await client.exports.wait(created.id, {
        signal: abort.signal,
        onProgress: setJob,
      });
      return done;
    },
    onSuccess: (done) => {
      setJob(done);
      if (autoDownload && done.download_url) save(done.download_url);
    },
  });

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (filters: AuditFilters, format: ExportFormat) => {
      setCancelled(false);
      setJob(null);
      mutation.mutate({ filters, format });
    },
    [mutation],
  );

  let state: ExportStatus = { status: 'idle', error: null };
  if (cancelled) state = { status: 'cancelled', error: null };
  else if (mutation.isPending) state = { status: 'running', error: null };
  else if (mutation.isSuccess) state = { status: 'completed', error: null };
  else if (mutation.isError) state = { status: 'failed', error: mutation.error };

  return {
    ...state,
    job,
    start,
    cancel: () => {
      setCancelled(true);
      controller.current?.abort();
    },
    download: () => {
      if (job?.download_url) save(job.download_url);
    },
    reset: () => {
      setCancelled(false);
      setJob(null);
      mutation.reset();
    },
  };
}
