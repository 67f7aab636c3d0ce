import type { ExportReport } from './ExportReport.js';

/**
 * Whether a broken report's only findings are sequence gaps: every event hashes right and every
 * link between events the file holds side by side is sound, but some events of a chain are not in
 * the file. An export filtered by actor, action or resource has such gaps by design (the events of
 * others sit between its own); an export of everything, or of a date range, has none, so there
 * they mean events were taken out of the file.
 */
export function hasOnlyGaps(report: ExportReport): boolean {
  return (
    report.status === 'broken' &&
    report.breaks.length > 0 &&
    report.breaks.every((b) => b.type === 'sequence_gap') &&
    report.receipt?.status !== 'inconsistent'
  );
}
