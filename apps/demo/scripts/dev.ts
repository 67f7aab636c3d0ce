/**
 * `pnpm dev` (root): the emulator on .data/immutable.db (seeded with 2,000 events), the demo
 * backend, and the Vite dev server — all in this one process, so Ctrl-C stops everything.
 *   --preview          serve a production build (vite build + vite preview) instead
 *   --db FILE          the emulator's database (default: <repo>/.data/immutable.db)
 *   --port N           the emulator's port (default 8787; a free one if taken; 0 = any)
 *   --web-port N       the app's port (default 5173, or 4173 with --preview; 0 = any)
 *   --seed N           events to seed (default 2000; none are added twice)
 *   --token-ttl S      viewer token lifetime in seconds (default $DEMO_TOKEN_TTL or 900)
 *   --react18          also serve the app built on React 18 (`vite build --mode react18`; with
 *                      --preview, into dist/react18/) on a free port, with the same backend
 *   --ready-json       print one line `DEMO_READY {json}` when up (for the e2e tests)
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { startDemoStack } from '../server/startDemoStack.js';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(appRoot, '../..');

const { values } = parseArgs({
  options: {
    preview: { type: 'boolean', default: false },
    db: { type: 'string' },
    port: { type: 'string', default: '8787' },
    'web-port': { type: 'string' },
    seed: { type: 'string', default: '2000' },
    'token-ttl': { type: 'string', default: process.env.DEMO_TOKEN_TTL },
    react18: { type: 'boolean', default: false },
    'ready-json': { type: 'boolean', default: false },
  },
});

const int = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    console.error(`--${name} must be a whole number (got "${value}")`);
    process.exit(2);
  }
  return Number(value);
};

const db = values.db
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.db)
  : path.join(repoRoot, '.data/immutable.db');
const started = performance.now();
const stack = await startDemoStack({
  db,
  seed: int(values.seed, 'seed')!,
  emulatorPort: int(values.port, 'port')!,
  ...(values['token-ttl'] ? { tokenTtl: int(values['token-ttl'], 'token-ttl')! } : {}),
});
process.env.DEMO_BACKEND_URL = stack.backendUrl;

const webPort = int(values['web-port'], 'web-port') ?? (values.preview ? 4173 : 5173);

/** Serves the app in `mode` (the React 18 build is mode "react18"); resolves to its URL. */
async function serveApp(mode: string | undefined, port: number) {
  let server: PreviewServer | ViteDevServer;
  if (values.preview) {
    await build({ root: appRoot, mode, logLevel: 'warn' });
    server = await preview({ root: appRoot, mode, preview: { port } });
  } else {
    // Its own dependency cache: the React 18 app pre-bundles other copies of react and react-dom.
    const cacheDir = mode ? `node_modules/.vite-${mode}` : undefined;
    server = await createServer({ root: appRoot, mode, cacheDir, server: { port } });
    await server.listen();
  }
  const address = server.httpServer!.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

// One after the other: `vite build` empties dist/, which holds dist/react18/.
const web = await serveApp(undefined, webPort);
const webUrl = web.url;
const web18 = values.react18 ? await serveApp('react18', 0) : undefined;
const closeWeb = () => Promise.all([web.close(), web18?.close()]).then(() => undefined);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([closeWeb(), stack.close()]);
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
process.once('SIGHUP', () => void stop(0));

if (values['ready-json']) {
  // Run by a test runner: stop when it goes away (its end of stdin closes), even if it was killed.
  process.stdin.on('end', () => void stop(0));
  process.stdin.on('error', () => void stop(0));
  process.stdin.resume();
  console.log(
    `DEMO_READY ${JSON.stringify({ webUrl, webUrlReact18: web18?.url, emulatorUrl: stack.emulatorUrl, backendUrl: stack.backendUrl, db })}`,
  );
} else {
  const relDb = db.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, db) : db;
  const sample = await stack.sampleEventId('org_acme').catch(() => null);
  console.log(`
  Acme Docs demo is ready in ${Math.round(performance.now() - started)} ms${stack.seeded ? ` (seeded ${stack.seeded} events)` : ''}.

    Open      ${webUrl}${web18 ? `\n    React 18  ${web18.url}  (the same app built on React 18)` : ''}
    Emulator  ${stack.emulatorUrl}  (database ${relDb})
    Backend   ${stack.backendUrl}  (holds the API key; the browser only gets viewer tokens)

  Break the hash chain (in another terminal, from the repository root), then reload the audit log:
    pnpm emulator tamper --db ${relDb} --edit ${sample ?? 'EVENT_ID'}

  Ctrl-C stops everything.
`);
}
