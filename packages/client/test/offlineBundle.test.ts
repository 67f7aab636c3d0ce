import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const bundle = (entry: string) =>
  build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });

describe('the offline entry and its worker', () => {
  it.each(['../src/offline/index.ts', '../src/offline/verifyExport.worker.ts'])(
    '%s bundles for the browser with no Node built-in and no import-time window',
    async (entry) => {
      const code = (await bundle(entry)).outputFiles[0]!.text;
      // Node's fast paths (node:crypto, node:buffer) are looked up at run time, never imported.
      expect(code).not.toMatch(/from\s+["']node:|require\(["']node:|import\(["']node:/);
      expect(code).not.toMatch(/\bwindow\b/);
    },
  );

  it('exports what a browser or Node verifier needs, and only that', async () => {
    const code = (await bundle('../src/offline/index.ts')).outputFiles[0]!.text;
    const exported = await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    );
    expect(Object.keys(exported).sort()).toEqual([
      'ExportVerifier',
      'hasOnlyGaps',
      'parseCheckpoint',
      'verifyExport',
      'verifyExportFile',
    ]);
  });
});
