/** Starts the emulator from a consumer folder's installed bin, as a customer's CI would. */
import crypto from 'node:crypto';
import path from 'node:path';
import { freePort, startServer, type Server } from './processes.js';

export interface RunningEmulator extends Server {
  apiKey: string;
}

export async function startEmulator(
  folder: string,
  options: { seed: number; allowOrigins?: string[]; port?: number },
): Promise<RunningEmulator> {
  const port = options.port ?? (await freePort());
  const apiKey = `imk_${crypto.randomBytes(24).toString('base64url')}`;
  const args = ['immutable-emulator', '--seed', String(options.seed), '--port', String(port)];
  args.push('--db', path.join(folder, `emulator-${port}.db`), '--api-key', apiKey);
  for (const origin of options.allowOrigins ?? []) args.push('--allow-origin', origin);
  const server = await startServer('npx', args, {
    cwd: folder,
    url: `http://127.0.0.1:${port}`,
    readyPath: '/health',
    readyStatus: 200,
  });
  return { ...server, apiKey };
}
