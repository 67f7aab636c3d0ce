/**
 * The keyboard shortcuts' help: loaded when it opens.
 * Replace any of them through the `messages` prop (see `Messages`).
 */
export const shortcutMessages = {
  shortcutsTitle: 'Keyboard shortcuts',
  shortcuts: {
    focusSearch: 'Search',
    nextRow: 'Next event',
    previousRow: 'Previous event',
    open: 'Open the event',
    close: 'Close the event or this list',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    help: 'Show these shortcuts',
  } as Record<string, string>,
  shortcutsNote: 'They do nothing while you type in a field.',
};

export type ShortcutMessages = typeof shortcutMessages;
