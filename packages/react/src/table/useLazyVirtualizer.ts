import type { Virtualizer, VirtualizerOptions } from '@tanstack/virtual-core';
import { useEffect, useReducer, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../afterNextPaint.js';
import { onDemand } from '../onDemand/onDemand.js';
import { useIsomorphicLayoutEffect } from '../useIsomorphicLayoutEffect.js';
import { whenBackOnline } from '../whenBackOnline.js';

/**
 * TanStack Virtual's core, loaded when a table first needs windowing (infinite mode): a paged
 * table, `<AuditLog />`'s default, never does, and it is 4.4 kB min+gzip of what loaded before
 * the first rows (13.2 kB minified). Exported for tests, which load it before rendering.
 */
export const virtualCore = onDemand(() => import('@tanstack/virtual-core'));

export type RowVirtualizer = Virtualizer<HTMLDivElement, Element>;
/** What the table sets; the rest (observers, scrolling, onChange) is set here. */
export type RowVirtualizerOptions = Omit<
  VirtualizerOptions<HTMLDivElement, Element>,
  'observeElementRect' | 'observeElementOffset' | 'scrollToFn' | 'onChange'
>;

/**
 * `useVirtualizer` of @tanstack/react-virtual, with the core loaded on demand: null until it is
 * here and the first rows have painted (the table renders the rows of its assumed view
 * meanwhile, as the virtualizer's first render would), then the virtualizer. Hand-written because that package imports the core
 * statically, so an app could not leave it out of its first chunk; this is its hook's own
 * logic (a Virtualizer kept in state, its options set on every render, a re-render on change —
 * synchronous when the virtualizer asks — and its mount and update layout effects).
 * @returns the virtualizer, null before its code is here, and `failed` if it could not load (it is
 *   loaded again when the browser comes back online)
 */
export function useLazyVirtualizer(options: RowVirtualizerOptions): {
  virtualizer: RowVirtualizer | null;
  failed: boolean;
} {
  const rerender = useReducer((n: number) => n + 1, 0)[1];
  const make = (core: typeof import('@tanstack/virtual-core')): RowVirtualizer =>
    new core.Virtualizer({
      ...options,
      observeElementRect: core.observeElementRect,
      observeElementOffset: core.observeElementOffset,
      scrollToFn: core.elementScroll,
      onChange: (_, sync) => (sync ? flushSync(rerender) : rerender()),
    });
  const [virtualizer, setVirtualizer] = useState<RowVirtualizer | null>(null);
  const [failed, setFailed] = useState(false);
  // Bumped when the browser comes back online after the code failed to load: a new attempt.
  // Until one succeeds every row renders (as when it failed), so nothing moves meanwhile.
  const [attempt, setAttempt] = useState(0);
  const wanted = options.enabled !== false && virtualizer === null;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    let cancelPaint = () => {};
    let stopListening = () => {};
    virtualCore.load().then(
      (core) => {
        // After the first rows have painted: they are the rows it would place first (the view
        // it assumes), and its first measurement (a layout it forces) need not precede them.
        if (live) {
          cancelPaint = afterNextPaint(() => {
            setVirtualizer(make(core));
            setFailed(false);
          });
        }
      },
      () => {
        if (!live) return;
        stopListening = whenBackOnline(() => setAttempt((n) => n + 1));
        setFailed(true);
      },
    );
    return () => {
      live = false;
      cancelPaint();
      stopListening();
    };
    // `make` reads this render's options, and the next render sets them again anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, attempt]);

  virtualizer?.setOptions({
    ...virtualizer.options,
    ...options,
  });
  useIsomorphicLayoutEffect(() => virtualizer?._didMount(), [virtualizer]);
  useIsomorphicLayoutEffect(() => {
    virtualizer?._willUpdate();
  });
  return { virtualizer, failed };
}
