// The published build: ESM with bundled .d.ts and source maps, dependencies and React external,
// every chunk marked "use client" so React Server Components frameworks (Next.js App Router)
// treat the kit as client code, and the stylesheet joined into one `styles.css`.
// Why tsdown: see docs/packaging.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';

const here = (file: string) => new URL(file, import.meta.url);

/**
 * The published stylesheet as one file: src/styles.css with each `@import './styles/<part>.css';`
 * replaced by that part's text, so an app loads one stylesheet and a reader of dist/styles.css
 * gets the source's comments (on theming, on why a rule is there). Not esbuild's CSS bundling:
 * it drops those comments and reformats every rule.
 */
function joinStyles(): string {
  const joined = readFileSync(here('./src/styles.css'), 'utf8').replace(
    /^@import '\.\/(styles\/\w+\.css)';$/gm,
    (_, part: string) => `${readFileSync(here(`./src/${part}`), 'utf8').trimEnd()}\n`,
  );
  if (joined.includes('@import')) throw new Error('src/styles.css: an @import was not joined');
  return `${joined.trimEnd()}\n`;
}

/** A source module of this package (not a declaration file the .d.ts bundling adds). */
const isSource = (id: string) => /[\\/]src[\\/][^.]*\.tsx?$/.test(id);
const isIndex = (id: string) => /[\\/]src[\\/]index\.ts$/.test(id);
/** A module's path under src, as a chunk name: `table/AuditLogTable.tsx` → `table.AuditLogTable`. */
const modulePath = (id: string) =>
  id
    .replace(/^.*[\\/]src[\\/]/, '')
    .replace(/\.tsx?$/, '')
    .replace(/[\\/]/g, '.');

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  fixedExtension: false,
  dts: true,
  sourcemap: true,
  clean: true,
  banner: { js: '"use client";' },
  hooks: { 'build:done': () => writeFileSync(here('./dist/styles.css'), joinStyles()) },
  // Every source module is a chunk of its own, and `index.js` holds nothing but re-exports. An
  // app's bundler (Rollup, Rolldown, webpack) treats each file as one module, kept whole or
  // dropped: it drops `index.js`'s unused re-exports (the package has no side effects) and the
  // modules only they reached, and it finds each part `<AuditLog />` imports with `import()`
  // (the filters and toolbar, the drawer, the panels) and makes its own chunks of them. Bundled
  // as one chunk, `index.js` held that `import()` and a static import of the same chunk, and Vite
  // merged the drawer into the app's first chunk (checked with Vite 8); with the on-demand parts
  // grouped (a chunk per part), an app composing its own layout from `AuditLogFilters` shipped
  // the export button, saved views and verify badge of the same group (their top-level
  // `forwardRef` calls keep them): 133.3 kB min+gzip loaded first in the consumer suite's Vite app
  // (consumers/vite.test.ts, React 19) instead of 126.2 kB, where an app rendering `<AuditLog />`
  // gets the same chunks either way. Dependencies are not pulled into the groups
  // (`includeDependenciesRecursively: false`): the chunk of each module is chosen here.
  inputOptions: { preserveEntrySignatures: 'allow-extension' },
  outputOptions: {
    codeSplitting: {
      includeDependenciesRecursively: false,
      groups: [
        {
          name: (id) => (isSource(id) && !isIndex(id) ? modulePath(id) : null),
        },
      ],
    },
  },
});
