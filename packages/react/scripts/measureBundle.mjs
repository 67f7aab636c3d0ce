// Measures what an app pays for the kit: one esbuild bundle (minified, React external) of the
// given exports with everything they pull in, plus the stylesheet; sizes raw and gzipped.
import { build } from 'esbuild';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.join(here, '..');

/**
 * What an app imports to show the audit log: the component, the provider it needs, and the
 * client's `createViewerClient` that the provider is given.
 */
export const APP_IMPORTS = {
  imports: '{ AuditLog, ImmutableViewerProvider }',
  clientImports: '{ createViewerClient }',
};

/** esbuild's settings for what an app ships: minified ES2022 for the browser, production React external. */
export const APP_BUILD = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  jsx: 'automatic',
  external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
};

/**
 * One esbuild bundle of an entry module's source, as an app would ship it: minified ES2022 for the
 * browser, production React external; its bytes raw and gzipped (-9).
 * @param {string} contents — the entry, e.g. `export { AuditLog } from './src/index.ts';`
 * @param {string} [resolveDir] — where its imports resolve from
 * @returns {Promise<{ min: number, gzip: number }>}
 */
export async function measureJs(contents, resolveDir = root) {
  const result = await build({ ...APP_BUILD, stdin: { contents, resolveDir, loader: 'ts' } });
  const js = result.outputFiles[0].contents;
  return { min: js.length, gzip: gzipSync(js, { level: 9 }).length };
}

/**
 * @param {{ imports: string, clientImports?: string, from?: string, css?: boolean }} options — e.g.
 *   `{ imports: '{ AuditLog }', clientImports: '{ createViewerClient }' }`
 * @returns {Promise<{ js: number, jsGzip: number, css: number, cssGzip: number, min: number, gzip: number }>}
 */
export async function measureBundle({
  imports,
  clientImports,
  from = path.join(root, 'src/index.ts'),
  css = true,
}) {
  const client = clientImports ? `\nexport ${clientImports} from '@getimmutable/client';` : '';
  const js = await measureJs(`export ${imports} from ${JSON.stringify(from)};${client}`);
  let cssBytes = Buffer.alloc(0);
  if (css) {
    const styles = await build({
      entryPoints: [path.join(root, 'src/styles.css')],
      bundle: true,
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    cssBytes = Buffer.from(styles.outputFiles[0].contents);
  }
  const cssGzip = css ? gzipSync(cssBytes, { level: 9 }).length : 0;
  return {
    js: js.min,
    jsGzip: js.gzip,
    css: cssBytes.length,
    cssGzip,
    min: js.min + cssBytes.length,
    gzip: js.gzip + cssGzip,
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  // `node measureBundle.mjs` measures APP_IMPORTS; `node measureBundle.mjs "{ AuditLog }"` one export set.
  const options = process.argv[2] ? { imports: process.argv[2] } : APP_IMPORTS;
  const size = await measureBundle(options);
  const label = options.clientImports
    ? `${options.imports} + client ${options.clientImports}`
    : options.imports;
  console.log(
    `${label}: ${(size.min / 1024).toFixed(1)} kB min, ${(size.gzip / 1024).toFixed(1)} kB min+gzip (JS ${(size.jsGzip / 1024).toFixed(1)} kB + CSS ${(size.cssGzip / 1024).toFixed(1)} kB gzipped)`,
  );
}
