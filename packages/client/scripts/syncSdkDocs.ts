/**
 * Rewrites each `<!-- twin: a b -->` code block of docs/sdk.md from the `#region`s of
 * test/sdkDocs.test.ts (run: `pnpm run docs:sync`). The test fails while the two differ.
 */
import fs from 'node:fs';

const docUrl = new URL('../../../docs/sdk.md', import.meta.url);
const source = fs.readFileSync(new URL('../test/sdkDocs.test.ts', import.meta.url), 'utf8');

function region(name: string): string {
  const match = new RegExp(`// #region ${name}\\n([\\s\\S]*?)\\n\\s*// #endregion ${name}\\n`).exec(
    source,
  );
  if (!match) throw new Error(`test/sdkDocs.test.ts has no region ${name}`);
  const lines = match[1]!.split('\n');
  const indent = Math.min(
    ...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length),
  );
  return lines.map((l) => l.slice(indent)).join('\n');
}

const doc = fs.readFileSync(docUrl, 'utf8');
// A block runs from its ```ts line to the next line that is exactly ``` (it may be empty).
const synced = doc.replace(
  /<!-- twin: ([\w -]+) -->\n```ts\n(?:[\s\S]*?\n)??```$/gm,
  (_all, names: string) => {
    const code = names.trim().split(/\s+/).map(region).join('\n\n');
    return `<!-- twin: ${names} -->\n\`\`\`ts\n${code}\n\`\`\``;
  },
);
fs.writeFileSync(docUrl, synced);
console.log(synced === doc ? 'docs/sdk.md already in sync' : 'docs/sdk.md updated');
