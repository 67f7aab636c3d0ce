// Builds the bench page (bench/page/main.tsx) with esbuild — React's production build, the
// kit from packages/react/src — and serves it with the events on 127.0.0.1 (node:http).
import http from 'node:http';
import path from 'node:path';
import { clientDir, esbuild, reactDir, root } from './esbuild.mjs';

/** '@getimmutable/react' and '@getimmutable/client' → their src, as the workspace's `exports` map them. */
const kitFromSource = {
  name: 'kit-from-source',
  setup(build) {
    build.onResolve({ filter: /^@getimmutable\/react(\/styles\.css)?$/ }, (args) => ({
      path: path.join(
        reactDir,
        'src',
        args.path.endsWith('styles.css') ? 'styles.css' : 'index.ts',
      ),
    }));
    build.onResolve({ filter: /^@getimmutable\/client$/ }, () => ({
      path: path.join(clientDir, 'src/index.ts'),
    }));
    // 'virtual:kit/<package>' (page/reference.tsx): a package as the kit resolves it (its copy of
    // react-table and react-virtual, dependencies of packages/react, not of the root).
    build.onResolve({ filter: /^virtual:kit\// }, (args) =>
      build.resolve(args.path.slice('virtual:kit/'.length), {
        kind: args.kind,
        resolveDir: reactDir,
      }),
    );
  },
};

/**
 * @param {{ plugins?: import('esbuild').Plugin[] }} [options] extra esbuild plugins (e.g. to try a change to the kit in memory)
 * @returns {Promise<{ js: string, css: string, map: any }>}
 */
export async function buildPage({ plugins = [] } = {}) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'bench/page/main.tsx')],
    outdir: path.join(root, 'bench/results/page'), // not written: write is false
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Whitespace and syntax minified as an app ships; names kept so CPU profiles are readable.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [...plugins, kitFromSource],
    logLevel: 'silent',
    metafile: true,
    sourcemap: 'external', // for bench/lib/profile.mjs: profile frames → source files
    sourcesContent: false,
  });
  const out = (ext) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  const map = JSON.parse(out('.js.map'));
  // Sources are relative to outdir; make them relative to the repository root.
  map.sources = map.sources.map((s) =>
    path.relative(root, path.resolve(root, 'bench/results/page', s)),
  );
  // One React, one react-query, one react-table: two copies would break context (and skew the figures).
  const inputs = Object.keys(result.metafile.inputs);
  for (const pkg of [
    'react-dom/cjs/react-dom-client.production',
    'react/cjs/react.production',
    '@tanstack/query-core/build/modern/queryClient',
    '@tanstack/react-table/dist/useTable', // the kit's and the reference's (page/reference.tsx)
  ]) {
    const copies = new Set(
      inputs.filter((i) => i.includes(pkg)).map((i) => i.slice(0, i.indexOf(pkg))),
    );
    if (copies.size !== 1) throw new Error(`bench page bundles ${copies.size} copies of ${pkg}`);
  }
  return { js: out('.js'), css: out('.css'), map };
}

/** The page, its script and stylesheet at `prefix` (the returning visitor's copy is cacheable). */
const html = (prefix) =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>@getimmutable/react bench</title>' +
  `<link rel="stylesheet" href="${prefix}main.css"><script src="${prefix}main.js"></script></head><body></body></html>`;

/**
 * Where a returning visitor's page is: the same page, its script and stylesheet served with a
 * max-age as an app serves hashed assets, so a persistent profile keeps them — and V8's code
 * cache of the script — between visits (lib/returningVisit.mjs). Everything else is no-store.
 */
export const RETURNING_PATH = 'returning/';

/**
 * Serves the page and `/events.json?n=N` (the newest N of `events`) on 127.0.0.1.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function servePage({ js, css }, events) {
  const bodies = new Map();
  const eventsJson = (n) => {
    if (!bodies.has(n)) bodies.set(n, JSON.stringify(events.slice(0, n)));
    return bodies.get(n);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type, body, cache = 'no-store') =>
      res.writeHead(200, { 'content-type': type, 'cache-control': cache }).end(body);
    const kept = 'public, max-age=86400';
    if (url.pathname === '/') send('text/html; charset=utf-8', html('/'));
    else if (url.pathname === '/main.js') send('text/javascript; charset=utf-8', js);
    else if (url.pathname === '/main.css') send('text/css; charset=utf-8', css);
    else if (url.pathname === `/${RETURNING_PATH}`)
      send('text/html; charset=utf-8', html(`/${RETURNING_PATH}`));
    else if (url.pathname === `/${RETURNING_PATH}main.js`)
      send('text/javascript; charset=utf-8', js, kept);
    else if (url.pathname === `/${RETURNING_PATH}main.css`)
      send('text/css; charset=utf-8', css, kept);
    else if (url.pathname === '/favicon.ico') res.writeHead(204).end();
    else if (url.pathname === '/events.json') {
      const n = Number(url.searchParams.get('n'));
      if (!Number.isInteger(n) || n < 1 || n > events.length) res.writeHead(400).end();
      else send('application/json', eventsJson(n));
    } else res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
