/**
 * The filter bar's and the query box's strings: loaded with the filters and toolbar.
 * Replace any of them through the `messages` prop (see `Messages`).
 */
export const filterMessages = {
  filtersLabel: 'Filter events',
  actionHint: 'Use * as a wildcard, e.g. document.*',
  searchPlaceholder: 'Search actors, actions, resources, metadata…',
  dateRange: 'Date range',
  rangeAll: 'All time',
  range24h: 'Last 24 hours',
  range7d: 'Last 7 days',
  range30d: 'Last 30 days',
  rangeCustom: 'Custom range',
  clearFilters: 'Clear filters',
  moreFilters: (active: number) => (active > 0 ? `More filters (${active})` : 'More filters'),
  rangeTimeZone: (zone: string) => `Times in ${zone}`,
  rangeOrderError: (from: string, to: string) => `${from} must not be after ${to}.`,
  invalidDate: (field: string) => `${field} is not a valid date and time.`,
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
};

export type FilterMessages = typeof filterMessages;
