/**
 * Code the kit loads with import() when it is needed (the filters and toolbar, the detail drawer,
 * the panels): one load shared by every caller, its module kept once it is here and its error
 * kept after a failure until something loads again (a Retry). React's `lazy()` keeps a failed
 * load for good and throws it to the nearest error boundary, which an embedding app may not
 * have: one dropped chunk (a deploy that removed the old files while a tab stayed open) took the
 * whole log, and the app around it, down with it.
 */
export interface OnDemand<Module> {
  /** Starts loading (once; after a failure, again) and returns the load. */
  load(): Promise<Module>;
  /** Starts loading if nothing has yet, ignoring a failure: for a hover or focus that signals intent. */
  preload(): void;
  /**
   * The module once it is here, or the last load's error. While it loads this throws the load, so
   * a Suspense boundary waits for it; a failed load is not tried again until `load()` is called,
   * so a render never fetches in a loop.
   */
  read(): { module: Module } | { error: unknown };
}

export function onDemand<Module>(importModule: () => Promise<Module>): OnDemand<Module> {
  let loaded: Module | undefined;
  let loading: Promise<Module> | undefined;
  let failed: { error: unknown } | undefined;
  const load = () => {
    if (!loading) {
      failed = undefined;
      loading = importModule().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined;
          failed = { error };
          throw error;
        },
      );
    }
    return loading;
  };
  return {
    load,
    preload() {
      if (!loading && !failed) load().catch(() => {}); // a failure shows where the part renders
    },
    read() {
      if (loaded !== undefined) return { module: loaded };
      if (failed) return failed;
      throw load();
    },
  };
}
