import type { ViewerClient } from '@getimmutable/client';

/** The same client, with the filters of each `events.list` call it is asked for, in order. */
export function countListCalls(viewer: ViewerClient): { client: ViewerClient; calls: unknown[] } {
  const calls: unknown[] = [];
  const client: ViewerClient = {
    ...viewer,
    events: {
      ...viewer.events,
      list: (...args) => {
        calls.push(args[0]);
        return viewer.events.list(...args);
      },
    },
  };
  return { client, calls };
}
