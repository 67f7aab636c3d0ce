import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * True while rendering on the server or hydrating, false in a plain browser render (React reads
 * the server snapshot in both of the former). What differs between them — a delayed part, the
 * document — waits for false, so the hydrating markup matches the server's.
 */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
}
