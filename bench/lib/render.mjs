// Drives the bench page in headless Chromium: mount → first painted rows, JS heap, DOM size,
// and frame times while scrolling. Every run gets a fresh browser context (its own renderer
// process, so a cold JIT and an isolated heap, as a user opening the page), and the page is
// driven through window.imvBench (bench/page/main.tsx).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { resultsDir } from './esbuild.mjs';
import { returningVisitRun } from './returningVisit.mjs';
import { summarizeProfile, sourceLocator } from './profile.mjs';

const MB = 1024 * 1024;

function launch() {
  return chromium.launch(chromiumLaunchOptions);
}

/** A fresh context and page on the bench page, with a CDP session for heap and profiles. */
async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const heapMb = async () => {
    // Twice: a first full GC can leave garbage that finalizers or weak callbacks release.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / MB;
  };
  const check = () => {
    if (errors.length > 0) throw errors[0];
  };
  return { context, page, cdp, heapMb, check, close: () => context.close() };
}

async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

/**
 * Lets the page profile a span itself (console.profile … profileEnd): a mount's profile then
 * ends at the painted rows, not after the idle work that follows them.
 * @returns `finished`: the profile, once the page has ended it
 */
async function consoleProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const finished = new Promise((resolve) =>
    cdp.once('Profiler.consoleProfileFinished', (e) => resolve(e.profile)),
  );
  return { finished };
}

async function stopProfile(cdp, name, page) {
  const { profile } = await cdp.send('Profiler.stop');
  return saveProfile(profile, name, page);
}

function saveProfile(profile, name, page) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  return { file, summary: summarizeProfile(profile, page.locate, { scriptUrl: page.scriptUrl }) };
}

/**
 * One mount run: load `events` rows into the page, GC, mount, GC.
 * @returns heap figures in MB: `beforeData` (blank page), `beforeMount` (events parsed), `afterMount`.
 */
async function mountRun(
  browser,
  served,
  { mode, pageSize, events, props, cells, latencyMs },
  profileName,
  variant = 'kit',
) {
  const tab = await openPage(browser, served.url);
  try {
    const beforeData = await tab.heapMb();
    await tab.page.evaluate((n) => window.imvBench.load(n), events);
    const beforeMount = await tab.heapMb();
    const profiled = profileName ? await consoleProfile(tab.cdp) : null;
    const result = await tab.page.evaluate((options) => window.imvBench.mount(options), {
      mode,
      pageSize,
      variant,
      props,
      cells,
      latencyMs,
      profile: profiled !== null,
    });
    const profile = profiled ? saveProfile(await profiled.finished, profileName, served) : null;
    const afterMount = await tab.heapMb();
    // The same mount again in this page: the kit's code is compiled now ("warm").
    const warm = profileName
      ? null
      : await tab.page.evaluate((options) => window.imvBench.mount(options), {
          mode,
          pageSize,
          variant,
          props,
          cells,
          latencyMs,
        });
    // The warm mount's first painted markup, laid out again alone (no script): its style and layout.
    const layout = profileName ? null : await tab.page.evaluate(() => window.imvBench.layoutCost());
    tab.check();
    return {
      ...result,
      warmPaintMs: warm?.paintMs,
      layout,
      heap: { beforeData, beforeMount, afterMount },
      profile,
    };
  } finally {
    await tab.close();
  }
}

async function scrollRun(browser, served, { events, durationMs, stepPx }, profileName) {
  const tab = await openPage(browser, served.url);
  try {
    await tab.page.evaluate((n) => window.imvBench.load(n), events);
    await tab.page.evaluate(() => window.imvBench.mount({ mode: 'infinite', pageSize: 100 }));
    if (profileName) await startProfile(tab.cdp);
    const result = await tab.page.evaluate((o) => window.imvBench.scroll(o), {
      durationMs,
      stepPx,
    });
    const profile = profileName ? await stopProfile(tab.cdp, profileName, served) : null;
    tab.check();
    return { ...result, profile };
  } finally {
    await tab.close();
  }
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};
const stats = (values) => ({
  median: quantile(values, 0.5),
  min: Math.min(...values),
  max: Math.max(...values),
  runs: values.map((v) => Math.round(v * 10) / 10),
});

/**
 * @param {{ runs: number, served: { url: string, scriptUrl: string, locate: Function },
 *   mounts: Array<{ id: string, mode: 'pages' | 'infinite', pageSize: number, events: number }>,
 *   scroll: { events: number, durationMs: number, stepPx: number },
 *   profile: (id: string, summary: object) => boolean | 'always', log: (m: string) => void }} options
 *   `profile(id, figures)` decides, after the measured runs, whether one extra profiled run is made.
 */
