// What an app pays in bytes (packages/react/scripts/measureBundle.mjs: esbuild, minified, ES2022,
// browser; min and min+gzip -9), in layers. The size guard of `pnpm test` is size-limit.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clientDir, reactDir } from './esbuild.mjs';

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
