/**
 * The bench page (bundled by bench/lib/page.mjs with esbuild, React's production build): mounts
 * the kit's `<AuditLog />` over a fake in-page ViewerClient and times it. Everything is driven
 * from Node (bench/lib/render.mjs) through `window.imvBench`; nothing runs on load.
 */
import {
  checkEvent,
  type AuditEvent,
  type EventFilters,
  type Page,
  type VerifyResult,
  type ViewerClient,
} from '@getimmutable/client';
import {
  AuditLog,
  ImmutableViewerProvider,
  auditQueries,
  type AuditLogProps,
} from '@getimmutable/react';
import '@getimmutable/react/styles.css';
import { QueryClient, QueryClientProvider, type InfiniteData } from '@tanstack/react-query';
import { createRoot, type Root } from 'react-dom/client';
import { PLAIN_TEXT, ReferenceTable, referencePagesKey } from './reference.js';

/** The plain-cells diagnostic's `renderCell`: every column the reference's text (PLAIN_TEXT). */
const plainCells = Object.fromEntries(PLAIN_TEXT.map(([id, , text]) => [id, text]));

let events: AuditEvent[] = [];

/** Fetches and parses `n` events (newest first) as the client would receive them. */
async function load(n: number): Promise<number> {
  const response = await fetch(`/events.json?n=${n}`);
  if (!response.ok) throw new Error(`GET /events.json → ${response.status}`);
  events = (await response.json()) as AuditEvent[];
  return events.length;
}

const notInBench = () => Promise.reject(new Error('not available in the bench'));

/**
 * A ViewerClient over an in-memory array: `events.list` answers a page at once (offset cursors),
 * so the measurement is rendering, not HTTP. `verifyAll` answers "valid" for the VerifyBadge.
 */
function fakeClient(all: readonly AuditEvent[], latencyMs = 0): ViewerClient {
  const list = (filters: EventFilters = {}): Page<AuditEvent> => {
    const limit = filters.limit ?? 25;
    const offset = filters.cursor ? Number(filters.cursor) : 0;
    const data = all.slice(offset, offset + limit);
    const end = offset + data.length;
    const hasMore = end < all.length;
    return { data, pagination: { has_more: hasMore, next_cursor: hasMore ? String(end) : null } };
  };
  const newest = all[0];
  const verified: VerifyResult = {
    valid: true,
    events_checked: all.length,
    complete: true,
    next_cursor: null,
    breaks: [],
    head: newest
      ? { sequence: newest.integrity.sequence, event_hash: newest.integrity.event_hash }
      : null,
    verified_at: new Date().toISOString(),
  };
  return {
    id: 'bench',
    scope: async () => ({ base_url: location.origin, tenant_id: 'bench', actor_id: null }),
    events: {
      list: async (filters) => {
        if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
        return list(filters);
      },
      get: async (id) => {
        const event = all.find((e) => e.id === id);
        if (!event) throw new Error(`no event ${id}`);
        return { data: event };
      },
      pages: async function* pages(filters = {}) {
        let cursor = filters.cursor;
        for (;;) {
          const page = list({ ...filters, ...(cursor ? { cursor } : {}) });
          yield page;
          if (!page.pagination.next_cursor) return;
          cursor = page.pagination.next_cursor;
        }
      },
    },
    verify: async () => ({ data: verified }),
    verifyAll: async () => ({ data: verified }),
    exports: { create: notInBench, get: notInBench, wait: notInBench },
    alerts: {
      list: async () => ({ data: [], pagination: { has_more: false, next_cursor: null } }),
    },
  };
}

/** The provider's defaults (ImmutableViewerProvider's own QueryClient), made here so the cache can be filled. */
const newQueryClient = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
  });

/** Resolves when `[data-event-id]` rows are in the DOM, then after the next frame has painted. */
function rowsPainted(container: HTMLElement): Promise<{ committedAt: number; paintedAt: number }> {
  return new Promise((resolve) => {
    let done = false;
    const check = () => {
      if (done || !container.querySelector('[data-event-id]')) return;
      done = true;
      observer.disconnect();
      const committedAt = performance.now();
      // rAF runs before the frame's style, layout and paint; a message posted from it is
      // handled after that frame: the rows are on screen.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ committedAt, paintedAt: performance.now() });
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(container, { childList: true, subtree: true });
    check();
  });
}

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });

