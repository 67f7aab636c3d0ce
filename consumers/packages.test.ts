/**
 * The tarballs themselves, as `pnpm pack` wrote them: publint and @arethetypeswrong/cli pass;
 * they hold only built files (no sources, tests or stories, nothing of another package); every
 * `exports`/`bin` target is inside; the React entry starts with "use client"; the emulator's bin
 * starts with its shebang and is executable. Prints each tarball's packed and unpacked size.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { PackageName } from './apps.js';
import { repoRoot } from './lib/packTarballs.js';
import { run } from './lib/processes.js';

const { tarballs } = inject('consumers');
const unpackedRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'imv-tarballs-'));
afterAll(() => fs.rmSync(unpackedRoot, { recursive: true, force: true }));

/** Unpacks a tarball; returns its folder and its entries (`-rwxr-xr-x … package/dist/cli.js`). */
function unpack(name: PackageName) {
  const dir = fs.mkdtempSync(path.join(unpackedRoot, `${name}-`));
  execFileSync('tar', ['-xzf', tarballs[name], '-C', dir]);
  const listing = execFileSync('tar', ['-tzvf', tarballs[name]], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const files = listing.map((line) =>
    line
      .split(/\s+/)
      .at(-1)!
      .replace(/^package\//, ''),
  );
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package/package.json'), 'utf8'));
  return { root: path.join(dir, 'package'), listing, files, manifest };
}

/** Every file an `exports` map (or a string target) points at. */
const targets = (exportsField: unknown): string[] =>
  typeof exportsField === 'string'
    ? [exportsField]
    : Object.values(exportsField as Record<string, unknown>).flatMap(targets);

describe.each(['client', 'react', 'emulator'] as const)('the %s tarball', (name) => {
  const packed = unpack(name);

  it('passes publint (strict: warnings fail too)', async () => {
    const output = await run('pnpm', ['exec', 'publint', '--strict', tarballs[name]], {
      cwd: repoRoot,
    });
    console.log(`[publint ${name}] ${output.trim().split('\n').at(-1)}`);
    expect(output).toContain('All good!');
  });

  // attw exits non-zero on any problem the esm-only profile does not ignore (CommonJS entry
  // points: these packages are ESM-only on purpose). The stylesheet has no types to check.
  it('passes @arethetypeswrong/cli for an ESM-only package', async () => {
    const output = await run(
      'pnpm',
      [
        'exec',
        'attw',
        tarballs[name],
        '--profile',
        'esm-only',
        '--exclude-entrypoints',
        './styles.css',
        '--format',
        'table-flipped',
        '--no-color',
      ],
      { cwd: repoRoot },
    );
    console.log(`[attw ${name}]\n${output.trim()}`);
    expect(output).toMatch(/node16 \(from ESM\)/);
  });

  it('holds only built files, and every exports, types and bin target', () => {
    const unpacked = packed.files.reduce(
      (sum, f) => sum + fs.statSync(path.join(packed.root, f)).size,
      0,
    );
    console.log(
      `[size ${name}] ${fs.statSync(tarballs[name]).size} B packed, ${unpacked} B unpacked, ${packed.files.length} files`,
    );
    for (const file of packed.files) {
      expect(file).toMatch(/^(dist\/[\w.-]+\.(js|js\.map|d\.ts|css)|package\.json|CHANGELOG\.md)$/);
    }
    const pointed = [
      ...targets(packed.manifest.exports),
      ...targets(packed.manifest.bin ?? {}),
      packed.manifest.types,
    ];
    for (const target of pointed)
      expect(packed.files, target).toContain(target.replace(/^\.\//, ''));
    expect(JSON.stringify(packed.manifest)).not.toContain('workspace:');
    expect(JSON.stringify(packed.manifest.exports)).not.toContain('/src/');
    expect(packed.manifest.engines?.node).toBeDefined();
    expect(packed.manifest.sideEffects).toBeDefined();
  });

  it('maps its code only to its own sources (and the contract it bundles), inside the maps', () => {
    for (const map of packed.files.filter((f) => f.endsWith('.map'))) {
      const { sources, sourcesContent } = JSON.parse(
        fs.readFileSync(path.join(packed.root, map), 'utf8'),
      );
      for (const source of sources)
        expect(source, map).toMatch(/^\.\.\/(\.\.\/contract\/)?src\/[\w/.-]+\.tsx?$/);
      expect(sourcesContent?.length, map).toBe(sources.length);
    }
  });

  // The contract is a private workspace package: a tarball that imported it, or needed it
  // installed, would not install from the registry. (A devDependency is never installed.)
  it('bundles the private contract instead of depending on it', () => {
    const { dependencies, peerDependencies, optionalDependencies } = packed.manifest;
    const needs = { ...dependencies, ...peerDependencies, ...optionalDependencies };
    expect(Object.keys(needs)).not.toContain('@getimmutable/contract');
    for (const file of packed.files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
      expect(fs.readFileSync(path.join(packed.root, file), 'utf8'), file).not.toContain(
        '@getimmutable/contract',
      );
    }
  });
});

describe('what only some tarballs have', () => {
  it('starts the React entry with "use client" and ships the stylesheet as one file', () => {
    const { root } = unpack('react');
    expect(fs.readFileSync(path.join(root, 'dist/index.js'), 'utf8')).toMatch(/^"use client";\n/);
    const styles = fs.readFileSync(path.join(root, 'dist/styles.css'), 'utf8');
    // The source's parts, joined (tsdown.config.ts): the theme first, the last part's rules too.
    expect(styles).toContain('--imv-bg');
    expect(styles).toContain('.imv-filters__chip-remove');
    expect(styles).not.toContain('@import');
  });

  it("starts the emulator's bin with a node shebang, executable", () => {
    const { root, listing } = unpack('emulator');
    expect(fs.readFileSync(path.join(root, 'dist/cli.js'), 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n/,
    );
    expect(listing.find((line) => line.endsWith('package/dist/cli.js'))).toMatch(/^-rwx/);
  });
});
