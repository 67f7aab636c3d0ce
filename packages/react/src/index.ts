/** @getimmutable/react — the audit-log viewer for React: provider, hooks and components. */
export {
  ImmutableViewerProvider,
  type ImmutableViewerProviderProps,
} from './ImmutableViewerProvider.js';
export { defaultMessages } from './messages/defaultMessages.js';
export type { Messages } from './messages/Messages.js';
export { auditKeys, type AlertListFilters, type KeyedClient } from './auditKeys.js';
export {
  auditQueries,
  type AuditQueries,
  type AuditQueryOptions,
  type AuditInfiniteQueryOptions,
  type AlertPageOptions,
  type EventPageOptions,
  type VerifyQueryOptions,
} from './auditQueries.js';
export { normalizeFilters, hasFilters, FILTER_FIELDS, type AuditFilters } from './auditFilters.js';
export {
  useAuditEvents,
  type AuditEventsResult,
  type UseAuditEventsOptions,
} from './useAuditEvents.js';
export {
  useInfiniteAuditEvents,
  type InfiniteAuditEventsResult,
  type UseInfiniteAuditEventsOptions,
} from './useInfiniteAuditEvents.js';
export {
  useAuditEvent,
  type AuditEventResult,
  type UseAuditEventOptions,
} from './useAuditEvent.js';
export {
  useVerify,
  type UseVerifyOptions,
  type VerifyRange,
  type VerifyState,
} from './useVerify.js';
export {
  useCheckpoint,
  type CheckpointState,
  type ReceiptCheck,
  type UseCheckpointOptions,
} from './checkpoint/useCheckpoint.js';
export type { HistoryChange } from './checkpoint/HistoryChange.js';
export { useStoredCheckpoint } from './checkpoint/useStoredCheckpoint.js';
export { useSavedViews, type SavedViewsState, type ViewContent } from './views/useSavedViews.js';
export { SavedViews, type SavedViewsProps } from './views/SavedViews.js';
export { searchWithView, viewFromSearch } from './views/viewLink.js';
export { useExport, downloadUrl, type ExportState, type UseExportOptions } from './useExport.js';
export { useAlerts, type AlertsResult, type UseAlertsOptions } from './useAlerts.js';
export {
  useEventIntegrity,
  useIntegrityChecks,
  type EventIntegrity,
  type UseEventIntegrityOptions,
} from './useEventIntegrity.js';
export { useControllableState } from './useControllableState.js';
export { formatAbsolute, formatRelative, zoneLabel } from './formatTime.js';
export { VerifyBadge, type VerifyBadgeProps, type VerifyBadgeState } from './verify/VerifyBadge.js';
export {
  ExportButton,
  type ExportButtonProps,
  type ExportButtonState,
} from './export/ExportButton.js';
export { AlertsList, type AlertsListProps, type AlertsListState } from './alerts/AlertsList.js';
export {
  AuditLogFilters,
  DEFAULT_FILTER_FIELDS,
  type AuditLogFiltersProps,
  type AuditLogFilterField,
} from './filters/AuditLogFilters.js';
export {
  useFiltersInUrl,
  filtersFromSearch,
  searchWithFilters,
  type UseFiltersInUrlOptions,
} from './filters/useFiltersInUrl.js';
export {
  DATE_PRESETS,
  presetRange,
  detectPreset,
  type DatePreset,
  type RelativeDatePreset,
  type DateRange,
} from './filters/datePresets.js';
export {
  AuditLogTable,
  type AuditLogTableProps,
  type AuditLogTableState,
  type AuditLogTableStatus,
  type AuditCellRenderers,
} from './table/AuditLogTable.js';
export {
  auditColumnHelper,
  defaultAuditColumns,
  type AuditColumnDef,
  type AuditColumnMeta,
  type AuditTableFeatures,
} from './table/auditColumns.js';
export { EventDetailDrawer, type EventDetailDrawerProps } from './drawer/EventDetailDrawer.js';
export { JsonTree, type JsonTreeProps } from './drawer/JsonTree.js';
export { AuditLog, type AuditLogProps } from './AuditLog.js';
export {
  ExportVerifier,
  type ExportVerifierProps,
  type ExportVerifierState,
} from './exportVerifier/ExportVerifier.js';
export {
  exportVerifierMessages,
  type ExportVerifierMessages,
} from './exportVerifier/exportVerifierMessages.js';
