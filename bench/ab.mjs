// `pnpm bench:ab`: a change's effect on the first painted rows, measured side by side. The kit
// of the working tree (A) and of a git revision (B, default HEAD) are built into two bench pages
// and mounted in turn — A, B, B, A, … each in a fresh browser context — so the machine's noise
// hits both alike, and the figure is their ratio. Before/after figures from two separate
// `pnpm bench` runs differ by more than most changes do on this shared machine.
//
//   pnpm bench:ab                                  # working tree vs HEAD
//   pnpm bench:ab -- --base main~3 --runs 15
//   pnpm bench:ab -- --scenarios pages:25,infinite:1000,infinite:10000
//
// B is a `git worktree` of the revision in a temp folder, sharing this checkout's node_modules:
// its packages/react and packages/client sources are B's, their dependencies today's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { root } from './lib/esbuild.mjs';
import { makeEvents } from './lib/events.mjs';
import { buildPage, servePage } from './lib/page.mjs';
import { median, parseRuns, parseScenarios } from './lib/scenarios.mjs';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    base: { type: 'string', default: 'HEAD' },
    runs: { type: 'string', default: '9' },
    scenarios: { type: 'string', default: 'pages:25,infinite:1000' },
  },
});
const runs = parseRuns(args.runs);
const scenarios = parseScenarios(args.scenarios);

const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
const revision = git('rev-parse', '--short', args.base);
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'imv-bench-ab-'));
git('worktree', 'add', '--detach', '--quiet', tree, revision);
for (const dir of ['', 'packages/react', 'packages/client']) {
  fs.symlinkSync(path.join(root, dir, 'node_modules'), path.join(tree, dir, 'node_modules'));
}
/** B's kit: the packages' sources from the worktree. */
const baseSources = {
  name: 'base-sources',
  setup(build) {
    build.onResolve({ filter: /^@getimmutable\/(react|client)$/ }, (a) => ({
      path: path.join(tree, 'packages', a.path.split('/')[1], 'src/index.ts'),
    }));
  },
};

const browser = await chromium.launch(chromiumLaunchOptions);
const servers = [];
try {
  const events = await makeEvents(Math.max(...scenarios.map((s) => s.events)));
  const pages = {
    A: await servePage(await buildPage(), events),
    B: await servePage(await buildPage({ plugins: [baseSources] }), events),
  };
  servers.push(pages.A, pages.B);
  console.log(`A = working tree, B = ${revision}; ${runs} cold runs each, interleaved\n`);
  console.log('scenario          A cold   B cold   A/B    A warm   B warm   A/B    rows A/B');
  for (const scenario of scenarios) {
    const paints = { A: [], B: [] };
    for (let i = 0; i < runs; i++) {
      for (const side of i % 2 ? ['B', 'A'] : ['A', 'B']) {
        paints[side].push(await mountTwice(pages[side].url, scenario));
      }
    }
    const cold = { A: median(paints.A.map((p) => p.cold)), B: median(paints.B.map((p) => p.cold)) };
    const warm = { A: median(paints.A.map((p) => p.warm)), B: median(paints.B.map((p) => p.warm)) };
    console.log(
      [
        scenario.id.padEnd(16),
        ms(cold.A),
        ms(cold.B),
        `${(cold.A / cold.B).toFixed(2)}×`.padStart(6),
        ms(warm.A),
        ms(warm.B),
        `${(warm.A / warm.B).toFixed(2)}×`.padStart(6),
        `   ${paints.A[0].rows}/${paints.B[0].rows}`,
      ].join(' '),
    );
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
  git('worktree', 'remove', '--force', tree);
}

/** One cold mount (a fresh context) → first painted rows, then the same mount again, warm. */
async function mountTwice(url, { mode, pageSize, events, latencyMs }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate((n) => window.imvBench.load(n), events);
    const mount = () =>
      page.evaluate((o) => window.imvBench.mount(o), { mode, pageSize, latencyMs });
    const cold = await mount();
    const warm = await mount();
    return { cold: cold.paintMs, warm: warm.paintMs, rows: cold.rowsInDom };
  } finally {
    await context.close();
  }
}

function ms(value) {
  return `${value.toFixed(1)} ms`.padStart(8);
}
