import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './crypto/encoding.js';
import { sha256 } from './crypto/sha256.js';
import { HttpError } from './HttpError.js';

/**
 * Opaque cursors: base64url JSON carrying the position and a fingerprint of the filters and
 * scope they were issued for, so a cursor reused with other filters is refused, not misread.
 */
export function fingerprint(parts: unknown): string {
  return toBase64Url(sha256(utf8(JSON.stringify(parts)))).slice(0, 16);
}

export function encodeCursor(position: unknown[], fp: string): string {
  return toBase64Url(utf8(JSON.stringify({ p: position, f: fp })));
}

export function decodeCursor(cursor: string, fp: string): unknown[] {
  let parsed: unknown;
  const bytes = fromBase64Url(cursor);
  try {
    parsed = bytes ? JSON.parse(fromUtf8(bytes)) : null;
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
