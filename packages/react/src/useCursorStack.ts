import { useState } from 'react';

/**
 * Previous/next over an API that only gives "next" cursors: remembers the cursors of the pages
 * visited. A new `resetKey` (other filters, page size) starts again at the first page — during
 * render, so rows of old filters never show under new ones.
 */
export function useCursorStack(resetKey: string) {
  const [state, setState] = useState({
    key: resetKey,
    cursors: [null] as Array<string | null>,
    index: 0,
  });
  let current = state;
  if (state.key !== resetKey) {
    current = { key: resetKey, cursors: [null], index: 0 };
    setState(current);
  }
  return {
    cursor: current.cursors[current.index] ?? null,
    pageIndex: current.index,
    hasPrevious: current.index > 0,
    next(cursor: string) {
      setState((s) => ({
        ...s,
        cursors: [...s.cursors.slice(0, s.index + 1), cursor],
        index: s.index + 1,
      }));
    },
    previous() {
      setState((s) => ({ ...s, index: Math.max(0, s.index - 1) }));
    },
    first() {
      setState((s) => ({ ...s, index: 0 }));
    },
  };
}
