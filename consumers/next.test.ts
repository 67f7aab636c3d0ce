/**
 * Consumer 2: a Next.js App Router app installed from the tarballs. A route handler mints the
 * viewer token with @getimmutable/client/server; a server page renders the kit through a client
 * component. `next build`, then the production server: the HTML holds no API key and, in
 * Chromium, rows appear, the badge says verified and the drawer shows the hashes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readAuditLogPage } from './lib/browser.js';
import { startEmulator, type RunningEmulator } from './lib/emulator.js';
import { freePort, run, startServer, type Server } from './lib/processes.js';

const { apps } = inject('consumers');
const dir = apps.next;

/** Every file under a folder, as text (the client bundles Next wrote). */
const readTree = (folder: string): string =>
  fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');

describe('a Next.js 16 App Router app', () => {
  const running: Array<Server | RunningEmulator> = [];
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
  });

  it('builds, serves HTML without the API key, and in Chromium shows rows, "Verified" and the hashes', async () => {
    const appPort = await freePort();
    const appUrl = `http://127.0.0.1:${appPort}`;
    const emulator = await startEmulator(apps.emulator, { seed: 500, allowOrigins: [appUrl] });
    running.push(emulator);
    const env = {
      NEXT_PUBLIC_IMMUTABLE_BASE_URL: emulator.url,
      // Present at build time too: a careless bundle would inline it.
      IMMUTABLE_API_KEY: emulator.apiKey,
      IMMUTABLE_BASE_URL: emulator.url,
      TENANT_ID: 'org_acme',
      NEXT_TELEMETRY_DISABLED: '1',
    };

    const built = await run('npx', ['next', 'build'], { cwd: dir, env, timeoutMs: 600_000 });
    console.log(
      `[next] ${built
        .split('\n')
        .filter((l) => /Route|\/audit|api|○|ƒ/.test(l))
        .join('\n')}`,
    );
    expect(
      readTree(path.join(dir, '.next/static')),
      'the API key in a client bundle',
    ).not.toContain(emulator.apiKey);

    const server = await startServer(
      'npx',
      ['next', 'start', '-p', String(appPort), '-H', '127.0.0.1'],
      {
        cwd: dir,
        url: appUrl,
        env,
      },
    );
    running.push(server);

    const response = await fetch(appUrl);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<h1>Audit log</h1>');
    expect(html, 'the kit rendered on the server').toMatch(/class="[^"]*\bimv-/);
    expect(html, 'the API key in server-rendered HTML').not.toContain(emulator.apiKey);

    const seen = await readAuditLogPage(appUrl);
    console.log(`[next] ${JSON.stringify({ ...seen, drawerHashes: seen.drawerHashes.length })}`);
    // The App Router renders with the React build Next.js ships (a 19.x canary), by design.
    expect(seen.reactVersion).toMatch(/^19\./);
    expect(seen.rowCount).toBeGreaterThan(0);
    expect(seen.badgeText).toMatch(/^Verified: [\d,]+ events$/);
    expect(seen.drawerHashes.length).toBeGreaterThanOrEqual(2);
    expect(seen.drawerSaysMatches).toBe(true);
    expect(seen.errors).toEqual([]);
  });
});
