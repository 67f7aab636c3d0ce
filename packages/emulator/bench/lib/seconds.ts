/** Seconds elapsed since a `performance.now()` reading. */
export const seconds = (since: number) => (performance.now() - since) / 1000;