export async function measureRender({ runs, served, mounts, scroll, shouldProfile, log }) {
  const browser = await launch();
  const out = { chromium: browser.version(), mounts: {}, scroll: null };
  try {
    for (const scenario of mounts) {
      // With a reference (page/reference.tsx), runs alternate kit, reference, kit, … so the
      // machine's noise hits both alike.
      const results = [];
      const reference = [];
      for (let i = 0; i < runs; i++) {
        results.push(await mountRun(browser, served, scenario));
        if (scenario.reference)
          reference.push(await mountRun(browser, served, scenario, null, 'reference'));
      }
      const figures = {
        ...scenario,
        paint_ms: stats(results.map((r) => r.paintMs)),
        commit_ms: stats(results.map((r) => r.commitMs)),
        warm_paint_ms: stats(results.map((r) => r.warmPaintMs)),
        layout_ms: stats(results.map((r) => r.layout.ms)),
        layout_nodes: results[0].layout.nodes,
        rows_in_dom: results[0].rowsInDom,
        dom_nodes: stats(results.map((r) => r.domNodes)),
        heap_mb: {
          blank_page: stats(results.map((r) => r.heap.beforeData)),
          events_parsed: stats(results.map((r) => r.heap.beforeMount - r.heap.beforeData)),
          mount_growth: stats(results.map((r) => r.heap.afterMount - r.heap.beforeMount)),
          used_after_mount: stats(results.map((r) => r.heap.afterMount)),
        },
      };
      if (scenario.reference) {
        figures.reference = {
          paint_ms: stats(reference.map((r) => r.paintMs)),
          warm_paint_ms: stats(reference.map((r) => r.warmPaintMs)),
          layout_ms: stats(reference.map((r) => r.layout.ms)),
          layout_nodes: reference[0].layout.nodes,
          rows_in_dom: reference[0].rowsInDom,
          dom_nodes: stats(reference.map((r) => r.domNodes)),
        };
        log(
          `${scenario.id} reference: paint median ${figures.reference.paint_ms.median.toFixed(0)} ms ` +
            `(${figures.reference.paint_ms.runs.join(', ')}), ${figures.reference.rows_in_dom} rows in the DOM`,
        );
      }
      log(
        `${scenario.id}: paint median ${figures.paint_ms.median.toFixed(0)} ms ` +
          `(${figures.paint_ms.runs.join(', ')}), ${figures.dom_nodes.median} DOM nodes, ` +
          `heap ${figures.heap_mb.used_after_mount.median.toFixed(1)} MB`,
      );
      if (scenario.returning) {
        // Kit and reference alternate here too; each run is a new profile, primed by its own mounts.
        const kit = [];
        const ref = [];
        for (let i = 0; i < runs; i++) {
          kit.push(await returningVisitRun(served, scenario, 'kit'));
          ref.push(await returningVisitRun(served, scenario, 'reference'));
        }
        figures.returning_paint_ms = stats(kit.map((r) => r.paintMs));
        figures.reference.returning_paint_ms = stats(ref.map((r) => r.paintMs));
        log(
          `${scenario.id} returning visitor: kit ${figures.returning_paint_ms.median.toFixed(0)} ms, ` +
            `reference ${figures.reference.returning_paint_ms.median.toFixed(0)} ms ` +
            `(their first visits in those profiles: ${stats(kit.map((r) => r.firstVisitMs)).median.toFixed(0)}, ` +
            `${stats(ref.map((r) => r.firstVisitMs)).median.toFixed(0)} ms)`,
        );
      }
      if (shouldProfile(scenario.id, figures)) {
        const profiled = await mountRun(browser, served, scenario, `profile-${scenario.id}`);
        figures.profile = {
          paint_ms: profiled.paintMs,
          file: profiled.profile.file,
          ...profiled.profile.summary,
        };
        log(
          `${scenario.id}: profiled run ${profiled.paintMs.toFixed(0)} ms → ${path.basename(profiled.profile.file)}`,
        );
      }
      out.mounts[scenario.id] = figures;
    }

    if (scroll) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await scrollRun(browser, served, scroll));
      const all = results.flatMap((r) => r.deltas);
      const idle = results.flatMap((r) => r.idleDeltas);
      const interval = quantile(idle, 0.5);
      out.scroll = {
        ...scroll,
        frames: all.length,
        idle_frame_ms: { p50: interval, p95: quantile(idle, 0.95) },
        frame_ms: { p50: quantile(all, 0.5), p95: quantile(all, 0.95), max: Math.max(...all) },
        p95_by_run: stats(results.map((r) => quantile(r.deltas, 0.95))),
        p50_by_run: stats(results.map((r) => quantile(r.deltas, 0.5))),
        // A frame that took longer than 1.5 display intervals missed at least one vsync.
        late_frames_pct: (all.filter((d) => d > interval * 1.5).length / all.length) * 100,
        rows_passed: stats(results.map((r) => r.rowsPassed)),
        dom_nodes: stats(results.map((r) => r.domNodes)),
      };
      log(
        `scroll ${scroll.events}: frame p50 ${out.scroll.frame_ms.p50.toFixed(1)} ms, p95 ${out.scroll.frame_ms.p95.toFixed(1)} ms, ` +
          `${out.scroll.late_frames_pct.toFixed(0)}% late`,
      );
      if (shouldProfile('scroll', out.scroll)) {
        const profiled = await scrollRun(browser, served, scroll, 'profile-scroll');
        out.scroll.profile = {
          p95_ms: quantile(profiled.deltas, 0.95),
          file: profiled.profile.file,
          ...profiled.profile.summary,
        };
        log(`scroll: profiled run → ${path.basename(profiled.profile.file)}`);
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

export { sourceLocator };

/**
 * Fallback for the checkEvent figure when bench/checkEvent.chromium.mjs is absent: the same
 * method (1 s warm-up, 9 rounds of ≥ 250 ms over 5,000 events) in the bench page.
 */
export async function checkEventInPage(served) {
  const browser = await launch();
  try {
    const tab = await openPage(browser, served.url);
    await tab.page.evaluate((n) => window.imvBench.load(n), 5000);
    const rates = await tab.page.evaluate(() =>
      window.imvBench.checkEventRate({ warmupMs: 1000, rounds: 9, roundMs: 250 }),
    );
    tab.check();
    await tab.close();
    return { events: 5000, chromium: browser.version(), ...stats(rates) };
  } finally {
    await browser.close();
  }
}
