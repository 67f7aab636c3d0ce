type ChromeModule = typeof import('./AuditLogChrome.js');

let loaded: ChromeModule | undefined;
let loading: Promise<ChromeModule> | undefined;
/** The last load's error, until another load starts. */
let failed: { error: unknown } | undefined;

/**
 * Loads the code of `<AuditLog />`'s filters and toolbar (once; after a failure, the next call
 * tries again). It is fetched while the first rows load, and they paint before it is needed.
 */
export function loadChrome(): Promise<ChromeModule> {
  if (!loading) {
    failed = undefined;
    loading = import('./AuditLogChrome.js').then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = undefined;
        failed = { error };
        throw error;
      },
    );
  }
  return loading;
}

/**
 * The chrome's module once it has loaded, or the last load's error. While it loads, this
 * throws the load (Suspense waits for it); a failed load is not tried again until something
 * calls `loadChrome` (a Retry), so a render never fetches it in a loop.
 */
export function loadedChrome(): { module: ChromeModule } | { error: unknown } {
  if (loaded) return { module: loaded };
  if (failed) return failed;
  throw loadChrome();
}

// A server loads it as it starts, so that its renders have it: `renderToString`, which cannot
// wait for it, then renders the filters into the page's markup like the streaming renderers.
if (typeof window === 'undefined') void loadChrome().catch(() => {});
