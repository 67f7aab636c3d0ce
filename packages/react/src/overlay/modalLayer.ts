// The page behind a modal layer: unreachable and still. Plain DOM, no React: the layer calls
// `openModal` from its own layout effect and the undo from its cleanup.

// How many open modal layers want each element inert. Only elements a layer made inert are ever
// lifted, and only once no layer wants them, so nested or overlapping modals restore exactly.
const inertBy = new Map<Element, number>();

/**
 * Makes the page around `keep` inert (unfocusable, unclickable, hidden from assistive tech):
 * every sibling of `keep` and of each of its ancestors up to `<body>`. Elements the page had
 * made inert itself are left alone. Returns the undo.
 */
export function inertOthers(keep: Element): () => void {
  const marked: Element[] = [];
  for (let node = keep, up; (up = node.parentElement) && node !== document.body; node = up)
    for (const el of up.children)
      if (el !== node && (inertBy.has(el) || !el.hasAttribute('inert'))) {
        inertBy.set(el, (inertBy.get(el) ?? 0) + 1);
        el.setAttribute('inert', '');
        marked.push(el);
      }
  return () => {
    for (const el of marked) {
      const wanted = inertBy.get(el)! - 1;
      if (wanted) inertBy.set(el, wanted);
      else {
        inertBy.delete(el);
        el.removeAttribute('inert');
      }
    }
  };
}

let locks = 0;
let unlockStyles = () => {};

/**
 * Stops the page from scrolling (overflow hidden on `<html>`) while any lock is held. Where a
 * classic scrollbar took width, its gutter stays reserved (`scrollbar-gutter: stable`), so
 * nothing shifts sideways, fixed elements included; overlay scrollbars take none. The last
 * release restores both inline styles as they were. Returns the release (call it once).
 */
export function lockScroll(): () => void {
  if (!locks++) {
    const html = document.documentElement;
    const { style } = html;
    const { overflow, scrollbarGutter } = style;
    if (innerWidth > html.clientWidth) style.scrollbarGutter = 'stable';
    style.overflow = 'hidden';
    unlockStyles = () => Object.assign(style, { overflow, scrollbarGutter });
  }
  return () => {
    if (!--locks) unlockStyles();
  };
}

/**
 * Makes the page behind `layer` unreachable — inert, so no pointer, Tab or screen reader reaches
 * it — and still (no scrolling), until the returned undo. `layer` should be the layer's outermost
 * element (a portal's root), so its own backdrop stays live. Call it from a layout effect:
 * applied before paint, and lifted on unmount before useFocusScope gives focus back (an inert
 * opener cannot take focus).
 */
export function openModal(layer: Element): () => void {
  const undoInert = inertOthers(layer);
  const unlock = lockScroll();
  return () => {
    unlock();
    undoInert();
  };
}
