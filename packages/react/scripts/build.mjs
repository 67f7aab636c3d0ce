// Builds the publishable package: dist/index.js (ESM, dependencies external, a "use client"
// banner so React Server Components frameworks treat it as client code), dist/styles.css, and
// the .d.ts files from tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

export async function buildPackage({ outdir = path.join(root, 'dist'), types = true } = {}) {
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, 'src/index.ts')],
    outfile: path.join(outdir, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    jsx: 'automatic',
    sourcemap: true,
    external: [...external, 'react/jsx-runtime', 'react-dom/client'],
    banner: { js: '"use client";' },
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(root, 'src/styles.css'), path.join(outdir, 'styles.css'));
  if (types) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', outdir], { cwd: root, stdio: 'inherit' });
  }
  return outdir;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const out = await buildPackage();
  console.log(`built ${path.relative(process.cwd(), out)}`);
}
