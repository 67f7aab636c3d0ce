import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const CANDIDATES = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  'iframe',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]',
].join(',');

/** The elements Tab can reach inside `root`, in document order (positive tabindex is not honoured). */
function tabbableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(CANDIDATES)).filter(
    (el) => el.tabIndex >= 0 && !el.closest('[hidden], [inert], [aria-hidden="true"]'),
  );
}

// useLayoutEffect warns during server rendering in React 18; nothing here runs on the server anyway.
const useIsoLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

interface FocusTrapOptions {
  /** Receives focus on mount; else the first tabbable element, else the container. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Escape was pressed (and no one inside prevented it). */
  onEscape?: () => void;
}

/**
 * Keeps keyboard focus inside `container` while the calling component is mounted: focus moves in
 * on mount, Tab and Shift+Tab cycle inside, focus that lands outside is pulled back, and on unmount
 * focus returns to the element that had it before (the opener).
 */
export function useFocusTrap(
  container: RefObject<HTMLElement | null>,
  { initialFocus, onEscape }: FocusTrapOptions = {},
): void {
  const escape = useRef(onEscape);
  useIsoLayoutEffect(() => {
    escape.current = onEscape;
  });

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const doc = root.ownerDocument;
    const opener =
      doc.activeElement instanceof HTMLElement && !root.contains(doc.activeElement)
        ? doc.activeElement
        : null;
    let lastInside: HTMLElement | null = null;
    (initialFocus?.current ?? tabbableIn(root)[0] ?? root).focus();

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (e.key === 'Escape') {
        if (escape.current) {
          e.preventDefault();
          escape.current();
        }
        return;
      }
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      // Every Tab is handled here, so the order never depends on what lies outside the container.
      e.preventDefault();
      const list = tabbableIn(root);
      if (list.length === 0) return root.focus();
      const first = list[0]!;
      const last = list[list.length - 1]!;
      const current = doc.activeElement;
      const index = current instanceof HTMLElement ? list.indexOf(current) : -1;
      let next: HTMLElement | undefined;
      if (index !== -1) {
        next = e.shiftKey ? (list[index - 1] ?? last) : (list[index + 1] ?? first);
      } else if (current && root.contains(current)) {
        // On something inside that Tab skips (the heading, the panel): go on from its place.
        const after = list.findIndex(
          (el) => current.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        next = e.shiftKey
          ? after <= 0
            ? last
            : list[after - 1]
          : after === -1
            ? first
            : list[after];
      } else {
        next = e.shiftKey ? last : first;
      }
      next?.focus();
    };
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target;
      if (target instanceof Node && root.contains(target)) {
        lastInside = target instanceof HTMLElement ? target : lastInside;
      } else {
        (lastInside?.isConnected ? lastInside : (tabbableIn(root)[0] ?? root)).focus();
      }
    };
    doc.addEventListener('keydown', onKeyDown);
    doc.addEventListener('focusin', onFocusIn);
    return () => {
      doc.removeEventListener('keydown', onKeyDown);
      doc.removeEventListener('focusin', onFocusIn);
      const here = doc.activeElement;
      // Give focus back unless the user has deliberately put it somewhere else meanwhile.
      if (opener?.isConnected && (!here || here === doc.body || root.contains(here)))
        opener.focus();
    };
  }, [container, initialFocus]);
}
