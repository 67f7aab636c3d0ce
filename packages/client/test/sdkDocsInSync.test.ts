import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { region, sdkDocUrl, twinSource } from './sdkTwinRegions.js';

describe('docs/sdk.md', () => {
  const doc = fs.readFileSync(sdkDocUrl, 'utf8');

  const twins = [...doc.matchAll(/<!-- twin: ([\w -]+) -->\n```ts\n(?:([\s\S]*?)\n)??```$/gm)].map(
    (m) => ({
      names: m[1]!.trim().split(/\s+/),
      code: m[2] ?? '',
    }),
  );
  const regions = [...twinSource.matchAll(/\/\/ #region ([\w-]+)\n/g)].map((m) => m[1]!);

  it('has a twin for every example of the seed’s Python document', () => {
    const seedExamples = [
      'configuration',
      'fluent-builder',
      'resource-object',
      'full-builder',
      'raw-tracking',
      'batch',
      'querying',
      'single-event',
      'verification',
      'viewer-tokens',
      'alerts',
      'exports',
      'error-handling',
      'framework-env',
      'framework-fetch',
      'framework-express',
    ];
    expect(new Set(twins.flatMap((t) => t.names))).toEqual(new Set([...seedExamples, 'import']));
    expect(new Set(regions)).toEqual(new Set([...seedExamples, 'import']));
  });

  it('shows exactly the code the tests run', () => {
    for (const twin of twins) {
      expect(twin.code, `docs/sdk.md block for ${twin.names.join(' + ')}`).toBe(
        twin.names.map(region).join('\n\n'),
      );
    }
  });
});
