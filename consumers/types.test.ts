/**
 * Consumer 3: a file using the public types compiles with `tsc --noEmit` under
 * moduleResolution "bundler" and "node16" (checking our .d.ts too: skipLibCheck is off), in the
 * Vite apps' folders — so against @types/react 18 and 19 both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { templatesDir } from './lib/installApp.js';
import { run } from './lib/processes.js';

const { apps } = inject('consumers');

describe.each(['viteReact18', 'viteReact19'] as const)('TypeScript consumer in %s', (app) => {
  const dir = path.join(apps[app], 'typecheck');
  fs.cpSync(path.join(templatesDir, 'types'), dir, { recursive: true });

  it.each(['bundler', 'node16'])('compiles with moduleResolution %s', async (resolution) => {
    const output = await run('npx', ['tsc', '-p', `tsconfig.${resolution}.json`, '--listFiles'], {
      cwd: dir,
    });
    // It read our declarations from the installed tarballs, not anything else.
    const ours = output.split('\n').filter((f) => f.includes('/node_modules/@getimmutable/'));
    expect(ours.some((f) => f.endsWith('@getimmutable/react/dist/index.d.ts'))).toBe(true);
    expect(ours.some((f) => f.endsWith('@getimmutable/client/dist/server.d.ts'))).toBe(true);
    expect(ours.every((f) => f.includes('/dist/'))).toBe(true);
  });
});
