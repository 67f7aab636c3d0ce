import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? filesIn(file) : [file];
  });
}

test('the production bundle holds no API key', async () => {
  const files = filesIn(dist);
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  const leaks: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    // The client's guard mentions the prefix in code ("imk_" checks and its error message);
    // a key is the prefix followed by 32+ key characters.
    const keys = text.match(/imk_[A-Za-z0-9_-]{32,}/g) ?? [];
    leaks.push(...keys.map((key) => `${path.relative(dist, file)}: ${key.slice(0, 12)}…`));
    // Nothing that reads a key from the environment at build time either.
    if (/IMMUTABLE_API_KEY/.test(text))
      leaks.push(`${path.relative(dist, file)}: IMMUTABLE_API_KEY`);
  }
  expect(leaks).toEqual([]);
});

test('the only "imk_" in the bundle is the client refusing API keys', async () => {
  const mentions = filesIn(dist)
    .filter((f) => f.endsWith('.js'))
    .flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [...text.matchAll(/.{0,40}imk_.{0,40}/g)].map((m) => m[0]);
    });
  for (const mention of mentions) expect(mention).toMatch(/startsWith\("imk_"\)|imk_ API key/);
});
