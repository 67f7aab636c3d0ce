/**
 * The emulator's CLI in a process of its own, as a CI job starts it beside its test runner, so a
 * figure can leave out the load generator's own cost (in this bench's other parts client and
 * server share one process and one event loop).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_KEY } from './http.js';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli.ts');
/** Longer than the CLI ever takes to open a fresh database and listen. */
const START_TIMEOUT_MS = 30_000;

/** Starts the CLI on `dbFile` and any free port, runs `work` against its URL, then stops it. */
export async function withEmulatorProcess<T>(
  dbFile: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--port', '0', '--db', dbFile, '--api-key', API_KEY],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`the emulator did not listen within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (http:\/\/\S+)/.exec(out);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the emulator exited (${code}) before it listened:\n${out}`));
      });
    });
    return await work(url);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
