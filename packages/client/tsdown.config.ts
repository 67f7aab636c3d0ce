// The published build: ESM for `.` (the browser's viewer client and integrity checks),
// `./server` (the server SDK) and `./offline` (verify an export with no server, and the Web
// Worker that does it in a browser), bundled .d.ts, source maps; and the `immutable-verify`
// command for Node (it keeps its `#!/usr/bin/env node` line). Why tsdown: see docs/packaging.md.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';

/** The browser-and-Node entries: their own modules are their chunks. */
const ENTRIES = {
  index: 'src/index.ts',
  server: 'src/server.ts',
  offline: 'src/offline/index.ts',
  // Beside offline.js, where its `new URL('./verifyExport.worker.js', import.meta.url)` looks.
  'verifyExport.worker': 'src/offline/verifyExport.worker.ts',
};
const ENTRY_FILES = new Set(
  Object.values(ENTRIES).map((file) => fileURLToPath(new URL(file, import.meta.url))),
);

/**
 * A module of this package or of the contract it bundles, by its path under `src` (a `.d.ts`
 * of the declaration build has a dot in it: not one).
 */
const SOURCE_MODULE = /[\\/](client|contract)[\\/]src[\\/]([^.]+)\.ts$/;

/**
 * Every module its own chunk (`query/parseQuery.ts` → `query.parseQuery-<hash>.js`), and the
 * entries only re-export: an app's bundler sees the package's modules as they are written, keeps
 * just those it uses and leaves to an `import()` what only that import reaches (the integrity
 * checks, which @getimmutable/react loads when the first rows have painted; the query language
 * and checkpoint checks of its filters and toolbar). A chunk is one module to the app's bundler:
 * with modules shared in a chunk (or in `index.js`), code that every page needs brought the rest
 * of its chunk into the app's first chunk.
 */
function chunkOf(id: string): string | null {
  const source = SOURCE_MODULE.exec(id);
  if (!source || ENTRY_FILES.has(id)) return null;
  const [, pkg, file] = source;
  return `${pkg === 'contract' ? 'contract.' : ''}${file!.replace(/[\\/]/g, '.')}`;
}

export default defineConfig([
  {
    entry: ENTRIES,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    fixedExtension: false,
    // The contract is a private workspace package: bundle its code and inline its types.
    dts: { resolve: ['@getimmutable/contract'], eager: true },
    sourcemap: true,
    clean: true,
    outputOptions: {
      codeSplitting: {
        includeDependenciesRecursively: false,
        groups: [{ name: chunkOf }],
      },
    },
  },
  {
    entry: { 'immutable-verify': 'src/cli/immutable-verify.ts' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    fixedExtension: false,
    dts: false,
    sourcemap: true,
    // tsdown cleans once for all configs, before building any, so this does not undo the above.
    clean: true,
  },
]);
