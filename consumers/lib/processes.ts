/**
 * Commands and servers for the consumer tests: a command's output is kept and shown only when it
 * fails; a server runs in its own process group (so `npx`/`next` and their children stop with
 * it) and is awaited until a URL answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** npm settings of the machine, wanted whoever runs npm: cache, registry, proxy, Node headers. */
const MACHINE_NPM_SETTINGS =
  /^npm_config_(cache|registry|userconfig|nodedir|proxy|https_proxy|noproxy)$/i;

/**
 * The environment of a command. Inside the repository: ours. Outside (a consumer app): ours
 * without what `pnpm test` adds — its other `npm_*` variables (workspace overrides, reporter…),
 * Vitest's `NODE_ENV=test` (with it `vite build` bundled React's development build) and the
 * workspace's `node_modules/.bin` folders on PATH — so an app resolves only what it installed
 * and builds as on a customer's machine.
 */
function environment(cwd: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!path.relative(repoRoot, cwd).startsWith('..')) return { ...process.env, ...extra };
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        MACHINE_NPM_SETTINGS.test(key) ||
        (!/^(npm_|pnpm_)/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_ENV'),
    ),
  );
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => path.relative(repoRoot, dir).startsWith('..'))
    .join(path.delimiter);
  return { ...env, ...extra };
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the command is killed and the run fails. */
  timeoutMs?: number;
}

/** Runs a command to completion; resolves with its output, rejects with it on a non-zero exit. */
export function run(command: string, args: string[], options: RunOptions): Promise<string> {
  const { cwd, env = {}, timeoutMs = 600_000 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: environment(cwd, env), detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`${command} ${args.join(' ')} took over ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(
          new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${code}:\n${output}`),
        );
    });
  });
}

export interface Server {
  url: string;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts a long-running command and waits until `readyUrl` answers (any HTTP status counts as
 * up unless `readyStatus` is given).
 */
export async function startServer(
  command: string,
  args: string[],
  options: RunOptions & { url: string; readyPath?: string; readyStatus?: number },
): Promise<Server> {
  const { cwd, env = {}, url, readyPath = '/', readyStatus, timeoutMs = 60_000 } = options;
  const child = spawn(command, args, { cwd, env: environment(cwd, env), detached: true });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const server: Server = { url, output: () => output, stop: () => stopProcess(child) };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `${command} ${args.join(' ')} exited with ${child.exitCode} before it was ready:\n${output}`,
      );
    }
    try {
      const res = await fetch(new URL(readyPath, url), { signal: AbortSignal.timeout(2_000) });
      if (readyStatus === undefined || res.status === readyStatus) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(
        `${command} ${args.join(' ')} did not answer ${url}${readyPath} within ${timeoutMs} ms:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child);
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A port that was free a moment ago on 127.0.0.1 (for servers that must know it up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
