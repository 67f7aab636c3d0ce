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
export { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';`;
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
/**
 * What `<AuditLog />` loads before its first paint and what it loads on demand (the parts it
 * imports with `import()`: the filters and toolbar, the detail drawer, the columns panel, and
 * what they import in turn), in min+gzip bytes. Initial: one bundle of the app's imports with
 * every `import()` left out, plus the stylesheet. On demand: a code-split build whose entries
 * are the `import()`s the initial bundle left out, with every module the initial bundle holds
 * code of left out too (it is loaded already); its chunks are gzipped alone, as each is fetched
 * alone. A re-exporting index holds no code, so an on-demand part still takes what it uses
 * through one, as Rollup, Rolldown (Vite) and webpack place it. (A split build of the app's
 * imports would not: esbuild puts a module that an index re-exports into a chunk the entry
 * imports even when only an `import()` uses it, and such bytes were counted nowhere.)
 * @param {Awaited<ReturnType<typeof auditLogBundle>>} total — `auditLogBundle()`'s result
 */
export async function auditLogSplit(total) {
  const { APP_BUILD } = await measureModule();
  const client = JSON.stringify(path.join(clientDir, 'src/index.ts'));
  const react = JSON.stringify(path.join(reactDir, 'src/index.ts'));
  /** The files the initial bundle's `import()`s load. */
  const targets = new Set();
  const initial = await esbuild.build({
    ...APP_BUILD,
    stdin: {
      contents: `export { AuditLog, ImmutableViewerProvider } from ${react};\nexport { createViewerClient } from ${client};`,
      resolveDir: reactDir,
      loader: 'ts',
    },
    absWorkingDir: reactDir, // the metafile's paths are relative to it
    metafile: true,
    plugins: [
      {
        name: 'dynamic-imports-external',
        setup(build) {
          build.onResolve({ filter: /.*/ }, async (args) => {
            if (args.kind !== 'dynamic-import') return undefined;
            const resolved = await build.resolve(args.path, {
              kind: 'import-statement',
              resolveDir: args.resolveDir,
            });
            targets.add(resolved.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const [initialOutput] = Object.values(initial.metafile.outputs);
  const loaded = new Set(
    Object.entries(initialOutput.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => path.resolve(reactDir, file)),
  );
  const entryPoints = [...targets].filter((file) => !loaded.has(file));
  const split = await esbuild.build({
    ...APP_BUILD,
    entryPoints,
    splitting: true,
    absWorkingDir: reactDir,
    outdir: path.join(reactDir, 'dist-bench'), // not written: write is false
    metafile: true,
    plugins: [
      {
        name: 'loaded-modules-external',
        setup(build) {
          build.onResolve({ filter: /.*/ }, async (args) => {
            if (args.pluginData === 'resolving') return undefined;
            const resolved = await build.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              importer: args.importer,
              pluginData: 'resolving',
            });
            return loaded.has(resolved.path) ? { path: resolved.path, external: true } : undefined;
          });
        },
      },
    ],
  });
  const outputs = split.metafile.outputs;
  const byPath = new Map(split.outputFiles.map((f) => [path.relative(reactDir, f.path), f]));
  const onDemand = Object.keys(outputs)
    .filter((key) => key.endsWith('.js'))
    .map((key) => {
      // Named after the module an import() loads, or the first module a shared chunk holds.
      const held = Object.keys(outputs[key].inputs);
      const modules =
        outputs[key].entryPoint ??
        (held.length > 1 ? `${held[0]} + ${held.length - 1} more` : (held[0] ?? 'imports'));
      const { contents } = byPath.get(key);
      return {
        chunk: modules
          .replace(/(^|\+ )src\//g, '$1')
          .replace(/\.tsx?\b/g, '')
          // A dependency's module by its package's name: @tanstack/virtual-core.
          .replace(/[^ ]*node_modules\/((?:@[^/]+\/)?[^/]+)\/[^ ]*/g, '$1'),
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
