/**
 * Packs the three packages with `pnpm pack`, as `pnpm publish` would: each package's `prepack`
 * script builds it first, so a tarball always holds a build of the current sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PackageName } from '../apps.js';
import { run } from './processes.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const PACKAGE_NAMES: PackageName[] = ['client', 'react', 'emulator'];
const packageDir = (name: PackageName) => path.join(repoRoot, 'packages', name);

export async function packTarballs(outDir: string): Promise<Record<PackageName, string>> {
  fs.mkdirSync(outDir, { recursive: true });
  const tarballs = {} as Record<PackageName, string>;
  for (const name of PACKAGE_NAMES) {
    const { version } = JSON.parse(
      fs.readFileSync(path.join(packageDir(name), 'package.json'), 'utf8'),
    );
    await run('pnpm', ['pack', '--pack-destination', outDir], { cwd: packageDir(name) });
    tarballs[name] = path.join(outDir, `getimmutable-${name}-${version}.tgz`);
    if (!fs.existsSync(tarballs[name])) throw new Error(`pnpm pack wrote no ${tarballs[name]}`);
  }
  return tarballs;
}