export interface MountOptions {
  /** 'pages': a first page of `pageSize` from the fake client; 'infinite': `events.length` rows already loaded. */
  mode: 'pages' | 'infinite';
  pageSize: number;
  /** 'kit' (default): `<AuditLog>`; 'reference': the bare TanStack table of ./reference.tsx. */
  variant?: 'kit' | 'reference';
  /** More `<AuditLog>` props, for a diagnostic figure (e.g. `{ showVerify: false }`). */
  props?: Pick<AuditLogProps, 'showVerify' | 'showExport' | 'filterFields'>;
  /** 'plain': every cell as the reference's plain text, through `renderCell` (a diagnostic). */
  cells?: 'plain';
  /**
   * How long `events.list` takes to answer, as a network would (default 0: at once, so the
   * figure is rendering alone).
   */
  latencyMs?: number;
  /** CPU-profile the mount up to the painted rows (console.profile, which CDP reports). */
  profile?: boolean;
}

export interface MountResult {
  /** performance.now() before root.render → rows in the DOM (MutationObserver). */
  commitMs: number;
  /** … → the frame holding them painted (rAF, then a message). */
  paintMs: number;
  rowsInDom: number;
  rowsLoaded: number;
  domNodes: number;
}

let mounted: { root: Root; container: HTMLElement } | null = null;

/**
 * Mounts `<AuditLog>` as a host app would and times it to the first painted rows. The first
 * mount in a page is "cold" (the kit's code not yet compiled by V8), as when a user opens the
 * page; React itself is warmed first by rendering the provider with a trivial child, as a host
 * app's shell would have. `remount` repeats it "warm" in the same page.
 */
async function mount({
  mode,
  pageSize,
  variant = 'kit',
  props,
  cells,
  latencyMs = 0,
  profile = false,
}: MountOptions): Promise<MountResult> {
  unmount();
  const client = fakeClient(events, latencyMs);
  const queryClient = newQueryClient();
  if (mode === 'infinite') {
    // N loaded rows: the infinite query's cache entry holds every page, as after scrolling to the end.
    const queryKey =
      variant === 'reference'
        ? referencePagesKey(pageSize)
        : auditQueries(client).eventPages({}, { pageSize }).queryKey;
    const data: InfiniteData<Page<AuditEvent>, string | null> = { pages: [], pageParams: [] };
    for (let offset = 0; offset < events.length; offset += pageSize) {
      const end = Math.min(events.length, offset + pageSize);
      data.pages.push({
        data: events.slice(offset, end),
        pagination: {
          has_more: end < events.length,
          next_cursor: end < events.length ? String(end) : null,
        },
      });
      data.pageParams.push(offset === 0 ? null : String(offset));
    }
    queryClient.setQueryData(queryKey, data);
  }
  const container = document.createElement('div');
  document.body.append(container);
  const painted = rowsPainted(container);
  const root = createRoot(container);
  mounted = { root, container };
  // The profile covers exactly the timed span: what work precedes the first painted rows.
  if (profile) console.profile('imv-mount');
  // Marks for a trace (bench/trace.mjs): the timed span, from here to the painted rows.
  performance.mark('imv-mount-start');
  const start = performance.now();
  root.render(
    variant === 'reference' ? (
      <QueryClientProvider client={queryClient}>
        <ReferenceTable client={client} mode={mode} pageSize={pageSize} />
      </QueryClientProvider>
    ) : (
      <ImmutableViewerProvider client={client} queryClient={queryClient} timeZone="UTC">
        <AuditLog
          mode={mode}
          pageSize={pageSize}
          {...props}
          {...(cells === 'plain' ? { renderCell: plainCells } : {})}
        />
      </ImmutableViewerProvider>
    ),
  );
  const { committedAt, paintedAt } = await painted;
  paintedMarkup = container.cloneNode(true) as HTMLElement;
  performance.mark('imv-rows-painted', { startTime: paintedAt });
  if (profile) console.profileEnd('imv-mount');
  await frames(3);
  return {
    commitMs: committedAt - start,
    paintMs: paintedAt - start,
    rowsInDom: container.querySelectorAll('[data-event-id]').length,
    rowsLoaded: events.length,
    domNodes: document.getElementsByTagName('*').length,
  };
}

