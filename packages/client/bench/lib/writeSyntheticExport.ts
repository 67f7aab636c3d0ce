import fs from 'node:fs';
import { computeEventHash } from '../../src/computeEventHash.js';
import { TENANTS, syntheticEvent } from './syntheticEvent.js';

/**
 * Writes an NDJSON export of `count` synthetic events with valid chains, hashed by the client's
 * own computeEventHash, newest first as the server writes exports. Two passes, so that memory
 * stays small: the hashes oldest first (each needs its predecessor's), kept as 32 bytes each;
 * then the lines newest first, streamed to the file.
 */
export async function writeSyntheticExport(file: string, count: number): Promise<number> {
  const hashes = Buffer.alloc(count * 32);
  const hashAt = (i: number) => hashes.toString('hex', i * 32, i * 32 + 32);
  const chains = TENANTS.length;
  for (let i = 0; i < count; i++) {
    const previous = i >= chains ? hashAt(i - chains) : null;
    const hash = computeEventHash(syntheticEvent(i, '', previous));
    hashes.write(hash, i * 32, 'hex');
  }
  const out = fs.createWriteStream(file);
  let batch = '';
  for (let i = count - 1; i >= 0; i--) {
    const previous = i >= chains ? hashAt(i - chains) : null;
    batch += `${JSON.stringify(syntheticEvent(i, hashAt(i), previous))}\n`;
    if (batch.length > 1 << 20 || i === 0) {
      if (!out.write(batch))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = '';
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return fs.statSync(file).size;
}
