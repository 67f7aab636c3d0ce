import crypto from 'node:crypto';
import { HttpError } from './HttpError.js';

/**
 * Opaque cursors: base64url JSON carrying the position and a fingerprint of the filters and
 * scope they were issued for, so a cursor reused with other filters is refused, not misread.
 */
export function fingerprint(parts: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

export function encodeCursor(position: unknown[], fp: string): string {
  return Buffer.from(JSON.stringify({ p: position, f: fp })).toString('base64url');
}

export function decodeCursor(cursor: string, fp: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const value = parsed as { p?: unknown; f?: unknown } | null;
  if (
    !value ||
    typeof value !== 'object' ||
    !Array.isArray(value.p) ||
    typeof value.f !== 'string'
  ) {
    throw invalidCursor('is malformed');
  }
  if (value.f !== fp) throw invalidCursor('was issued for other filters');
  return value.p;
}

export const malformedCursor = () => invalidCursor('is malformed');

const invalidCursor = (why: string) =>
  new HttpError(422, 'validation_error', `The given data was invalid: cursor ${why}.`, {
    cursor: [why],
  });
