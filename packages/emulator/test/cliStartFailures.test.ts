import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the CLI to its exit: its code and what it wrote to stderr. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

let occupied: net.Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (occupied ? occupied.close(() => resolve()) : resolve()));
  occupied = null;
});

describe('the CLI when it cannot start', () => {
  it('names its flags as the flags, not as createEmulator’s options', async () => {
    const key = await runCli(['--db', ':memory:', '--port', '0', '--api-key', 'foo']);
    expect(key.code).toBe(2);
    expect(key.stderr.split('\n')[0]).toBe(
      'error: --api-key must be "imk_" followed by at least 32 characters from A-Z a-z 0-9 _ -',
    );
    const url = await runCli(['--db', ':memory:', '--port', '0', '--public-url', 'ftp://x']);
    expect(url.stderr.split('\n')[0]).toBe(
      'error: --public-url must be an absolute http(s) URL (got "ftp://x")',
    );
  }, 30_000);

  it('names the --db it could not open', async () => {
    const dir = os.tmpdir(); // a folder, not a database file
    const { code, stderr } = await runCli(['--db', dir, '--port', '0']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`error: --db ${dir}: unable to open database file`);
  }, 30_000);

  it('says a port in use is in use and how to go on, exit 1, no stack trace', async () => {
    occupied = net.createServer();
    await new Promise<void>((resolve) => occupied!.listen(0, '127.0.0.1', resolve));
    const { port } = occupied.address() as net.AddressInfo;
    const { code, stderr } = await runCli(['--db', ':memory:', '--port', String(port)]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `error: 127.0.0.1:${port} is in use (another emulator still running?): stop it, or pass --port 0 for any free port.`,
    );
  }, 30_000);

  it('says a --host that is not this machine’s is not', async () => {
    const { code, stderr } = await runCli([
      '--db',
      ':memory:',
      '--port',
      '0',
      '--host',
      '999.1.1.1',
    ]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'error: --host 999.1.1.1 is not an address of this machine (ENOTFOUND).',
    );
  }, 30_000);
});
