import { useLayoutEffect, useRef, type RefObject } from 'react';

// What can take focus from Tab (before the tabindex and hidden checks below), as one selector.
const CANDIDATES =
  'a[href],area[href],button:not([disabled]),input:not([disabled]):not([type="hidden"]),' +
  'select:not([disabled]),textarea:not([disabled]),summary,iframe,' +
  '[contenteditable]:not([contenteditable="false"]),[tabindex]';

/** The elements Tab can reach inside `root`, in document order (positive tabindex is not honoured). */
function tabbableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(CANDIDATES)).filter(
    (el) => el.tabIndex >= 0 && !el.closest('[hidden], [inert], [aria-hidden="true"]'),
  );
}

export interface FocusScopeOptions {
  /**
   * Modal: Tab and Shift+Tab cycle inside, and focus that lands outside is pulled back. Without
   * it focus may leave (a popover closes on that through useDismissableLayer).
   */
  trapped?: boolean;
  /** Receives focus on mount; else the first tabbable element, else the container. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Receives focus back on unmount; else the element that had focus before mount (the opener). */
  returnFocus?: RefObject<HTMLElement | null>;
}

/**
 * Focus for a layer that is mounted while open (a drawer, a popover): focus moves into
 * `container` on mount and goes back on unmount — unless the user has put it somewhere else
 * meanwhile (Tab out of a popover, a press on another control).
 *
 * Focus moves in from a layout effect, before paint and before the page behind can turn inert
 * (useModalLayer) and drop focus from the opener. It goes back a task after unmount: by then a
 * modal's inert page is live again (an inert opener cannot take focus), and a press outside has
 * finished moving focus — to what it pressed, or to the body, which counts as "nowhere".
 */
export function useFocusScope(
  container: RefObject<HTMLElement | null>,
  { trapped = false, initialFocus, returnFocus }: FocusScopeOptions = {},
): void {
  // Kept across StrictMode's unmount-and-remount, where focus is already inside on the remount.
  const opener = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const doc = root.ownerDocument;
    const active = doc.activeElement;
    if (active instanceof HTMLElement && active !== doc.body && !root.contains(active))
      opener.current = active;
    let lastInside: HTMLElement = root;
    (initialFocus?.current ?? tabbableIn(root)[0] ?? root).focus();

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      // Every Tab is moved here, so the order never depends on what lies outside the container,
      // and focus on something Tab skips (the panel, a heading) goes on from its place.
      e.preventDefault();
      const list = tabbableIn(root);
      const here = doc.activeElement ?? root;
      // compareDocumentPosition: 2 = lies before `here`, 4 = lies after; at(-1) is the last one.
      const ahead = list.filter((el) => here.compareDocumentPosition(el) & (e.shiftKey ? 2 : 4));
      const end = e.shiftKey ? -1 : 0;
      (ahead.at(end) ?? list.at(end) ?? root).focus();
    };
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target;
      if (target instanceof HTMLElement && root.contains(target)) lastInside = target;
      else (lastInside.isConnected ? lastInside : root).focus();
    };
    if (trapped) {
      doc.addEventListener('keydown', onKeyDown);
      doc.addEventListener('focusin', onFocusIn);
    }
    return () => {
      doc.removeEventListener('keydown', onKeyDown);
      doc.removeEventListener('focusin', onFocusIn);
      setTimeout(() => {
        if (root.isConnected) return; // StrictMode's replay: still open
        // The return target as it is at close (the caller may have moved it), not at open.
        // eslint-disable-next-line react-hooks/exhaustive-deps
        const target = returnFocus?.current ?? opener.current;
        const here = doc.activeElement;
        if (target?.isConnected && (!here || here === doc.body || root.contains(here)))
          target.focus();
      });
    };
  }, [container, initialFocus, returnFocus, trapped]);
}
