/**
 * The live tail's notice: loaded only for a table with `live` on.
 * Replace any of them through the `messages` prop (see `Messages`).
 */
export const liveTailMessages = {
  newEvents: (n: number, more: boolean) =>
    more ? `${n}+ new events` : n === 1 ? '1 new event' : `${n} new events`,
  showNewEvents: 'Show',
};

export type LiveTailMessages = typeof liveTailMessages;