/** A copy of the last mount's markup as its first rows painted (for layoutCost). */
let paintedMarkup: HTMLElement | null = null;

/**
 * Style and layout of the markup the last mount first painted, apart from the script that made
 * it: a deep copy of it is added to the page and laid out (median of `copies`, each removed
 * after). What that frame's style and layout cost, measured alone, in ms.
 */
function layoutCost(copies = 21): { ms: number; nodes: number } {
  const source = paintedMarkup;
  if (!source) throw new Error('layoutCost: nothing was mounted');
  const times: number[] = [];
  for (let i = 0; i < copies; i++) {
    const copy = source.cloneNode(true) as HTMLElement;
    const start = performance.now();
    document.body.append(copy);
    void document.body.offsetHeight; // forces style and layout of the copy now
    times.push(performance.now() - start);
    copy.remove();
  }
  times.sort((a, b) => a - b);
  return { ms: times[copies >> 1]!, nodes: source.getElementsByTagName('*').length };
}

function unmount() {
  if (!mounted) return;
  mounted.root.unmount();
  mounted.container.remove();
  mounted = null;
}

export interface ScrollResult {
  /** rAF-to-rAF deltas while idle (no scrolling): the display's frame interval. */
  idleDeltas: number[];
  /** rAF-to-rAF deltas while scrolling. */
  deltas: number[];
  scrolledPx: number;
  rowsPassed: number;
  firstRowIndex: number;
  lastRowIndex: number;
  domNodes: number;
}

/** Scrolls the mounted table's container by `stepPx` each frame for `durationMs`, recording frame deltas. */
async function scroll({
  durationMs,
  stepPx,
}: {
  durationMs: number;
  stepPx: number;
}): Promise<ScrollResult> {
  const scroller = document.querySelector<HTMLElement>('[data-slot="table-scroll"]');
  if (!scroller)
    throw new Error('no [data-slot="table-scroll"]: is a table mounted in infinite mode?');
  const record = (ms: number, move: boolean) =>
    new Promise<number[]>((resolve) => {
      const deltas: number[] = [];
      let first: number | undefined;
      let last: number | undefined;
      const frame = (t: number) => {
        if (last !== undefined) deltas.push(t - last);
        first ??= t;
        last = t;
        if (t - first >= ms) return resolve(deltas);
        if (move) scroller.scrollTop += stepPx;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  const idleDeltas = await record(1000, false);
  const rowAt = () =>
    Number(scroller.querySelector('[data-event-id]')?.getAttribute('data-index') ?? -1);
  const firstRowIndex = rowAt();
  const startTop = scroller.scrollTop;
  const deltas = await record(durationMs, true);
  await frames(2);
  const lastRowIndex = rowAt();
  return {
    idleDeltas,
    deltas,
    scrolledPx: scroller.scrollTop - startTop,
    rowsPassed: lastRowIndex - firstRowIndex,
    firstRowIndex,
    lastRowIndex,
    domNodes: document.getElementsByTagName('*').length,
  };
}

/**
 * Fallback only, used when bench/checkEvent.chromium.mjs (which owns this figure) is absent:
 * `checkEvent` over every loaded event, as often as fits in each round; events/s per round.
 */
function checkEventRate({
  warmupMs,
  rounds,
  roundMs,
}: {
  warmupMs: number;
  rounds: number;
  roundMs: number;
}) {
  let ok = 0;
  for (const e of events) if (checkEvent(e).ok) ok++;
  if (ok !== events.length) throw new Error(`${events.length - ok} loaded events fail checkEvent`);
  const round = (ms: number) => {
    let checked = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      for (let i = 0; i < events.length; i++) if (checkEvent(events[i]!).ok) checked++;
      elapsed = performance.now() - start;
    } while (elapsed < ms);
    return (checked / elapsed) * 1000;
  };
  round(warmupMs);
  return Array.from({ length: rounds }, () => round(roundMs));
}

declare global {
  interface Window {
    imvBench: {
      load: typeof load;
      mount: typeof mount;
      unmount: typeof unmount;
      layoutCost: typeof layoutCost;
      scroll: typeof scroll;
      checkEventRate: typeof checkEventRate;
    };
  }
}

window.imvBench = { load, mount, unmount, layoutCost, scroll, checkEventRate };
