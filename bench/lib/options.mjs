// `pnpm bench`'s command line (see run.mjs) and BENCH_EVENTS, checked.
import { parseArgs } from 'node:util';

const PARTS = ['bundle', 'render', 'scroll', 'checkEvent', 'emulator'];

/** The options: runs per render figure, which parts to measure, whether to profile every scenario. */
export function readOptions(argv = process.argv.slice(2), env = process.env) {
  // `pnpm bench -- --only x` passes a bare `--` through; parseArgs would take it as the end of options.
  const { values: args } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      skip: { type: 'string' },
      profile: { type: 'boolean', default: false },
    },
  });
  const list = (value) => (value ? value.split(',').map((s) => s.trim()) : null);
  const runs = Math.max(1, Number(args.runs));
  if (!Number.isInteger(runs)) throw new Error(`--runs must be a whole number, got "${args.runs}"`);
  const only = list(args.only);
  const skip = list(args.skip) ?? [];
  for (const part of [...(only ?? []), ...skip]) {
    if (!PARTS.includes(part))
      throw new Error(`unknown part "${part}"; parts: ${PARTS.join(', ')}`);
  }
  return {
    runs,
    wants: (part) => (only ? only.includes(part) : true) && !skip.includes(part),
    profileAll: args.profile,
    emulatorEvents: Number(env.BENCH_EVENTS ?? 100_000),
  };
}
