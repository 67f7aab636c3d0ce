/**
 * The emulator's CLI in a process of its own (test/cliProcess.ts), built, as a CI job starts it
 * beside its test runner, so a figure can leave out the load generator's own cost (in this
 * bench's other parts client and server share one process and one event loop).
 */
import { BUILT_CLI, startCliProcess } from '../../test/cliProcess.js';
import { API_KEY } from './http.js';

/** Starts the CLI on `dbFile` and any free port, runs `work` against its URL, then stops it. */
export async function withEmulatorProcess<T>(
  dbFile: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const { child, url } = await startCliProcess(dbFile, API_KEY, BUILT_CLI);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    return await work(url);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
