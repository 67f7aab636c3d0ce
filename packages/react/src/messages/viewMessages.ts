/**
 * The saved views' strings: loaded with their panel.
 * Replace any of them through the `messages` prop (see `Messages`).
 */
export const viewMessages = {
  views: 'Views',
  viewsLabel: 'Saved views',
  viewName: 'Name of this view',
  saveView: 'Save current view',
  viewsLoading: 'Loading views…',
  viewsError: (message: string) => `Could not load views: ${message}`,
  noViews: 'No saved views yet: set filters and columns, then save them here.',
  applyView: (name: string) => `Apply view ${name}`,
  viewSummary: (filters: number) =>
    filters === 0 ? 'no filters' : filters === 1 ? '1 filter' : `${filters} filters`,
  copyViewLink: (name: string) => `Copy link to ${name}`,
  renameView: (name: string) => `Rename ${name}`,
  deleteView: (name: string) => `Delete ${name}`,
  newViewName: (name: string) => `New name for ${name}`,
  save: 'Save',
  copyLink: 'Link',
  rename: 'Rename',
  remove: 'Delete',
  viewSaved: (name: string) => `Saved view “${name}”.`,
  viewApplied: (name: string) => `Applied view “${name}”.`,
  viewRenamed: (name: string) => `Renamed to “${name}”.`,
  viewDeleted: (name: string) => `Deleted view “${name}”.`,
  undo: 'Undo',
  viewLinkCopied: 'Link copied.',
  viewFailed: (message: string) => `Could not change views: ${message}`,
};

export type ViewMessages = typeof viewMessages;
