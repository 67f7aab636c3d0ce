import { nativeSha256 } from './nativeSha256.js';
import { sha256Hex } from '@getimmutable/contract';

/** Lowercase hex SHA-256 of a string's UTF-8: Node's native hash where there is one, else the pure-TS one (browsers). */
export function sha256Text(text: string): string {
  return (nativeSha256() ?? sha256Hex)(text);
}
