// esbuild is a devDependency of packages/react (and packages/client), not of the root: load it
// from there, so `pnpm bench` needs nothing beyond `pnpm install`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const reactDir = path.join(root, 'packages/react');
export const clientDir = path.join(root, 'packages/client');
export const emulatorDir = path.join(root, 'packages/emulator');
export const resultsDir = path.join(root, 'bench/results');

/** @type {typeof import('esbuild')} */
export const esbuild = createRequire(path.join(reactDir, 'package.json'))('esbuild');
