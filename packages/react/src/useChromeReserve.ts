import { useRef, useState, type CSSProperties } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js';

/**
 * The height the filters and toolbar took the last time they came in after the rows, in this
 * page: a remount (back to the log in an app) reserves exactly that. Until then the stylesheet's
 * estimate (`.imv-audit-log__chrome-pending`) holds the room.
 */
let measuredHeight: number | null = null;

/** The placeholder's class: the stylesheet gives it its first estimate. */
export const CHROME_PENDING_CLASS = 'imv-audit-log__chrome-pending';

const firstRowTop = (root: HTMLElement | null) =>
  root?.querySelector('[data-event-id]')?.getBoundingClientRect().top;

/**
 * Keeps the rows where they are when the filters and toolbar arrive after them: a placeholder
 * (CHROME_PENDING_CLASS, with the style returned) of the chrome's height stands in its place, and when the chrome comes the rows' move (before that
 * frame paints) corrects the height the next mount reserves.
 * @param root the log's root element
 * @param chromeReady whether the chrome is rendered (useAfterFirstPaint)
 */
export function useChromeReserve(
  root: HTMLElement | null,
  chromeReady: boolean,
): CSSProperties | undefined {
  const before = useRef<{ rowTop: number; height: number } | null>(null);
  const [style] = useState(() =>
    measuredHeight === null ? undefined : { minHeight: `${measuredHeight}px` },
  );
  useIsomorphicLayoutEffect(() => {
    if (!chromeReady) {
      const rowTop = firstRowTop(root);
      const placeholder = root?.querySelector(`:scope > .${CHROME_PENDING_CLASS}`);
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
  return style;
}
