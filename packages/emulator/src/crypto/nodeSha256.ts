import crypto from 'node:crypto';
import type { Sha256Hex } from './sha256.js';

/**
 * Node's native SHA-256 for the hot paths (ingest, verify): one-shot `crypto.hash` where Node
 * has it. Imported by the Node entry only; the browser gets `sha256HexJs`.
 */
export const sha256HexNode: Sha256Hex =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');
