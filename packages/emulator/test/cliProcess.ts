/**
 * The emulator's CLI in a process of its own, as a CI job starts it: for the tests that kill it
 * mid-write (durability) and the bench figures that leave the load generator's own cost out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// From the package, whatever the runner's own directory: `--import tsx` resolves from there.
const packageDir = path.join(import.meta.dirname, '..');
/** The CLI's source, run through tsx: what the tests start. */
const SOURCE_CLI = path.join(packageDir, 'src/cli.ts');
/** The CLI as `immutable-emulator` runs it once installed (`pnpm build` makes it). */
export const BUILT_CLI = path.join(packageDir, 'dist/cli.js');
/** Longer than the CLI ever takes to open a database and listen. */
const START_TIMEOUT_MS = 30_000;

/**
 * Starts the CLI (by default its source) on `dbFile` and any free port; resolves with the
 * process and its URL once it listens, or rejects with what it printed if it exits first or does
 * not listen in time.
 */
export function startCliProcess(
  dbFile: string,
  apiKey: string,
  cli: string = SOURCE_CLI,
): Promise<{ child: ChildProcess; url: string }> {
  const runner = cli.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(
    process.execPath,
    [...runner, cli, '--port', '0', '--db', dbFile, '--api-key', apiKey],
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the emulator did not listen within ${START_TIMEOUT_MS} ms:\n${out}`));
    }, START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve({ child, url: found[1]! });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${code}) before it listened:\n${out}`));
    });
  });
}
