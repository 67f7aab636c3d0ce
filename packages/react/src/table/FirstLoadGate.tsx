import { useEffect, useState, type ReactNode } from 'react';
import { FIRST_ROWS_WAIT_MS } from '../firstRowsWait.js';
import { useHydrating } from '../useHydrating.js';

/**
 * Holds back the table's frame — its head, skeleton rows and footer — while its first load is
 * younger than FIRST_ROWS_WAIT_MS, so rows that come in that time paint at once, with no loading
 * frame before them. Rendering, laying out and painting that frame (its page-size select most of
 * all) made a cold first page of 25 about 13% later (`pnpm bench:ab`, footer alone) with rows
 * answered from memory. A slower load shows the frame when the wait is over. Once shown, or once
 * the first load is done, the frame stays through later loads (a page size or a filter changed),
 * so focus on its controls is never dropped. The table's live region, outside the gate, says
 * "Loading events…" from the start. Server rendering and hydration show the frame at once.
 */
export function FirstLoadGate({
  loading,
  children,
}: {
  loading: boolean;
  /** The frame: called only when it shows, so a held render builds none of it. */
  children: () => ReactNode;
}) {
  const hydrating = useHydrating();
  const [open, setOpen] = useState(hydrating);
  const held = loading && !open;
  useEffect(() => {
    if (!held) return;
    const timer = setTimeout(() => setOpen(true), FIRST_ROWS_WAIT_MS);
    return () => clearTimeout(timer);
  }, [held]);
  // The first load is over: adjusted during render (React re-runs only this gate, and this pass
  // builds nothing), not in an effect, which would render the table's rows a second time.
  if (!loading && !open) {
    setOpen(true);
    return null;
  }
  return held ? null : children();
}
