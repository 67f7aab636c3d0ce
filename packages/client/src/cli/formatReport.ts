import type { ExportBreak, ExportReport } from '../offline/ExportReport.js';
import { hasOnlyGaps } from '../offline/hasOnlyGaps.js';

const n = (x: number) => x.toLocaleString('en');
const where = (p: { line: number | null; index: number | null }) =>
  p.line !== null ? `line ${p.line}` : `index ${p.index ?? '?'}`;
const chainName = (tenant: string | null) => (tenant === null ? '(no tenant)' : tenant);
const count = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

/** What each break means, in the words a person checking a file needs. */
const MEANING: Record<ExportBreak['type'], string> = {
  hash_mismatch: 'content does not hash to its event_hash',
  chain_mismatch: "previous_event_hash is not the predecessor's event_hash",
  sequence_gap: 'sequences missing before it',
  out_of_order: 'listed after an older event of its chain (lines moved)',
};

const ONLY_GAPS =
  'note: every event hashes right and every link between adjacent events holds; the breaks are ' +
  'all sequence gaps (events of a chain not in the file). An export filtered by actor, action or ' +
  'resource has them by design; one of every event, or of a date range, should have none.';

function formatBreak(b: ExportBreak): string {
  return (
    `break ${b.type} at ${where(b)}: event ${b.event_id}, sequence ${b.sequence} of ` +
    `${chainName(b.tenant_id)} (${MEANING[b.type]}; expected ${b.expected ?? 'null'}, ` +
    `actual ${b.actual ?? 'null'})`
  );
}

/** The report for people: one line per break, the head of each chain, the totals and the rate. */
export function formatReport(file: string, report: ExportReport, seconds: number): string {
  const lines: string[] = [];
  // What was read before the problem is no finding about the file: only the problem is told.
  if (report.problem) lines.push(`unusable: ${file}: ${report.problem.message}`);
  else lines.push(...report.breaks.map(formatBreak));
  for (const c of report.problem ? [] : report.chains) {
    const start = c.first_sequence > 1 ? ` (starts at sequence ${c.first_sequence})` : '';
    lines.push(
      `chain ${chainName(c.tenant_id)}: ${count(c.events, 'event', 'events')}${start}, head sequence ` +
        `${c.head.sequence} event ${c.head.event_id} hash ${c.head.event_hash}`,
    );
  }
  if (report.receipt) lines.push(`receipt ${report.receipt.status}: ${report.receipt.message}`);
  if (hasOnlyGaps(report)) lines.push(ONLY_GAPS);
  const rate = seconds > 0 ? Math.round(report.events / seconds) : 0;
  lines.push(
    `${report.status}: ${count(report.events, 'event', 'events')}, ` +
      `${count(report.chains.length, 'chain', 'chains')}, ` +
      `${count(report.breaks.length, 'break', 'breaks')}, ${n(report.bytes)} bytes ` +
      `(${report.format ?? 'unknown format'}) in ${seconds.toFixed(2)} s, ${n(rate)} events/s`,
  );
  return lines.join('\n');
}
