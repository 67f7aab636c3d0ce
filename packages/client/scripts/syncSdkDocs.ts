/**
 * Rewrites each `<!-- twin: a b -->` code block of docs/sdk.md from the `#region`s of the SDK
 * examples' tests (test/sdkTwinRegions.ts lists them; run: `pnpm run docs:sync`).
 * test/sdkDocsInSync.test.ts fails while the two differ.
 */
import fs from 'node:fs';
import { region, sdkDocUrl } from '../test/sdkTwinRegions.js';

const doc = fs.readFileSync(sdkDocUrl, 'utf8');
// A block runs from its ```ts line to the next line that is exactly ``` (it may be empty).
const synced = doc.replace(
  /<!-- twin: ([\w -]+) -->\n```ts\n(?:[\s\S]*?\n)??```$/gm,
  (_all, names: string) => {
    const code = names.trim().split(/\s+/).map(region).join('\n\n');
    return `<!-- twin: ${names} -->\n\`\`\`ts\n${code}\n\`\`\``;
  },
);
fs.writeFileSync(sdkDocUrl, synced);
console.log(synced === doc ? 'docs/sdk.md already in sync' : 'docs/sdk.md updated');
