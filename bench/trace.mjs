// `pnpm bench:trace`: where the kit's first painted rows spend their time beside the bare
// reference's, by kind of work. Each run mounts one of them in a fresh browser context with a
// Chromium trace recording; the main thread's events between the mount and the painted rows are
// summed by self time (an event's time minus that of the events inside it) and grouped: running
// JavaScript, compiling it, tiering it up, style, layout, paint and compositing, GC. Kit and
// reference alternate, so the machine's noise hits both; it prints the medians and the
// difference. The CPU profiles of `pnpm bench` say which functions; this says which kind of work.
//
//   pnpm bench:trace
//   pnpm bench:trace -- --runs 9 --scenarios pages:25,infinite:1000
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { makeEvents } from './lib/events.mjs';
import { buildPage, servePage } from './lib/page.mjs';
import { median, parseRuns, parseScenarios } from './lib/scenarios.mjs';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    runs: { type: 'string', default: '7' },
    scenarios: { type: 'string', default: 'pages:25,infinite:1000' },
  },
});
const runs = parseRuns(args.runs);
const scenarios = parseScenarios(args.scenarios);

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink.user_timing',
];
/** A trace event's kind of work, by its name; anything else is "other". */
const KINDS = [
  ['compile', /^V8\.(Parse|Compile|PreParse|Deserialize)/],
  [
    'tier-up',
    /^V8\.(BytecodeBudgetInterrupt|Maglev|Turbofan|Finalize|OptimizeConcurrent)|^FlushInstructionCache$/,
  ],
  ['GC', /GC|^V8\.GC|Scavenge|MarkCompact/],
  [
    'JavaScript',
    /^(FunctionCall|RunMicrotasks|EvaluateScript|v8\.callFunction|V8\.StackGuard|V8\.HandleInterrupts|TimerFire|FireAnimationFrame|HandlePostMessage)$/,
  ],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/],
  ['layout', /^(Layout|UpdateLayerTree)$/],
  [
    'paint, compositing',
    /^(Paint|PrePaint|Layerize|Commit|UpdateLayer|CompositeLayers|RasterTask)$/,
  ],
];
const kindOf = (name) => KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';

const browser = await chromium.launch(chromiumLaunchOptions);
const events = await makeEvents(Math.max(...scenarios.map((s) => s.events)));
const server = await servePage(await buildPage(), events);
try {
  console.log(
    `Main-thread self time, mount → first painted rows, median of ${runs} cold runs (ms)\n`,
  );
  for (const scenario of scenarios) {
    const runsOf = { kit: [], reference: [] };
    for (let i = 0; i < runs; i++) {
      for (const variant of i % 2 ? ['reference', 'kit'] : ['kit', 'reference']) {
        runsOf[variant].push(await tracedMount(scenario, variant));
      }
    }
    const kinds = [...KINDS.map(([kind]) => kind), 'other'];
    const med = (variant, pick) => median(runsOf[variant].map(pick));
    console.log(
      `${scenario.id}`.padEnd(22) +
        'kit'.padStart(8) +
        'reference'.padStart(11) +
        'kit − ref'.padStart(11),
    );
    const row = (label, pick) => {
      const kit = med('kit', pick);
      const reference = med('reference', pick);
      console.log(
        `  ${label}`.padEnd(22) +
          kit.toFixed(1).padStart(8) +
          reference.toFixed(1).padStart(11) +
          (kit - reference).toFixed(1).padStart(11),
      );
    };
    row('painted after', (r) => r.paintMs);
    for (const kind of kinds) row(kind, (r) => r.byKind.get(kind) ?? 0);
    console.log('');
  }
} finally {
  await browser.close();
  await server.close();
}

/** One cold mount in a fresh context, traced: its paint time and the main thread's self time by kind. */
async function tracedMount({ mode, pageSize, events: count, latencyMs }, variant) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate((n) => window.imvBench.load(n), count);
    const cdp = await context.newCDPSession(page);
    const trace = [];
    cdp.on('Tracing.dataCollected', (e) => trace.push(...e.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    });
    const { paintMs } = await page.evaluate((o) => window.imvBench.mount(o), {
      mode,
      pageSize,
      variant,
      latencyMs,
    });
    await cdp.send('Tracing.end');
    await complete;
    return { paintMs, byKind: selfTimeByKind(trace) };
  } finally {
    await context.close();
  }
}

/**
 * The renderer main thread's complete events between the page's marks (bench/page/main.tsx: just
 * before `root.render`, and the painted rows), their self time summed by kind.
 */
function selfTimeByKind(trace) {
  const thread = trace.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mark = (name) => trace.find((e) => e.name === name)?.ts;
  const start = mark('imv-mount-start');
  const end = mark('imv-rows-painted');
  if (!thread || start === undefined || end === undefined)
    throw new Error('the trace has no renderer main thread or no mount marks');
  const spans = trace
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X')
    .filter((e) => typeof e.dur === 'number' && e.ts >= start && e.ts < end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
    .map((e) => ({ name: e.name, ts: e.ts, dur: e.dur, inner: 0 }));
  const open = [];
  for (const span of spans) {
    while (open.length > 0 && open.at(-1).ts + open.at(-1).dur <= span.ts) open.pop();
    if (open.length > 0) open.at(-1).inner += span.dur;
    open.push(span);
  }
  const byKind = new Map();
  for (const span of spans) {
    const kind = kindOf(span.name);
    byKind.set(kind, (byKind.get(kind) ?? 0) + (span.dur - span.inner) / 1000);
  }
  return byKind;
}
