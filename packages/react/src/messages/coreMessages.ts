/**
 * The strings of the table, its pager and its states, and the few every part shares (Retry,
 * Close, the filter fields' names): the only ones loaded before the first paint.
 * Replace any of them through the `messages` prop (see `Messages`).
 */
export const coreMessages = {
  // The filter fields' names: the filter bar's labels, and the empty state's sentence names them.
  search: 'Search',
  actor: 'Actor',
  action: 'Action',
  resource: 'Resource',
  resourceId: 'Resource ID',
  targetType: 'Target type',
  targetId: 'Target ID',
  session: 'Session',
  tenantFilter: 'Tenant',
  from: 'From',
  to: 'To',
  tableLabel: 'Audit events',
  columnTime: 'Time',
  columnActor: 'Actor',
  columnAction: 'Action',
  columnResource: 'Resource',
  columnTargets: 'Targets',
  columnLocation: 'Location',
  columnIntegrity: 'Integrity',
  timeZoneSuffix: (zone: string) => `(${zone})`,
  columns: 'Columns',
  loading: 'Loading events…',
  loadingMore: 'Loading more events…',
  empty: 'No events yet.',
  emptyFiltered: (filters: string) => `No events match ${filters}.`,
  errorTitle: 'Could not load events.',
  failureUnreachable: 'The audit log service cannot be reached; check your connection.',
  failureSlow: 'The audit log service is taking too long to answer.',
  failureBusy: 'The audit log service is busy right now.',
  failureUnavailable: 'The audit log service is unavailable right now.',
  failureRetrying: 'Trying again by itself.',
  failureKeptRows: 'Trying again by itself; the rows below are the last that loaded.',
  retry: 'Retry',
  chromeLoadFailed: 'The filters and toolbar could not load. Retry, or reload the page.',
  drawerLoadFailed: "The event's details could not load. Retry, or reload the page.",
  panelLoadFailed: 'This panel could not load. Retry, or reload the page.',
  checkpointLoadFailed: "The checkpoint's details could not load. Retry, or reload the page.",
  liveTailLoadFailed:
    'New events cannot be watched: that part could not load. Retry, or reload the page.',
  /** A row's integrity mark when the checks' code could not load: nothing was checked. */
  integrityUnavailable:
    'Not checked: the integrity checks could not load. Reload the page to check.',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageSize: 'Rows per page',
  pageOf: (page: number) => `Page ${page}`,
  loadMore: 'Load more',
  openEvent: (action: string, actor: string) => `${action} by ${actor}: open details`,
  hashOk: 'Hash matches content',
  hashBad: 'Hash does not match content',
  linkOk: 'Linked to the previous event',
  linkBad: 'Not linked to the previous event',
  linkUnknown: 'Previous event not on this page',
  paginationLabel: 'Pagination',
  columnsLegend: 'Visible columns',
  moreTargets: (n: number) => `+${n} more`,
  /** One active filter in the empty-state sentence, e.g. `action "document.*"`. */
  filterTerm: (field: string, value: string) => `${field.toLowerCase()} "${value}"`,
  /** Joins filter terms: "a", "a and b", "a, b and c". */
  joinTerms: (terms: string[]) =>
    terms.length < 2
      ? terms.join('')
      : `${terms.slice(0, -1).join(', ')} and ${terms[terms.length - 1]}`,
  // Shared by the table and the parts loaded on demand.
  close: 'Close',
  none: '—',
  integrity: 'Integrity',
  changesCount: (n: number) => (n === 1 ? '1 field changed' : `${n} fields changed`),
  cancel: 'Cancel',
  verifying: 'Verifying…',
};

export type CoreMessages = typeof coreMessages;
