/**
 * The export button's strings: loaded with the toolbar.
 * Replace any of them through the `messages` prop (see `Messages`).
 */
export const exportMessages = {
  exportLabel: 'Export',
  exportFormat: 'Export format',
  exporting: (done: string, total: string) => `Exporting ${done} of ${total}…`,
  exportPreparing: 'Preparing export…',
  exportCancel: 'Cancel export',
  exportDone: 'Export ready — downloading',
  exportDownload: 'Download again',
  exportFailed: (message: string) => `Export failed: ${message}`,
  exportCancelled: 'Export cancelled',
  /** The server refused a new export (429) while others of this viewer are still running. */
  exportBusy: 'Too many exports are running; try again in a moment.',
  exportFormats: { csv: 'CSV', json: 'JSON', ndjson: 'NDJSON' } as Record<string, string>,
  exportProgressLabel: 'Export progress',
};

export type ExportMessages = typeof exportMessages;
