/**
 * The kit on React 18 (its peer range is ^18.2 || ^19): the "react18" project runs this file and a
 * subset of the other specs (see playwright.config.ts) against the app built with
 * `vite build --mode react18` (dist/react18/), where react and react-dom resolve to React 18.3.1
 * everywhere, node_modules included. This file checks that the build and the page really are
 * React 18, and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REACT18_VERSION, expect, expectReact18, rowsLoaded, test } from './fixtures.js';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REACT19_VERSION = '19.3.1';

/** The JavaScript of a build and the npm packages its source map says went into it. */
function bundle(outDir: string) {
  const assets = path.join(appRoot, outDir, 'assets');
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(js.length).toBeGreaterThan(0);
  const text = js.map((f) => fs.readFileSync(path.join(assets, f), 'utf8')).join('\n');
  const packages = new Set<string>();
  for (const f of js) {
    // A chunk that only re-exports another's code (the kit's table/integrityIndex) has no map.
    if (!fs.existsSync(path.join(assets, `${f}.map`))) continue;
    const map = JSON.parse(fs.readFileSync(path.join(assets, `${f}.map`), 'utf8')) as {
      sources: string[];
    };
    for (const source of map.sources) {
      // …/node_modules/.pnpm/react-dom@18.3.1_react@19.3.1/node_modules/react-dom/client.js
      const match = /node_modules\/\.pnpm\/(@[^/+]+\+)?([^/@]+)@([^/_]+)/.exec(source);
      if (match)
        packages.add(`${match[1] ? match[1].replace('+', '/') : ''}${match[2]}@${match[3]}`);
    }
  }
  return { text, packages: [...packages] };
}

const reactPackages = (packages: string[]) =>
  packages.filter((p) => /^(react|react-dom|scheduler)@/.test(p)).sort();

test('the React 18 build bundles exactly one React: 18.3.1', async () => {
  const { text, packages } = bundle('dist/react18');
  expect(reactPackages(packages)).toEqual([
    `react-dom@${REACT18_VERSION}`,
    `react@${REACT18_VERSION}`,
    'scheduler@0.23.2',
  ]);
  expect(text).toContain(REACT18_VERSION);
  expect(text).not.toContain(REACT19_VERSION);
  // The kit's React dependencies went in too (their `react` imports resolved to React 18).
  expect(packages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^@tanstack\/react-query@/),
      expect.stringMatching(/^@tanstack\/react-table@/),
    ]),
  );
});

test('the normal build bundles React 19 and no React 18', async () => {
  const { text, packages } = bundle('dist');
  expect(reactPackages(packages)).toEqual([
    `react-dom@${REACT19_VERSION}`,
    `react@${REACT19_VERSION}`,
    expect.stringMatching(/^scheduler@0\.2[7-9]/),
  ]);
  expect(text).toContain(REACT19_VERSION);
  expect(text).not.toContain(REACT18_VERSION);
});

test('the page runs React 18 and renders the audit log', async ({ page }) => {
  await page.goto('/audit-log');
  await rowsLoaded(page);
  await expectReact18(page);
});
