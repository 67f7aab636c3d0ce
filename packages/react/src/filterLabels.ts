import type { AuditFilters } from './auditFilters.js';
import type { CoreMessages } from './messages/coreMessages.js';

/** Which message names each filter field, in the filter bar and in the empty-state sentence. */
export const FILTER_LABELS = {
  search: 'search',
  actor_id: 'actor',
  action: 'action',
  resource: 'resource',
  resource_id: 'resourceId',
  target_type: 'targetType',
  target_id: 'targetId',
  session_id: 'session',
  tenant_id: 'tenantFilter',
  from: 'from',
  to: 'to',
} as const satisfies Record<keyof AuditFilters, keyof CoreMessages>;
