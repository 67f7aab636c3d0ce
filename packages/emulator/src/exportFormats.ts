import type { AuditEvent, ExportFormat } from './types.js';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
};

// prettier-ignore
export const CSV_COLUMNS = [
  'id', 'tenant_id', 'actor_id', 'actor_name', 'actor_type', 'action', 'action_category',
  'resource', 'resource_id', 'resource_name', 'targets', 'metadata', 'session_id', 'version',
  'idempotency_key', 'context', 'created_at', 'event_hash', 'previous_event_hash', 'sequence',
] as const;

/**
 * What makes a spreadsheet read a cell as a formula when it starts a cell (OWASP, "CSV
 * Injection"): `=cmd|' /C calc'!A0` in an actor's name would run when the file is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading ' makes the cell text. Numbers are left alone: -3 is a number, not a formula.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(e: AuditEvent): string {
  const flat: Record<string, unknown> = { ...e, ...e.integrity };
  return CSV_COLUMNS.map((c) => csvCell(flat[c])).join(',') + '\r\n';
}

/** Streams pieces of one export file: a header, the rows (any number of chunks), a footer. */
export const exportWriter: Record<
  ExportFormat,
  { header: string; row: (e: AuditEvent, index: number) => string; footer: string }
> = {
  csv: { header: CSV_COLUMNS.join(',') + '\r\n', row: csvRow, footer: '' },
  json: { header: '[', row: (e, i) => (i === 0 ? '' : ',') + JSON.stringify(e), footer: ']' },
  ndjson: { header: '', row: (e) => JSON.stringify(e) + '\n', footer: '' },
};
