/**
 * Builds the app and starts the whole demo for the tests, through the same script as `pnpm dev`:
 * `scripts/dev.ts --preview --react18` on a temporary database, free ports, and 60-second viewer
 * tokens (so the refresh path runs). `--react18` also builds the app on React 18 (dist/react18/)
 * and serves it on its own port with the same emulator and backend, for the "react18" project.
 * The URLs reach the tests through process.env.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

interface Ready {
  webUrl: string;
  webUrlReact18: string;
  emulatorUrl: string;
  backendUrl: string;
  db: string;
}

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default async function globalSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acme-docs-e2e-'));
  const db = path.join(dir, 'immutable.db');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/dev.ts',
      '--preview',
      '--react18',
      '--db',
      db,
      '--port',
      '0',
      '--web-port',
      '0',
      '--token-ttl',
      '60',
      '--ready-json',
    ],
    { cwd: appRoot, stdio: ['pipe', 'pipe', 'inherit'] },
  );

  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The demo did not start within 180 s.')),
      180_000,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('DEMO_READY ')) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('DEMO_READY '.length)) as Ready);
      } else if (line.trim()) {
        console.log(`[demo] ${line}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The demo exited with code ${code} before it was ready.`));
    });
  });

  process.env.DEMO_WEB_URL = ready.webUrl;
  process.env.DEMO_WEB_URL_REACT18 = ready.webUrlReact18;
  process.env.DEMO_EMULATOR_URL = ready.emulatorUrl;
  process.env.DEMO_BACKEND_URL = ready.backendUrl;
  process.env.DEMO_DB = ready.db;

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
