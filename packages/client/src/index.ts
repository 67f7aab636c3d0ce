/** @getimmutable/client — the browser's viewer client and the in-browser integrity checks. */
export { createViewerClient } from './createViewerClient.js';
export type {
  CallOptions,
  VerifyAllOptions,
  ViewerClient,
  ViewerClientOptions,
  WaitOptions,
} from './createViewerClient.js';
export { ImmutableError, isImmutableError } from './ImmutableError.js';
export type { RetryOptions } from './transport.js';
export { computeEventHash, eventHashInput } from './computeEventHash.js';
export { checkEvent, type EventCheck } from './checkEvent.js';
export { checkChain, type ChainLinkCheck } from './checkChain.js';
export { IntegrityIndex, checkEventOnce, type IntegrityCheck } from './IntegrityIndex.js';
// The filter bar's rules, framework-free: normalized filters, date presets, wall-clock time.
export {
  FILTER_FIELDS,
  hasFilters,
  normalizeFilters,
  sameFilters,
  type AuditFilters,
  type FilterField,
} from './normalizeFilters.js';
export {
  DATE_PRESETS,
  detectPreset,
  presetRange,
  type DatePreset,
  type DateRange,
  type RelativeDatePreset,
} from './datePresets.js';
export { isoToWallTime, wallTimeToIso } from './zonedDateTime.js';
// The contract (one definition, bundled in): its names and the limits a viewer asks within,
// the JCS its hashes cover, and the wire types.
export {
  ALERT_RULE_TYPES,
  ALERT_SEVERITIES,
  EXPORT_FORMATS,
  EXPORT_STATUSES,
  FILTER_NAMES,
  VERIFY_BREAK_TYPES,
  PAGE_LIMIT,
  VERIFY_LIMIT,
  SEARCH_LIMITS,
  MAX_FILTER_LENGTH,
  clampPageSize,
  canonicalize,
  sha256Hex,
} from '@getimmutable/contract';
export type * from '@getimmutable/contract';
// Checkpoints: what a complete verify saw, kept per scope, so a later one can tell a rewritten
// history from the one seen; saved as a file, a receipt.
export { CHECKPOINT_KIND, type Checkpoint, type CheckpointScope } from './checkpoint/Checkpoint.js';
export { parseCheckpoint } from './checkpoint/parseCheckpoint.js';
export {
  localStorageCheckpointStore,
  checkpointKey,
  type CheckpointStore,
} from './checkpoint/CheckpointStore.js';
export { compareCheckpoint, type CheckpointChange } from './checkpoint/compareCheckpoint.js';
export {
  checkCheckpoint,
  reconcileCheckpoint,
  takeCheckpoint,
  type CheckpointOutcome,
} from './checkpoint/reconcileCheckpoint.js';
// What an update changed, read from the shapes its metadata commonly records.
export { readChanges, type FieldChange } from './changes/readChanges.js';
// Saved views: named filters, columns and mode, in a pluggable store.
export {
  MAX_VIEW_NAME,
  checkViewName,
  readSavedView,
  type SavedView,
} from './savedViews/SavedView.js';
export { localStorageSavedViewStore, type SavedViewStore } from './savedViews/SavedViewStore.js';
// The search box's query language (`actor:alice action:document.* after:-7d words`), read into
// filters, written from them, and completed from the loaded events.
export {
  parseQuery,
  type ParsedQuery,
  type ParseQueryOptions,
  type QueryError,
  type QueryErrorCode,
  type QueryTerm,
} from './query/parseQuery.js';
export { formatQuery, type FormatQueryOptions } from './query/formatQuery.js';
export { QUERY_KEYS, type QueryKey } from './query/queryKeys.js';
export {
  completeQuery,
  type CompleteQueryOptions,
  type QueryCompletion,
} from './query/completeQuery.js';
export { queryVocabulary, type QueryVocabulary } from './query/queryVocabulary.js';
