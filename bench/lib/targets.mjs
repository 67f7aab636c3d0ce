// The targets each figure is judged against, and the tolerances the judging allows.

export const TARGETS = {
  firstPageMs: 150,
  loaded10kMs: 300,
  scrollP95Ms: 16.7,
  checksPerS: 250_000,
  heap100kMb: 150,
  /** Bundle, min+gzip kB (1,024 B): what `<AuditLog />` loads before its first paint (JS + CSS)… */
  initialKb: 36,
  /** …and everything it can show, the parts it loads on demand included. */
  totalKb: 45,
  /**
   * The viewer client an app loads with `<AuditLog />` (`createViewerClient` and the integrity
   * checks, CLIENT_IMPORTS in bundle.mjs): its budget since packages/client was made.
   */
  viewerClientKb: 8,
  /** The kit's render time over the bare reference's (bench/page/reference.tsx). */
  referenceRatio: 1.2,
};
/** rAF timestamps jitter around the 16.67 ms vsync (an idle page measures 16.6–16.8 ms). */
export const FRAME_JITTER_MS = 0.5;
export const DOM_TOLERANCE = 0.05;

/** Whether a render scenario's figures miss their target (such a scenario gets a profiled run). */
export function missesTarget(id, figures) {
  if (figures.diagnostic) return false; // no target of its own
  if (id.startsWith('pages-')) return figures.paint_ms.median > TARGETS.firstPageMs;
  if (id === 'infinite-10000') return figures.paint_ms.median > TARGETS.loaded10kMs;
  if (id === 'infinite-100000')
    return (
      figures.heap_mb.used_after_mount.median > TARGETS.heap100kMb ||
      figures.paint_ms.median > TARGETS.loaded10kMs
    );
  if (id === 'scroll') return figures.frame_ms.p95 > TARGETS.scrollP95Ms + FRAME_JITTER_MS;
  return false;
}
