/**
 * Creates a consumer app in its own folder — the template's files and a package.json naming our
 * tarballs by `file:` path next to public packages — and installs it with npm, as a customer
 * would: no workspace, no links into the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConsumerApp, PackageName } from '../apps.js';
import { run } from './processes.js';

export const templatesDir = path.resolve(import.meta.dirname, '../templates');
/** Beside each templated app's package.json: its `messages` for the kit (see lib/browser.ts). */
const APP_MESSAGES = 'appMessages.json';

export async function installApp(
  name: string,
  app: ConsumerApp,
  dir: string,
  tarballs: Record<PackageName, string>,
): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  if (app.template) {
    fs.cpSync(path.join(templatesDir, app.template), dir, { recursive: true });
    // The strings the app's `messages` prop replaces, which lib/browser.ts then looks for.
    fs.copyFileSync(path.join(templatesDir, APP_MESSAGES), path.join(dir, APP_MESSAGES));
  }
  const ours = Object.fromEntries(
    app.tarballs.map((pkg) => [`@getimmutable/${pkg}`, `file:${tarballs[pkg]}`]),
  );
  const manifest = {
    name: `consumer-${name.toLowerCase()}`,
    private: true,
    type: 'module',
    dependencies: { ...app.dependencies, ...ours },
    devDependencies: app.devDependencies,
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  // better-sqlite3 (the emulator's) compiles from source when no prebuilt binary can be fetched;
  // node-gyp must then use the system's Node headers rather than download them.
  const nodedir = fs.existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    env: nodedir,
    timeoutMs: 900_000,
  });
}
