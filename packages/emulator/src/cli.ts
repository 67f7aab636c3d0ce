#!/usr/bin/env node
/** The emulator's command line: serve (default) or tamper with a database file. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEmulator } from './createEmulator.js';
import { openDatabase } from './store/openDatabase.js';
import { seedEmulator } from './seed.js';
import { sha256HexNode } from './crypto/nodeSha256.js';
import { tamper, type TamperAction } from './tamper.js';

const USAGE = `Usage:
  immutable-emulator [options]              serve the Immutable API on SQLite
  immutable-emulator tamper --db FILE (--edit ID | --delete ID | --swap ID1 ID2 | --rewrite ID)
                                            change rows behind the server's back

Tamper kinds (verify names the first three; a rewrite leaves it nothing to name):
  --edit ID                  change the event's content (action, a metadata note), keep its hash
  --delete ID                remove the event, leaving a gap in its chain
  --swap ID1 ID2             exchange two events' places in their chain
  --rewrite ID               the edit, then the event's hash and every later hash of its chain
                             recomputed and every stored copy updated: GET /verify says valid

Options:
  --port N                   port to listen on, 0 for any free one (default 8787)
  --host HOST                address to listen on (default 127.0.0.1)
  --db FILE | :memory:       the SQLite database file (default .data/immutable.db)
  --api-key imk_…            the API key (default: generated once, kept in the database)
  --seed N                   write N realistic events first (idempotent)
  --allow-origin ORIGIN      allow CORS from this origin only (repeatable; default: any)
  --public-url URL           base of export download links (default: the address listened on)
  --high-volume-threshold N  events by one actor in a minute that raise an alert (default 100)
  --sensitive-action GLOB    actions that raise an alert (repeatable, * wildcard; default *.deleted)
  -h, --help                 print this help

Readiness: GET /health answers 200 {"status":"ok"} once the database is open.`;

/** Paths are relative to where the user ran the command (pnpm runs scripts in the package dir). */
const resolveDb = (file: string) =>
  file === ':memory:' ? file : path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

function fail(message: string): never {
  console.error(`error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** Why the server could not listen, in words, with what to do about it. */
function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown }).code;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE')
    return `${where} is in use (another emulator still running?): stop it, or pass --port 0 for any free port.`;
  if (code === 'EACCES')
    return `${where} needs privileges this process lacks: pass a --port above 1023, or 0 for any free one.`;
  if (code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL' || code === 'EAI_AGAIN')
    return `--host ${host} is not an address of this machine (${String(code)}).`;
  return `could not listen on ${where}: ${(error as Error).message}`;
}

function integer(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max))
    fail(`--${name} must be an integer from ${min} to ${max} (got "${value}")`);
  return n;
}

async function serve(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string', default: '.data/immutable.db' },
        'api-key': { type: 'string' },
        seed: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'public-url': { type: 'string' },
        'high-volume-threshold': { type: 'string' },
        'sensitive-action': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = integer(values.port, 'port', 0, 65535)!;
  const seed = integer(values.seed, 'seed', 0, 10_000_000);
  let emulator;
  try {
    emulator = createEmulator({
      db: resolveDb(values.db),
      apiKey: values['api-key'],
      allowOrigins: values['allow-origin'],
      publicUrl: values['public-url'],
      alerts: {
        highVolumeThreshold: integer(
          values['high-volume-threshold'],
          'high-volume-threshold',
          1,
          1e9,
        ),
        sensitiveActions: values['sensitive-action'],
      },
    });
  } catch (error) {
    // The options' own checks name their option (as createEmulator calls it: the flag's name is
    // put in its place); SQLite's and the file system's do not, so the file is named.
    const fromFile = typeof (error as { code?: unknown }).code === 'string';
    const message = (error as Error).message
      .replace(/^apiKey\b/, '--api-key')
      .replace(/^publicUrl\b/, '--public-url');
    fail(fromFile ? `--db ${resolveDb(values.db)}: ${message}` : message);
  }
  if (seed) {
    const started = performance.now();
    const written = seedEmulator(emulator, seed);
    console.log(
      `Seeded ${written} new events (${seed - written} already there) in ${Math.round(performance.now() - started)} ms.`,
    );
  }
  let url: string;
  try {
    ({ url } = await emulator.listen(port, values.host));
  } catch (error) {
    await emulator.close();
    console.error(`error: ${listenFailure(error, values.host, port)}`);
    process.exit(1);
  }
  console.log(`Immutable emulator listening on ${url}  (API base ${url}/api/v1)`);
  console.log(`Database: ${resolveDb(values.db)}`);
  console.log(`API key:  ${emulator.apiKey}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function runTamper(argv: string[]) {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        edit: { type: 'string' },
        delete: { type: 'string' },
        swap: { type: 'string' },
        rewrite: { type: 'string' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.db || values.db === ':memory:')
    fail('tamper needs --db FILE (the database of a running or stopped emulator)');
  const chosen = [values.edit, values.delete, values.swap, values.rewrite].filter(
    (v) => v !== undefined,
  );
  if (chosen.length !== 1)
    fail('tamper needs exactly one of --edit ID, --delete ID, --swap ID1 ID2 or --rewrite ID');
  let action: TamperAction;
  if (values.edit) action = { kind: 'edit', id: values.edit };
  else if (values.rewrite) action = { kind: 'rewrite', id: values.rewrite };
  else if (values.delete) action = { kind: 'delete', id: values.delete };
  else {
    const other = positionals[0];
    if (!other) fail('--swap needs two event ids: --swap ID1 ID2');
    action = { kind: 'swap', id: values.swap!, other };
  }
  const db = openDatabase(resolveDb(values.db));
  try {
    console.log(tamper(db, action, sha256HexNode));
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    db.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'tamper') runTamper(rest);
else await serve(command === 'serve' ? rest : process.argv.slice(2));
