import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` on the server: React 18 warns about layout effects
 * there, and there is no layout to read anyway. It keeps this exact name because eslint.config.js
 * lists it in `react-hooks/exhaustive-deps`' `additionalHooks`: under any other name its
 * dependency arrays would go unchecked.
 */
export const useIsomorphicLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect;
