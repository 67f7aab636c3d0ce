/**
 * docs/sdk.md shows the TypeScript twins of every example in the seed's Python SDK document: each
 * `<!-- twin: a b -->` block is the code of `#region a` and `#region b` in the files below, which
 * run it against the emulator as tests. sdkDocsInSync.test.ts fails when a block and its regions
 * drift; `pnpm run docs:sync` (scripts/syncSdkDocs.ts) rewrites the blocks from the regions.
 */
import fs from 'node:fs';

const twinFiles = [
  'sdkExamplesSetup.ts',
  'sdkEventExamples.test.ts',
  'sdkTokenAlertExportExamples.test.ts',
  'sdkFrameworkExamples.test.ts',
];

export const sdkDocUrl = new URL('../../../docs/sdk.md', import.meta.url);

/** The twin files' source, one after the other. */
export const twinSource = twinFiles
  .map((file) => fs.readFileSync(new URL(file, import.meta.url), 'utf8'))
  .join('\n');

/** A region's lines without their common indentation. */
export function region(name: string): string {
  const match = new RegExp(`// #region ${name}\\n([\\s\\S]*?)\\n\\s*// #endregion ${name}\\n`).exec(
    twinSource,
  );
  if (!match) throw new Error(`no region ${name} in ${twinFiles.join(', ')}`);
  const lines = match[1]!.split('\n');
  const indent = Math.min(
    ...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length),
  );
  return lines.map((l) => l.slice(indent)).join('\n');
}
