// How the client's and the emulator's `pnpm bench` run: on the package's code as it ships —
// bundled by tsdown, as its dist is — rather than through tsx, whose transform adds a `__name`
// call wherever a function is made (each package's bench/run.mjs says what that cost it).
import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Bundles the bench entries into `<packageDir>/.bench-build/` (one level below the package, as
 * bench/ is, so a bench's paths relative to its own file hold), then runs one of them with Node
 * and exits with its code.
 * @param {object} options
 * @param {(options: object) => Promise<unknown>} options.build — the package's own tsdown `build`
 *   (the root has no tsdown)
 * @param {string} options.packageDir
 * @param {Record<string, string>} options.entry — output name → bench source, as tsdown takes it
 * @param {string} options.run — the output name to run
 * @param {object} [options.bundling] — more tsdown options (`external`, `noExternal`)
 */
export async function runBuiltBench({ build, packageDir, entry, run, bundling = {} }) {
  const outDir = path.join(packageDir, '.bench-build');
  await build({
    cwd: packageDir,
    config: false,
    entry,
    outDir,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    fixedExtension: false,
    dts: false,
    sourcemap: false,
    clean: true,
    logLevel: 'error',
    ...bundling,
  });
  const child = spawn(process.execPath, [path.join(outDir, `${run}.js`)], { stdio: 'inherit' });
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
