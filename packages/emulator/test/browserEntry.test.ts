/**
 * `@getimmutable/emulator/browser` stays browser-safe: nothing its modules import (statically or
 * on demand) is Node's — no node:*, better-sqlite3 or @hono/node-server, no Buffer or process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const SPECIFIER = /(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g;

/** Every module the entry reaches, and the packages they import. */
function graph(entry: string): { modules: string[]; packages: Set<string> } {
  const modules: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.includes(file)) return;
    modules.push(file);
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      if (specifier!.startsWith('.')) {
        visit(path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.ts')));
      } else {
        packages.add(specifier!);
      }
    }
  };
  visit(path.join(src, entry));
  return { modules, packages };
}

/** The code of a module without its comments. */
const code = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

describe('the browser entry', () => {
  const { modules, packages } = graph('browser.ts');

  it('imports only packages that run in a browser', () => {
    expect([...packages].sort()).toEqual([
      '@getimmutable/contract',
      '@sqlite.org/sqlite-wasm',
      'hono',
      'hono/body-limit',
      'hono/factory',
      'hono/method-not-allowed',
      'jose',
    ]);
  });

  it('reaches no Node-only module and uses no Node global', () => {
    const names = modules.map((m) => path.relative(src, m));
    for (const nodeOnly of [
      'createEmulator.ts',
      'store/openDatabase.ts',
      'exportFiles/nodeExportFiles.ts',
      'crypto/nodeSha256.ts',
      'answerNodeRefusals.ts',
    ]) {
      expect(names).not.toContain(nodeOnly);
    }
    for (const module of modules) {
      expect(code(module), path.relative(src, module)).not.toMatch(/\b(Buffer|process)\./);
    }
  });
});
