// The figures other scripts own, run as child processes and read back from their JSON:
// bench/checkEvent.chromium.mjs (checkEvent in Chromium) and `pnpm bench:emulator`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resultsDir, root } from './esbuild.mjs';

/** Runs a command, streaming its output prefixed to our stderr; resolves with its exit code. */
function run(command, args, { env, label }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const relay = (chunk) => {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) process.stderr.write(`  [${label}] ${line}\n`);
    };
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      relay(chunk);
    });
    child.stderr.on('data', relay);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/** A results file written after `since` (so a stale one from an earlier run is never reported). */
function freshJson(file, since) {
  if (!fs.existsSync(file)) return null;
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const started = Date.parse(data.started_at ?? '');
  return Number.isFinite(started) && started >= since - 1000 ? data : null;
}

export const CHECK_EVENT_SCRIPT = path.join(root, 'bench/checkEvent.chromium.mjs');

/** bench/checkEvent.chromium.mjs's result, or null when the script is absent or fails. */
export async function checkEventInChromium() {
  if (!fs.existsSync(CHECK_EVENT_SCRIPT)) return null;
  const since = Date.now();
  const { code } = await run(process.execPath, [CHECK_EVENT_SCRIPT], {
    label: 'checkEvent',
    env: {},
  });
  if (code !== 0) return null;
  return freshJson(path.join(resultsDir, 'checkEvent.chromium.json'), since);
}

/** `pnpm bench:emulator` with BENCH_EVENTS (100,000 unless set); its bench/results/emulator.json. */
export async function emulatorBench(events) {
  const since = Date.now();
  // Under `pnpm bench`, npm_execpath is pnpm itself; run directly, `pnpm` from PATH.
  const execPath = process.env.npm_execpath;
  const [command, args] =
    execPath && /pnpm/.test(path.basename(execPath))
      ? /\.c?js$/.test(execPath)
        ? [process.execPath, [execPath, 'run', 'bench:emulator']]
        : [execPath, ['run', 'bench:emulator']]
      : ['pnpm', ['run', 'bench:emulator']];
  const { code } = await run(command, args, {
    label: 'emulator',
    env: { BENCH_EVENTS: String(events) },
  });
  if (code !== 0) return null;
  return freshJson(path.join(resultsDir, 'emulator.json'), since);
}
