// What an app pays in bytes (packages/react/scripts/measureBundle.mjs: esbuild, minified, ES2022,
// browser; min and min+gzip -9), in layers. The size guard of `pnpm test` is size-limit.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { clientDir, esbuild, reactDir } from './esbuild.mjs';

const measureModule = () =>
  import(pathToFileURL(path.join(reactDir, 'scripts/measureBundle.mjs')).href);

/**
 * What an app pays to show `<AuditLog />`: the component, its provider and `createViewerClient`,
 * React external, plus the stylesheet (packages/react/scripts/measureBundle.mjs).
 */
export async function auditLogBundle() {
  const { measureBundle, APP_IMPORTS } = await measureModule();
  return measureBundle(APP_IMPORTS);
}

/**
 * Where the bytes of `auditLogBundle()` come from, each layer measured on top of the ones before
 * (so shared code counts once, in the first layer that pulls it in): the TanStack APIs the kit
 * uses, the viewer client's HTTP part, the client's in-browser integrity checks (JCS + SHA-256),
 * then the kit's own components and hooks, and the stylesheet.
 * @param {Awaited<ReturnType<typeof auditLogBundle>>} total — `auditLogBundle()`'s result
 */
export async function auditLogComposition(total) {
  const tanstack = `export { QueryClient, QueryClientProvider, QueryClientContext, useQuery, useInfiniteQuery, useMutation, useQueryClient, keepPreviousData } from '@tanstack/react-query';
export { useTable, columnVisibilityFeature, tableFeatures, createColumnHelper } from '@tanstack/react-table';
export { useVirtualizer } from '@tanstack/react-virtual';`;
  const client = `${tanstack}\nexport { createViewerClient } from '@getimmutable/client';`;
  const integrity = `${client}\nexport { checkEvent, checkChain } from '@getimmutable/client';`;
  const { measureJs } = await measureModule();
  const gzipOf = async (contents) => (await measureJs(contents)).gzip;
  const [stack, withClient, withIntegrity] = await Promise.all(
    [tanstack, client, integrity].map(gzipOf),
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

/**
 * The bare reference's stack (bench/page/reference.tsx): the react-query, react-table and
 * react-virtual APIs it imports, the same method — what an app pays before any viewer code.
 */
const REFERENCE_STACK = `export { QueryClient, QueryClientProvider, useQuery, useInfiniteQuery } from '@tanstack/react-query';
export { useTable, tableFeatures, createColumnHelper } from '@tanstack/react-table';
export { useVirtualizer } from '@tanstack/react-virtual';`;

export async function referenceStackBundle() {
  const { measureJs } = await measureModule();
  return measureJs(REFERENCE_STACK);
}

export const CLIENT_IMPORTS = '{ createViewerClient, checkEvent, checkChain, computeEventHash }';

/** The viewer client alone: createViewerClient and the integrity helpers, the same method. */
export async function clientBundle() {
  const { measureJs } = await measureModule();
  const entry = JSON.stringify(path.join(clientDir, 'src/index.ts'));
  return measureJs(`export ${CLIENT_IMPORTS} from ${entry};`, clientDir);
}

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
/** Leaves every `import()` out of the bundle: what an app loads before anything is imported on demand. */
const dynamicImportsExternal = {
  name: 'dynamic-imports-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/**
 * What `<AuditLog />` loads before its first paint and what it loads on demand (the parts it
 * imports with `import()`: the detail drawer, the columns panel, the overlay code they share),
 * in min+gzip bytes. Initial: one bundle of the app's imports with every `import()` left out,
 * plus the stylesheet. On demand: the chunks of a code-split build of the same imports that no
 * static import reaches, each gzipped alone as it is fetched alone. The split build names the
 * kit's modules, not its index: esbuild puts a module that an index re-exports into a chunk the
 * entry imports even when only an `import()` uses it, where Rollup, Rolldown (Vite) and webpack
 * leave it to the `import()` (see packages/react/tsdown.config.ts).
 * @param {Awaited<ReturnType<typeof auditLogBundle>>} total — `auditLogBundle()`'s result
 */
export async function auditLogSplit(total) {
  const { APP_BUILD } = await measureModule();
  const react = (file) => JSON.stringify(path.join(reactDir, 'src', file));
  const client = JSON.stringify(path.join(clientDir, 'src/index.ts'));
  const initial = await esbuild.build({
    ...APP_BUILD,
    stdin: {
      contents: `export { AuditLog, ImmutableViewerProvider } from ${react('index.ts')};\nexport { createViewerClient } from ${client};`,
      resolveDir: reactDir,
      loader: 'ts',
    },
    plugins: [dynamicImportsExternal],
  });
  const split = await esbuild.build({
    ...APP_BUILD,
    stdin: {
      contents: `export { AuditLog } from ${react('AuditLog.tsx')};\nexport { ImmutableViewerProvider } from ${react('ImmutableViewerProvider.tsx')};\nexport { createViewerClient } from ${client};`,
      resolveDir: reactDir,
      loader: 'ts',
    },
    splitting: true,
    absWorkingDir: reactDir, // the metafile's paths are relative to it
    outdir: path.join(reactDir, 'dist-bench'), // not written: write is false
    metafile: true,
  });
  const outputs = split.metafile.outputs;
  const byPath = new Map(split.outputFiles.map((f) => [path.relative(reactDir, f.path), f]));
  // Every chunk a static import reaches from the entry loads first; the rest loads on demand.
  const entry = Object.keys(outputs).find((key) => outputs[key].entryPoint === '<stdin>');
  const eager = new Set();
  const visit = (key) => {
    if (eager.has(key)) return;
    eager.add(key);
    for (const i of outputs[key].imports)
      if (!i.external && i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  const onDemand = Object.keys(outputs)
    .filter((key) => !eager.has(key) && key.endsWith('.js'))
    .map((key) => {
      // Named after the module an import() loads, or the modules a shared chunk holds.
      const modules = outputs[key].entryPoint ?? Object.keys(outputs[key].inputs).join(' + ');
      const { contents } = byPath.get(key);
      return {
        chunk: modules.replace(/(^|\+ )src\//g, '$1').replace(/\.tsx?\b/g, ''),
        min: contents.length,
        gzip: gzip(contents),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const js = initial.outputFiles[0].contents;
  const initialJs = { min: js.length, gzip: gzip(js) };
  const onDemandGzip = onDemand.reduce((sum, c) => sum + c.gzip, 0);
  return {
    initial: {
      js_min: initialJs.min,
      js_gzip: initialJs.gzip,
      css_gzip: total.cssGzip,
      gzip: initialJs.gzip + total.cssGzip,
    },
    on_demand: onDemand,
    on_demand_gzip: onDemandGzip,
    total_gzip: initialJs.gzip + total.cssGzip + onDemandGzip,
  };
}
