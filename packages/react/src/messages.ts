/**
 * Every string the kit shows. Replace any of them through the `messages` prop (a partial object):
 * translations, or wording that fits the host app.
 */
export const defaultMessages = {
  // filters
  filtersLabel: 'Filter events',
  actor: 'Actor',
  action: 'Action',
  actionHint: 'Use * as a wildcard, e.g. document.*',
  resource: 'Resource',
  resourceId: 'Resource ID',
  targetType: 'Target type',
  targetId: 'Target ID',
  session: 'Session',
  search: 'Search',
  searchPlaceholder: 'Search actors, actions, resources, metadata…',
  dateRange: 'Date range',
  rangeAll: 'All time',
  range24h: 'Last 24 hours',
  range7d: 'Last 7 days',
  range30d: 'Last 30 days',
  rangeCustom: 'Custom range',
  from: 'From',
  to: 'To',
  clearFilters: 'Clear filters',
  // filters: AuditLogFilters additions
  tenantFilter: 'Tenant',
  moreFilters: (active: number) => (active > 0 ? `More filters (${active})` : 'More filters'),
  rangeTimeZone: (zone: string) => `Times in ${zone}`,
  rangeOrderError: (from: string, to: string) => `${from} must not be after ${to}.`,
  invalidDate: (field: string) => `${field} is not a valid date and time.`,
  // end filters additions
  // table
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
  // table (AuditLogTable) — added by the table engineer
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
  // end table
  // drawer
  eventDetails: 'Event details',
  close: 'Close',
  fieldId: 'Event ID',
  fieldTenant: 'Tenant',
  fieldActor: 'Actor',
  fieldAction: 'Action',
  fieldCategory: 'Category',
  fieldResource: 'Resource',
  fieldSession: 'Session',
  fieldVersion: 'Version',
  fieldIdempotencyKey: 'Idempotency key',
  fieldCreatedAt: 'Time',
  targets: 'Targets',
  noTargets: 'No targets',
  context: 'Context',
  ipAddress: 'IP address',
  userAgent: 'User agent',
  country: 'Country',
  metadata: 'Metadata',
  noMetadata: 'No metadata',
  expand: 'Expand',
  collapse: 'Collapse',
  showMore: (n: number) => `Show ${n} more`,
  integrity: 'Integrity',
  eventHash: 'Event hash',
  previousHash: 'Previous event hash',
  sequence: 'Sequence',
  copy: (what: string) => `Copy ${what}`,
  copied: 'Copied',
  recomputedMatches: 'Recomputed here: matches ✓',
  recomputedDiffers: 'Recomputed here: does not match ✗',
  none: '—',
  // drawer additions (EventDetailDrawer, JsonTree)
  loadingEvent: 'Loading event…',
  eventError: 'Could not load this event.',
  copyFailed: 'Could not copy: select the text and copy it yourself',
  recomputedHash: 'Recomputed hash',
  chainLink: 'Link',
  targetMetadata: 'Target metadata',
  jsonKeys: (n: number) => (n === 1 ? '1 key' : `${n} keys`),
  jsonItems: (n: number) => (n === 1 ? '1 item' : `${n} items`),
  jsonLabel: (root: string) => `${root} as a tree`,
  showMoreIn: (n: number, path: string) => `Show ${n} more in ${path}`,
  /** The targets' Show more button's accessible name: what it adds and what is still hidden. */
  showMoreTargets: (n: number, hidden: number) => `Show ${n} more targets (${hidden} not shown)`,
  // verify
  verifying: 'Verifying…',
  verifyProgress: (n: string) => `Checked ${n} events…`,
  verified: (n: string) => `Verified: ${n} events`,
  verifiedAt: (when: string) => `checked ${when}`,
  broken: (n: number) => `Chain broken: ${n} ${n === 1 ? 'break' : 'breaks'}`,
  firstBreak: (type: string, sequence: number) => `First: ${type} at #${sequence}`,
  openBrokenEvent: 'Open the first broken event',
  verifyError: 'Could not verify',
  reverify: 'Verify again',
  breakTypes: {
    hash_mismatch: 'hash mismatch',
    chain_mismatch: 'chain mismatch',
    sequence_gap: 'sequence gap',
    column_mismatch: 'stored copy mismatch',
  } as Record<string, string>,
  // export
  exportLabel: 'Export',
  exportFormat: 'Export format',
  exporting: (done: string, total: string) => `Exporting ${done} of ${total}…`,
  exportPreparing: 'Preparing export…',
  exportCancel: 'Cancel export',
  exportDone: 'Export ready — downloading',
  exportDownload: 'Download again',
  exportFailed: (message: string) => `Export failed: ${message}`,
  exportCancelled: 'Export cancelled',
  /** The server refused a new export (429) while others of this viewer are still running. */
  exportBusy: 'Too many exports are running; try again in a moment.',
  // alerts
  alertsLabel: 'Alerts',
  ruleType: 'Rule',
  allRules: 'All rules',
  ruleNames: {
    new_country: 'New country',
    high_volume: 'High volume',
    sensitive_action: 'Sensitive action',
  } as Record<string, string>,
  severity: 'Severity',
  noAlerts: 'No alerts.',
  alertsError: 'Could not load alerts.',
  viewEvent: 'View event',
  // === VerifyBadge, ExportButton, AlertsList (additions) ===
  verifyErrorDetail: (message: string) => `Could not verify: ${message}`,
  breakOtherActor: "(another actor's event)",
  exportFormats: { csv: 'CSV', json: 'JSON', ndjson: 'NDJSON' } as Record<string, string>,
  exportProgressLabel: 'Export progress',
  alertsLoading: 'Loading alerts…',
  noAlertsForRule: (rule: string) => `No ${rule} alerts.`,
  alertsPages: 'Alert pages',
  severityNames: { low: 'Low', medium: 'Medium', high: 'High' } as Record<string, string>,
  severityIs: (level: string) => `Severity: ${level}`,
  alertBy: (actor: string) => `by ${actor}`,
  // === end VerifyBadge, ExportButton, AlertsList ===
  // checkpoints (VerifyBadge): the history compared with the one verified before
  cancel: 'Cancel',
  historyChanged: (when: string) => `History changed since you verified it on ${when}`,
  historyUnchanged: (when: string) => `unchanged since ${when}`,
  historyChangeReasons: {
    event_missing: 'The last event you verified is gone.',
    event_changed:
      'The last event you verified now has another hash: it, or history before it, was rewritten.',
    chain_shorter:
      'The chain is shorter than when you verified it: its newest events were removed.',
    head_changed: 'The newest event you verified now has another hash.',
  } as Record<string, string>,
  historyEvent: 'Event',
  historySequence: (sequence: number) => `#${sequence}`,
  hashSeen: 'Hash you saw',
  hashNow: 'Hash now',
  lengthSeen: 'Events you saw',
  lengthNow: 'Events now',
  eventGone: 'not found',
  acceptHistory: 'Accept current history…',
  acceptHistoryQuestion:
    'Replace your checkpoint with the history as it is now? Do this only if you know why it changed.',
  acceptHistoryConfirm: 'Accept current history',
  nothingToAccept:
    'The chain has no events now: there is no history to accept until new ones are verified.',
  acceptHistoryFailed: (message: string) => `Could not keep the new checkpoint: ${message}`,
  checkpointUnavailable: (message: string) =>
    `Not compared with your last verification: ${message}`,
  receipt: 'Receipt',
  downloadReceipt: 'Download receipt',
  checkReceipt: 'Check a receipt',
  receiptChecking: 'Checking the receipt…',
  receiptConsistent: (when: string) => `The receipt of ${when} matches the history now.`,
  receiptChanged: (when: string, reason: string) =>
    `The receipt of ${when} does not match the history now. ${reason}`,
  receiptOtherScope: (tenant: string) => `This receipt is for another log (tenant ${tenant}).`,
  receiptUnreadable: (message: string) => `Not a receipt: ${message}`,
  receiptFailed: (message: string) => `Could not check the receipt: ${message}`,
  // what changed (the drawer's diff, the table's summary)
  changesTitle: 'Changes',
  changesCount: (n: number) => (n === 1 ? '1 field changed' : `${n} fields changed`),
  diffField: 'Field',
  diffBefore: 'Before',
  diffAfter: 'After',
  diffAbsent: 'not set',
  diffKinds: { changed: 'changed', added: 'added', removed: 'removed' } as Record<string, string>,
  // saved views
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
  // keyboard shortcuts (AuditLog)
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
  // live tail
  newEvents: (n: number, more: boolean) =>
    more ? `${n}+ new events` : n === 1 ? '1 new event' : `${n} new events`,
  showNewEvents: 'Show',
  // === query box (the search box's query language) ===
  queryPlaceholder: 'Search, or filter: actor:alice action:document.* after:-7d',
  queryHint: 'Words search; key:value filters (type a key for suggestions). Enter applies.',
  querySuggestions: 'Suggestions',
  queryTerms: 'Query terms',
  /** A term of the applied query, as its chip shows it; `key` is `'text'` for search words. */
  queryTerm: (key: string, value: string) => (key === 'text' ? value : `${key}: ${value}`),
  removeQueryTerm: (term: string) => `Remove ${term}`,
  /** Why a query was refused; `code` tells which rule (the default is the parser's sentence). */
  queryError: (error: { code: string; term: string; message: string }) => error.message,
  queryKeyTarget: 'Target (type:id)',
  // === end query box ===
};

export type Messages = typeof defaultMessages;

const isGroup = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null;

/**
 * `base` with `overrides` laid over it: a string or function is replaced, a group (`breakTypes`,
 * `ruleNames`, `severityNames`, `exportFormats`) one key at a time, so overriding one break type
 * keeps the others. Undefined overrides keep the base.
 */
export function mergeMessages(base: Messages, overrides: Partial<Messages> | undefined): Messages {
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isGroup(current) && isGroup(value) ? { ...current, ...value } : value;
  }
  return merged as Messages;
}
