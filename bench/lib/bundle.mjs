// What an app pays in bytes: esbuild, minified, ES2022, browser; min and min+gzip (-9).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { clientDir, esbuild, reactDir } from './esbuild.mjs';

const measureModule = () =>
  import(pathToFileURL(path.join(reactDir, 'scripts/measureBundle.mjs')).href);

/**
 * What an app pays to show `<AuditLog />`: the component, its provider and `createViewerClient`,
 * React external, plus the stylesheet (packages/react/scripts/measureBundle.mjs, the same
 * measurement as the size guard in `pnpm test`).
 */
export async function auditLogBundle() {
  const { measureBundle, APP_IMPORTS } = await measureModule();
  return measureBundle(APP_IMPORTS);
}

/** One minified ESM bundle of `contents` (React external), gzip -9. */
async function gzipOf(contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: reactDir, loader: 'ts' },
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
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

/**
 * Where the bytes of `auditLogBundle()` come from, each layer measured on top of the ones before
 * (so shared code counts once, in the first layer that pulls it in): the TanStack APIs the kit
 * uses, the viewer client's HTTP part, the client's in-browser integrity checks (JCS + SHA-256),
 * then the kit's own components and hooks, and the stylesheet.
 */
export async function auditLogComposition() {
  const tanstack = `export { QueryClient, QueryClientProvider, QueryClientContext, useQuery, useInfiniteQuery, useMutation, useQueryClient, keepPreviousData } from '@tanstack/react-query';
export { useTable, columnVisibilityFeature, tableFeatures, createColumnHelper } from '@tanstack/react-table';
export { useVirtualizer } from '@tanstack/react-virtual';`;
  const client = `${tanstack}\nexport { createViewerClient } from '@getimmutable/client';`;
  const integrity = `${client}\nexport { checkEvent, checkChain } from '@getimmutable/client';`;
  const [stack, withClient, withIntegrity, total] = await Promise.all(
    [tanstack, client, integrity].map(gzipOf).concat(auditLogBundle()),
  );
  return {
    tanstack: stack,
    client: withClient - stack,
    integrity: withIntegrity - withClient,
    kit: total.jsGzip - withIntegrity,
    css: total.cssGzip,
    total: total.gzip,
  };
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
