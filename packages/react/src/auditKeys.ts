import type { AlertFilters, VerifyParams } from '@getimmutable/client';
import type { AuditFilters } from './auditFilters.js';

/**
 * The one query-key factory: every cache entry of the kit starts with `['immutable', clientKey]`,
 * so invalidating a scope, or everything, is never guessed.
 * @example queryClient.invalidateQueries({ queryKey: auditKeys.all(clientKey) })
 */
export const auditKeys = {
  all: (clientKey: number) => ['immutable', clientKey] as const,
  events: (clientKey: number) => [...auditKeys.all(clientKey), 'events'] as const,
  eventPage: (clientKey: number, filters: AuditFilters, limit: number, cursor: string | null) =>
    [...auditKeys.events(clientKey), 'page', filters, limit, cursor] as const,
  eventPages: (clientKey: number, filters: AuditFilters, limit: number) =>
    [...auditKeys.events(clientKey), 'infinite', filters, limit] as const,
  event: (clientKey: number, id: string) => [...auditKeys.all(clientKey), 'event', id] as const,
  verify: (clientKey: number, range: Omit<VerifyParams, 'cursor'>) =>
    [...auditKeys.all(clientKey), 'verify', range] as const,
  alerts: (clientKey: number, filters: Omit<AlertFilters, 'cursor'>, cursor: string | null) =>
    [...auditKeys.all(clientKey), 'alerts', filters, cursor] as const,
};
