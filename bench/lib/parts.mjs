// The parts `pnpm bench` measures, in order: bundle sizes; render, scroll and checkEvent in
// Chromium (around one bench page); the emulator's server figures. Each returns its figures for
// the results and any notes to print under the table.
import fs from 'node:fs';
import path from 'node:path';
import {
  auditLogBundle,
  auditLogComposition,
  auditLogSplit,
  clientBundle,
  referenceStackBundle,
  CLIENT_IMPORTS,
} from './bundle.mjs';
import { checkEventInChromium, emulatorBench, CHECK_EVENT_SCRIPT } from './children.mjs';
import { root } from './esbuild.mjs';
import { makeEvents } from './events.mjs';
import { buildPage, servePage } from './page.mjs';
import { checkEventInPage, measureRender, sourceLocator } from './render.mjs';
import { missesTarget } from './targets.mjs';

/** The bundle sizes of `<AuditLog />` (with its layers) and of the viewer client. */
export async function measureBundles({ log }) {
  log('bundle sizes…');
  const auditLog = await auditLogBundle();
  return {
    audit_log: auditLog,
    split: await auditLogSplit(auditLog),
    composition: await auditLogComposition(auditLog),
    client: { imports: CLIENT_IMPORTS, ...(await clientBundle()) },
    reference_stack: await referenceStackBundle(),
  };
}

/** Serves the bench page with generated events, when a wanted part needs it. */
async function serveBenchPage({ wants, log }) {
  const needsPage =
    wants('render') ||
    wants('scroll') ||
    (wants('checkEvent') && !fs.existsSync(CHECK_EVENT_SCRIPT));
  if (!needsPage) return { served: undefined, close: async () => {} };
  const maxEvents = wants('render') || wants('scroll') ? 100_000 : 5_000;
  log(
    `generating ${maxEvents.toLocaleString('en')} events (emulator's generator and hashing, in Node)…`,
  );
  const events = await makeEvents(maxEvents);
  log('building the bench page…');
  const built = await buildPage();
  const server = await servePage(built, events);
  return {
    served: {
      url: server.url,
      scriptUrl: `${server.url}main.js`,
      locate: sourceLocator(built.map),
    },
    close: server.close,
  };
}

/** Render, heap, DOM and scroll figures, and the checkEvent rate: `{ render?, check_event? }`. */
export async function measureInChromium({ wants, runs, profileAll, log }) {
  const figures = {};
  const notes = [];
  const { served, close } = await serveBenchPage({ wants, log });
  try {
    if (wants('render') || wants('scroll')) {
      log(`Chromium: ${runs} runs per figure, each in a fresh browser context…`);
      const mounts = wants('render')
        ? [
            ...[25, 50, 100].map((n) => ({
              id: `pages-${n}`,
              mode: 'pages',
              pageSize: n,
              events: 1000,
              reference: n === 25, // also mount the bare reference table (page/reference.tsx)
              returning: n === 25, // and both as a returning visitor would (lib/returningVisit.mjs)
            })),
            // What the verify badge (its server check, checkpoint and number formatting) adds.
            {
              id: 'pages-25-no-verify',
              mode: 'pages',
              pageSize: 25,
              events: 1000,
              reference: true,
              props: { showVerify: false },
              diagnostic: 'without the verify badge (showVerify={false})',
            },
            // What the kit's cells (two lines, bidi isolates, marks, relative times) add: every
            // cell the reference's plain text, through the public renderCell.
            {
              id: 'pages-25-plain-cells',
              mode: 'pages',
              pageSize: 25,
              events: 1000,
              reference: true,
              cells: 'plain',
              diagnostic: "with the reference's plain-text cells (renderCell)",
            },
            // As over a network: each list request answers after 100 ms. The kit sends its first
            // while it renders (useFirstRequestEarly); the reference, as useQuery does, after.
            {
              id: 'pages-25-network',
              mode: 'pages',
              pageSize: 25,
              events: 1000,
              reference: true,
              latencyMs: 100,
              diagnostic: 'over a network: each list request answered in 100 ms, both sides',
            },
            ...[1000, 10_000, 100_000].map((n) => ({
              id: `infinite-${n}`,
              mode: 'infinite',
              pageSize: 100,
              events: n,
              reference: n <= 10_000,
            })),
          ]
        : [];
      figures.render = await measureRender({
        runs,
        served,
        mounts,
        scroll: wants('scroll') ? { events: 100_000, durationMs: 3000, stepPx: 200 } : null,
        shouldProfile: (id, measured) => profileAll || missesTarget(id, measured),
        log,
      });
    }

    if (wants('checkEvent')) {
      if (fs.existsSync(CHECK_EVENT_SCRIPT)) {
        log(`checkEvent: running ${path.relative(root, CHECK_EVENT_SCRIPT)}…`);
        const r = await checkEventInChromium();
        figures.check_event = r ? { source: 'bench/checkEvent.chromium.mjs', ...r } : null;
        if (!r)
          notes.push(
            'bench/checkEvent.chromium.mjs failed: no checkEvent figure (see its output above).',
          );
      } else {
        log('checkEvent: bench/checkEvent.chromium.mjs absent, measuring in the bench page…');
        const r = await checkEventInPage(served);
        figures.check_event = {
          source: 'bench page (fallback)',
          chromium: r.chromium,
          events: r.events,
          chromium_pure_ts: { median: r.median, min: r.min, max: r.max, rounds: r.runs },
        };
      }
    }
  } finally {
    await close();
  }
  return { figures, notes };
}

/** The server figures of `pnpm bench:emulator` at `events` events (null when it failed). */
export async function measureEmulator({ events, log }) {
  log(`emulator: pnpm bench:emulator with BENCH_EVENTS=${events}…`);
  const figures = await emulatorBench(events);
  const notes = figures
    ? []
    : ['pnpm bench:emulator failed: no server figures (see its output above).'];
  return { figures, notes };
}
