import { useEffect, useState, useSyncExternalStore } from 'react';
import { afterNextPaint } from './afterNextPaint.js';

const noSubscription = () => () => {};

/**
 * False in a browser mount's first render, true once that render has painted: for the parts of
 * a component that may come a moment after what the user came for. Server rendering and
 * hydration say true at once (the server snapshot), so their markup matches and nothing flickers.
 */
export function useAfterFirstPaint(): boolean {
  // True while rendering on the server or hydrating, false in a plain browser render.
  const hydrating = useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
  const [painted, setPainted] = useState(hydrating);
  useEffect(() => {
    if (!painted) return afterNextPaint(() => setPainted(true));
  }, [painted]);
  return painted;
}
