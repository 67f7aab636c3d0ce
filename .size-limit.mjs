// The size guard (`pnpm test` runs size-limit): what an app ships to show the audit log, built as
// an app's production build would build it. The figures are bytes min+gzip; a change that grows
// past a limit fails the run. Two guards for the JavaScript: what `<AuditLog />` loads before its
// first paint (its `import()`s left out: the filters and toolbar, the detail drawer, the columns
// panel, the overlay code they share) and everything it can show (the `import()`s bundled in). `pnpm bench -- --only
// bundle` prints both beside their targets (36 kB and 45 kB with the CSS, not met yet: the
// TanStack stack alone is 25 kB) and where the bytes go. Limits are today's size plus ~1%: set at
// 53,710 B / 60,580 B / 4,590 B when the drawer and the columns panel went on demand, they were
// raised to today's after the query box, saved views, live tail, keyboard shortcuts and
// checkpoint notices landed (initial 62,130 B, all 71,600 B, CSS 5,220 B). When the filters and
// toolbar went on demand (after the first rows), and then the integrity checks' code (loaded
// when the rows have painted), the initial limit came down from 62,800 B to 46,300 B, and the
// whole rose from 72,300 B to 73,300 B: the loader, its Suspense boundary and the message and
// Retry shown when that code cannot load. Then every part loaded on demand got that message and
// Retry (a failed load had thrown the whole log to the app's error boundary), and the marks a
// "not checked" state: initial 46,300 → 46,500 B, all 73,300 → 73,550 B. Then TanStack Virtual's
// core loaded on demand, only for infinite mode (useLazyVirtualizer.ts): initial 46,500 → 43,000 B,
// all 73,550 → 74,700 B (the core's wrapper as an import() and the hook's own code). Then the
// provider's default localStorage stores (checkpoints, saved views) on demand: initial → 42,000 B.
// The export verifier's warning for a filtered export's gaps (one rule): CSS 5,280 → 5,300 B.
// Two hangs fixed in the viewer client, which loads before the first paint: walks over pages
// stop at a repeated cursor (+110 B, under the limit then), and getToken is bounded by the
// client's timeoutMs (+35 B past it: a token endpoint that never answered held every request
// for the page's life): initial 42,000 → 42,100 B. The table's frame held back while a first
// load is younger than 100 ms (FirstLoadGate: no loading frame painted before rows that come
// that soon; a cold first page ~15% sooner): initial 42,100 → 42,200 B. Then the live tail (its
// query and notice) on demand, only for a table with `live` on: initial 42,200 → 41,400 B, all
// 74,700 → 74,900 B (the part's loader and its own load-failure message). Then the strings split
// into one group per part (src/messages/), so only the table's load before the first paint:
// initial 41,400 → 39,400 B, all 74,900 → 75,100 B (each group merged with the host's
// `messages` on its own, where one object was merged once). A saved view's rename keeping the
// filters a newer kit wrote (a rename had dropped them): all 75,100 → 75,200 B. Text an event's
// writer chose shows its invisible and direction-changing characters as code points
// (revealHidden.tsx: an override made an action written "document.<U+202E>detaerc" read
// "document.created"), and the drawer says why: initial +150 B (under its limit), all 75,200 →
// 75,500 B, CSS 5,300 → 5,330 B (the mark's style).
const production = (config) => ({
  ...config,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
});

/** Leaves every `import()` out of the bundle: what loads before anything loads on demand. */
const dynamicImportsExternal = {
  name: 'dynamic-imports-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

const auditLog = {
  import: {
    'packages/react/src/index.ts': '{ AuditLog, ImmutableViewerProvider }',
    'packages/client/src/index.ts': '{ createViewerClient }',
  },
  ignore: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
  gzip: true,
};

export default [
  {
    name: '<AuditLog /> + ImmutableViewerProvider + createViewerClient, before the first paint: JS, React external',
    ...auditLog,
    modifyEsbuildConfig: (config) => ({
      ...production(config),
      plugins: [...(config.plugins ?? []), dynamicImportsExternal],
    }),
    limit: '39400 B',
  },
  {
    name: '<AuditLog /> + ImmutableViewerProvider + createViewerClient, all it can show: JS, React external',
    ...auditLog,
    modifyEsbuildConfig: production,
    limit: '75500 B',
  },
  {
    name: '@getimmutable/react/styles.css',
    path: 'packages/react/src/styles.css',
    gzip: true,
    modifyEsbuildConfig: production,
    limit: '5330 B',
  },
];
