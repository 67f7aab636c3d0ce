import { useCallback, useRef, useState, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../useIsomorphicLayoutEffect.js';
import { useLazyVirtualizer } from './useLazyVirtualizer.js';

/**
 * Every row's height (the stylesheet fixes rows to it), so no row is measured as it scrolls in:
 * no forced layout, no jumps. A different height (unstyled, another font size) is read once from
 * a rendered row.
 */
const ROW_HEIGHT = 44;
/**
 * The view the first render assumes, before the container is measured: the default of
 * `--imv-table-height`. The first rows are then the ones the view shows, and measuring the
 * container changes nothing, where a first render with no view was rendered again (a second
 * layout before the first paint: 15 ms of a 1,000-row mount, pnpm bench).
 */
const ASSUMED_VIEW = { width: 0, height: 480 };
const OVERSCAN = 8;
/** A rendered row, whose height is read (the slot `AuditTableRow` puts on its `<tr>`). */
const ROW_SELECTOR = '[data-slot="table-row"]';

export interface VirtualRowsOptions {
  /** The rows in order; their ids key the virtualizer's positions. */
  rows: ReadonlyArray<{ id: string }>;
  /** False in pages mode: every row is rendered and nothing is measured. */
  enabled: boolean;
}

export interface VirtualRows {
  /** Goes on the fixed-height scroll container. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The rows to render are `rows.slice(start, end)`. */
  start: number;
  end: number;
  /** Space above and below them standing in for the rows not in the DOM (spacer rows). */
  paddingTop: number;
  paddingBottom: number;
  /**
   * The virtualizer has measured a view (read live, in effects: the first render only assumes
   * one). Only then does "the window reached the end" mean the user scrolled there; without
   * layout the first rows are always "the window".
   */
  hasView(): boolean;
  /** Scrolls the container so a row is rendered (a no-op when not enabled). */
  scrollToIndex(index: number): void;
}

/**
 * Infinite mode's windowing: only the rows in view of a fixed-height scroll container (plus an
 * overscan) are in the DOM, with spacer heights for the rest. Disabled, it renders every row.
 */
export function useVirtualRows({ rows, enabled }: VirtualRowsOptions): VirtualRows {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  // Stable per row list: the virtualizer recomputes every row's position when this changes.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // The virtualizer is one mutable instance: read it during render, never memoize on it.
  const { virtualizer, failed } = useLazyVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    enabled,
    initialRect: ASSUMED_VIEW,
  });
  // Windowing is on once its code is here; if it could not load, every row renders, as paged.
  const windowed = enabled && !failed;

  const hasRows = rows.length > 0;
  // Before paint, when rows first show: every row has one height, so reading one row is enough.
  // Runs again after a new height is set, and finds it matches.
  useIsomorphicLayoutEffect(() => {
    if (!enabled || !hasRows) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(ROW_SELECTOR);
    // Layout-less environments (jsdom, hidden containers) measure 0: keep the estimate then.
    const height = row?.getBoundingClientRect().height ?? 0;
    if (height > 0 && Math.abs(height - rowHeight) > 0.5) {
      setRowHeight(height);
      // The virtualizer caches positions by key, not by estimate: drop them for the new height.
      virtualizer?.measure();
    }
  }, [enabled, hasRows, rowHeight, virtualizer]);

  const scrollToIndex = (index: number) => {
    if (enabled) virtualizer?.scrollToIndex(index);
  };
  const hasView = useCallback(
    () =>
      enabled &&
      virtualizer !== null &&
      virtualizer.scrollElement !== null &&
      (virtualizer.scrollRect?.height ?? 0) > 0,
    [enabled, virtualizer],
  );
  const items = enabled && virtualizer ? virtualizer.getVirtualItems() : [];
  const first = items[0];
  const last = items[items.length - 1];
  if (!virtualizer || !first || !last) {
    // No virtualizer yet (its code loads), or no view (jsdom, a hidden container): the rows of
    // the view it assumes, as its first render places them, with room for the others below.
    // Every row when disabled, or when its code could not load.
    const end = windowed
      ? Math.min(rows.length, Math.ceil(ASSUMED_VIEW.height / rowHeight) + OVERSCAN)
      : rows.length;
    const paddingBottom = windowed ? (rows.length - end) * rowHeight : 0;
    return {
      scrollRef,
      start: 0,
      end,
      paddingTop: 0,
      paddingBottom,
      hasView,
      scrollToIndex,
    };
  }
  return {
    scrollRef,
    start: first.index,
    end: last.index + 1,
    paddingTop: first.start,
    paddingBottom: virtualizer.getTotalSize() - last.end,
    hasView,
    scrollToIndex,
  };
}
