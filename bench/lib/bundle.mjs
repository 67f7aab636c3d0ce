// What an app pays in bytes: esbuild, minified, ES2022, browser; min and min+gzip (-9).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { clientDir, esbuild, reactDir } from './esbuild.mjs';

/** `<AuditLog />` with its provider, React external, plus the stylesheet: packages/react/scripts/measureBundle.mjs. */
export async function auditLogBundle() {
  const { measureBundle } = await import(pathToFileURL(path.join(reactDir, 'scripts/measureBundle.mjs')).href);
  return measureBundle({ imports: '{ AuditLog, ImmutableViewerProvider }' });
}

export const CLIENT_IMPORTS = '{ createViewerClient, checkEvent, checkChain, computeEventHash }';

/** The viewer client alone: createViewerClient and the integrity helpers, the same method. */
export async function clientBundle() {
  const result = await esbuild.build({
    stdin: {
      contents: `export ${CLIENT_IMPORTS} from ${JSON.stringify(path.join(clientDir, 'src/index.ts'))};`,
      resolveDir: clientDir,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const js = Buffer.from(result.outputFiles[0].contents);
  return { min: js.length, gzip: gzipSync(js, { level: 9 }).length };
}
