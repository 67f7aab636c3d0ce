import { useEffect, useRef, type RefObject } from 'react';

export interface DismissableLayerOptions {
  /** Escape, a press outside or (if asked) focus moving outside: the layer should close. */
  onDismiss(): void;
  /**
   * Elements outside the layer that still count as inside — its trigger: pressing it must not
   * dismiss (the trigger's own click toggles), nor must focusing it.
   */
  inside?: ReadonlyArray<RefObject<HTMLElement | null>>;
  /** Focus moving outside dismisses too: a non-modal popover closes when Tab leaves it. */
  dismissOnFocusOutside?: boolean;
}

// The open layers, innermost last. Only the innermost is dismissed, so Escape in a popover
// inside a drawer closes the popover and leaves the drawer open.
const layers: HTMLElement[] = [];

/**
 * Dismisses a layer that is mounted while open: on Escape (unless something inside handled it
 * and prevented the default), on a press outside it and, if asked, when focus moves outside.
 * Listens on the document, so the layer needs no wrapper or backdrop element of its own.
 */
export function useDismissableLayer(
  layer: RefObject<HTMLElement | null>,
  options: DismissableLayerOptions,
): void {
  // The listeners live as long as the layer; the latest options are read when they fire.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const self = layer.current;
    if (!self) return;
    const doc = self.ownerDocument;
    // Opened later is further in — except within one commit, where a layer inside another runs
    // its effect first: a layer goes below any open one it contains.
    const inner = layers.findIndex((other) => self.contains(other));
    layers.splice(inner < 0 ? layers.length : inner, 0, self);
    const innermost = () => layers[layers.length - 1] === self;
    const onOutside = (e: Event) => {
      const { inside = [], onDismiss } = latest.current;
      const target = e.target as Node;
      if (innermost() && ![layer, ...inside].some((part) => part.current?.contains(target)))
        onDismiss();
    };
    const onFocusIn = (e: FocusEvent) => {
      if (latest.current.dismissOnFocusOutside) onOutside(e);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !innermost()) return;
      e.preventDefault();
      latest.current.onDismiss();
    };
    doc.addEventListener('keydown', onKeyDown);
    // Capture: a press the page stops from propagating still counts as outside.
    doc.addEventListener('pointerdown', onOutside, true);
    doc.addEventListener('focusin', onFocusIn);
    return () => {
      layers.splice(layers.indexOf(self), 1);
      doc.removeEventListener('keydown', onKeyDown);
      doc.removeEventListener('pointerdown', onOutside, true);
      doc.removeEventListener('focusin', onFocusIn);
    };
  }, [layer]);
}
