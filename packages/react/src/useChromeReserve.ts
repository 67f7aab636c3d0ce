import { useRef, useState, type CSSProperties, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js';

/**
 * The height the filters and toolbar took the last time they came in after the rows, in this
 * page: a remount (back to the log in an app) reserves exactly that. Until then the stylesheet's
 * estimate (`.imv-audit-log__chrome-pending`) holds the room.
 */
let measuredHeight: number | null = null;

const firstRowTop = (root: HTMLElement | null) =>
  root?.querySelector('[data-event-id]')?.getBoundingClientRect().top;

/**
 * Keeps the rows where they are when the filters and toolbar arrive after them: a placeholder of
 * the chrome's height stands in its place, and when the chrome comes the rows' move (before that
 * frame paints) corrects the height the next mount reserves.
 * @param root the log's root element
 * @param chromeReady whether the chrome is rendered (useAfterFirstPaint)
 */
export function useChromeReserve(
  root: HTMLElement | null,
  chromeReady: boolean,
): { ref: RefObject<HTMLDivElement | null>; style: CSSProperties | undefined } {
  const ref = useRef<HTMLDivElement | null>(null);
  const before = useRef<{ rowTop: number; height: number } | null>(null);
  const [style] = useState(() =>
    measuredHeight === null ? undefined : { minHeight: `${measuredHeight}px` },
  );
  useIsomorphicLayoutEffect(() => {
    if (!chromeReady) {
      const rowTop = firstRowTop(root);
      const placeholder = ref.current;
      if (rowTop !== undefined && placeholder) {
        before.current = { rowTop, height: placeholder.getBoundingClientRect().height };
      }
      return;
    }
    const rowTop = firstRowTop(root);
    if (before.current && rowTop !== undefined) {
      measuredHeight = Math.max(0, before.current.height + rowTop - before.current.rowTop);
    }
    before.current = null;
  }, [root, chromeReady]);
  return { ref, style };
}
