/**
 * Consumer 1: Vite + React 18.3 and Vite + React 19 apps, installed from the tarballs, render
 * <AuditLog /> with styles.css against an emulator started from the emulator tarball's bin, with
 * the app's own backend minting viewer tokens through @getimmutable/client/server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readAuditLogPage } from './lib/browser.js';
import { startEmulator, type RunningEmulator } from './lib/emulator.js';
import { freePort, run, startServer, type Server } from './lib/processes.js';

const { apps } = inject('consumers');

describe.each([
  { app: 'viteReact18', react: '18.3.1' },
  { app: 'viteReact19', react: '19.3.1' },
] as const)('a Vite app on React $react', ({ app, react }) => {
  const dir = apps[app];
  const running: Array<Server | RunningEmulator> = [];
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
  });

  it('builds with vite build, and in Chromium shows rows, "Verified" and the hashes of an event', async () => {
    const appPort = await freePort();
    const appUrl = `http://127.0.0.1:${appPort}`;
    const emulator = await startEmulator(apps.emulator, { seed: 500, allowOrigins: [appUrl] });
    running.push(emulator);

    const built = await run('npx', ['vite', 'build'], {
      cwd: dir,
      env: { VITE_IMMUTABLE_BASE_URL: emulator.url },
    });
    expect(built).toMatch(/built in/);
    const bundle = fs
      .readdirSync(path.join(dir, 'dist/assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(dir, 'dist/assets', f), 'utf8'))
      .join('\n');
    expect(bundle, 'the API key must never reach the browser bundle').not.toContain(
      emulator.apiKey,
    );
    expect(fs.readdirSync(path.join(dir, 'dist/assets')).some((f) => f.endsWith('.css'))).toBe(
      true,
    );
    // What loads after the first rows is not in what the page loads first, from the tarballs
    // too: the filters and toolbar (their class names) and the integrity checks (a message).
    const first = firstLoad(path.join(dir, 'dist'));
    console.log(
      `[${app}] JavaScript loaded first: ${first.files.length} files, ${first.gzip} B min+gzip`,
    );
    for (const marker of ['imv-filters__', 'computeEventHash needs an event']) {
      expect(bundle, marker).toContain(marker);
      expect(first.text, `${marker} in what loads first`).not.toContain(marker);
    }

    const backend = await startServer('node', ['server.mjs'], {
      cwd: dir,
      url: appUrl,
      env: {
        PORT: String(appPort),
        IMMUTABLE_BASE_URL: emulator.url,
        IMMUTABLE_API_KEY: emulator.apiKey,
        TENANT_ID: 'org_acme',
      },
    });
    running.push(backend);

    const seen = await readAuditLogPage(appUrl);
    console.log(`[${app}] ${JSON.stringify({ ...seen, drawerHashes: seen.drawerHashes.length })}`);
    expect(seen.reactVersion).toBe(react);
    expect(seen.rowCount).toBeGreaterThan(0);
    expect(seen.badgeText).toMatch(/^Verified: [\d,]+ events$/);
    expect(seen.drawerHashes.length).toBeGreaterThanOrEqual(2);
    expect(seen.drawerSaysMatches).toBe(true);
    expect(seen.errors).toEqual([]);
  });
});

describe('a Vite app composing its own layout from the kit (React 19)', () => {
  it('ships the filters and the table, not the export button, saved views or verify badge', async () => {
    const dir = apps.viteReact19;
    const built = await run('npx', ['vite', 'build', '--config', 'vite.layers.config.ts'], {
      cwd: dir,
      env: { VITE_IMMUTABLE_BASE_URL: 'http://127.0.0.1:9' },
    });
    expect(built).toMatch(/built in/);
    const assets = path.join(dir, 'dist-layers/assets');
    const scripts = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    const bundle = scripts.map((f) => fs.readFileSync(path.join(assets, f), 'utf8')).join('\n');
    const first = firstLoad(path.join(dir, 'dist-layers'), 'layers.html');
    console.log(
      `[layers] JavaScript loaded first: ${first.files.length} files, ${first.gzip} B min+gzip`,
    );
    // Their class names: what the page uses is there, what it does not import is not.
    for (const used of ['imv-filters__', 'imv-table__']) expect(bundle, used).toContain(used);
    for (const unused of ['imv-export', 'imv-views', 'imv-verify-badge']) {
      expect(bundle.includes(unused), `${unused} in an app that does not import it`).toBe(false);
    }
  });
});

/** The JavaScript a built page loads before any `import()`: its entry and the modules it preloads. */
function firstLoad(dist: string, page = 'index.html') {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const files = [
    ...html.matchAll(
      /<(?:script|link rel="modulepreload")[^>]+(?:src|href)="\/(assets\/[^"]+\.js)"/g,
    ),
  ].map((m) => m[1]!);
  const text = files.map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n');
  const gzip = files.reduce(
    (sum, f) => sum + gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length,
    0,
  );
  return { files, text, gzip };
}
