import { useEffect, useState, type CSSProperties } from 'react';
import { afterNextPaint } from './afterNextPaint.js';
import { FIRST_ROWS_WAIT_MS } from './firstRowsWait.js';
import { useHydrating } from './useHydrating.js';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js';

/** The placeholder's class: the stylesheet gives it its first estimate of the chrome's room. */
export const CHROME_PENDING_CLASS = 'imv-audit-log__chrome-pending';

/**
 * The room the filters and toolbar took the last time they came in after the rows, in this page:
 * a remount (back to the log in an app) reserves exactly that.
 */
let measuredHeight: number | null = null;

/** The table's first load is still pending (its root's `data-state`, no layout read). */
const loading = (root: HTMLElement | null) =>
  root?.querySelector('[data-slot="table-root"]')?.getAttribute('data-state') === 'loading';

const firstRowTop = (root: HTMLElement | null) =>
  root?.querySelector('[data-event-id]')?.getBoundingClientRect().top;

/**
 * The rows first: `<AuditLog />`'s filters and toolbar cost about a third of a cold mount, so a
 * browser mount renders them just after its first rows have painted (or its first paint, when
 * the rows take longer than FIRST_ROWS_WAIT_MS to load), and until then a placeholder
 * (CHROME_PENDING_CLASS, with `placeholderStyle`) keeps their room so the rows do not move.
 * Where the rows were is read in that paint's frame (the layout it paints anyway) and again when
 * the chrome is in (before it paints): the difference corrects the room the next mount keeps.
 * Server rendering and hydration render the chrome at once (the server snapshot), so their
 * markup matches.
 * @param root the log's root element
 * @param load loads the chrome's code: started with the rows, and waited for after they paint
 *   (settled either way: a failure is the chrome's to show when it renders)
 */
export function useChromeAfterRows(
  root: HTMLElement | null,
  load: () => Promise<unknown>,
): {
  chromeReady: boolean;
  placeholderStyle: CSSProperties | undefined;
} {
  const hydrating = useHydrating();
  const [chromeReady, setChromeReady] = useState(hydrating);
  const [before, setBefore] = useState<{ rowTop: number; height: number } | null>(null);
  const [placeholderStyle] = useState(() =>
    measuredHeight === null ? undefined : { minHeight: `${measuredHeight}px` },
  );

  useEffect(() => {
    if (chromeReady) return;
    const started = performance.now();
    const code = load().then(
      () => {},
      () => {},
    );
    let cancelled = false;
    let seen: { rowTop: number; height: number } | null = null;
    /** Whether the frame just painted had the table's first load done (its rows, or a state). */
    let paintedLoaded = false;
    let cancel = () => {};
    const afterPaint = () => {
      cancel = afterNextPaint(
        () => {
          // Rows on their way come first, unless they keep the chrome waiting too long.
          if (!paintedLoaded && performance.now() - started < FIRST_ROWS_WAIT_MS) afterPaint();
          else {
            void code.then(() => {
              if (cancelled) return;
              setBefore(seen);
              setChromeReady(true);
            });
          }
        },
        () => {
          paintedLoaded = !loading(root);
          const rowTop = firstRowTop(root);
          const placeholder = root?.querySelector(`:scope > .${CHROME_PENDING_CLASS}`);
          if (rowTop !== undefined && placeholder) {
            seen = { rowTop, height: placeholder.getBoundingClientRect().height };
          }
        },
      );
    };
    afterPaint();
    return () => {
      cancelled = true;
      cancel();
    };
  }, [chromeReady, root, load]);

  useIsomorphicLayoutEffect(() => {
    const rowTop = chromeReady && before ? firstRowTop(root) : undefined;
    if (before && rowTop !== undefined) {
      measuredHeight = Math.max(0, before.height + rowTop - before.rowTop);
    }
  }, [chromeReady, before, root]);

  return { chromeReady, placeholderStyle };
}
