import crypto from 'node:crypto';

/** Lowercase hex SHA-256 of a string's UTF-8 bytes (one-shot `crypto.hash` where Node has it). */
export const sha256Hex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');
