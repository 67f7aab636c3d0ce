import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the viewer entry', () => {
  // One browser bundle of the entry (with its metafile) serves both tests.
  const bundled = build({
    entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });

  it('bundles for the browser without Node built-ins or import-time window access', async () => {
    const result = await bundled;
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s+["']node:|require\(["']node:/);
    expect(code).not.toMatch(/\bwindow\b/);
    const exported = await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    );
    expect(Object.keys(exported).sort()).toEqual([
      'ALERT_RULE_TYPES',
      'ALERT_SEVERITIES',
      'CHECKPOINT_KIND',
      'DATE_PRESETS',
      'EXPORT_FORMATS',
      'EXPORT_STATUSES',
      'FILTER_FIELDS',
      'FILTER_NAMES',
      'ImmutableError',
      'IntegrityIndex',
      'MAX_FILTER_LENGTH',
      'MAX_VIEW_NAME',
      'PAGE_LIMIT',
      'QUERY_KEYS',
      'SEARCH_LIMITS',
      'VERIFY_BREAK_TYPES',
      'VERIFY_LIMIT',
      'canonicalize',
      'checkChain',
      'checkCheckpoint',
      'checkEvent',
      'checkEventOnce',
      'checkViewName',
      'checkpointKey',
      'clampPageSize',
      'compareCheckpoint',
      'completeQuery',
      'computeEventHash',
      'createViewerClient',
      'detectPreset',
      'eventHashInput',
      'formatQuery',
      'hasFilters',
      'isImmutableError',
      'isoToWallTime',
      'localStorageCheckpointStore',
      'localStorageSavedViewStore',
      'normalizeFilters',
      'parseCheckpoint',
      'parseQuery',
      'presetRange',
      'queryVocabulary',
      'readChanges',
      'readSavedView',
      'reconcileCheckpoint',
      'sameFilters',
      'sha256Hex',
      'takeCheckpoint',
      'wallTimeToIso',
    ]);
  });

  it('keeps the server SDK out of the viewer entry', async () => {
    const result = await bundled;
    const inputs = Object.keys(result.metafile.inputs);
    expect(
      inputs.some((f) => f.endsWith('ImmutableClient.ts') || f.endsWith('PendingEvent.ts')),
    ).toBe(false);
  });
});
