import type { AlertRuleType, VerifyParams, ViewerClient } from '@getimmutable/client';
import { hashKey, type QueryKey } from '@tanstack/react-query';
import { normalizeFilters, type AuditFilters } from './auditFilters.js';

/** What a key needs of a viewer client: its identity (`createViewerClient`'s `id`). */
export type KeyedClient = Pick<ViewerClient, 'id'>;

/** The alert filters a list is keyed by (paging aside). */
export interface AlertListFilters {
  rule_type?: AlertRuleType;
}

/** A date range to verify, in the API's names. */
export type VerifyRange = Pick<VerifyParams, 'from' | 'to' | 'limit'>;

/** Drops empty values so equal ranges make equal keys. */
export function normalizeRange(range: VerifyRange = {}): VerifyRange {
  return {
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(range.limit ? { limit: range.limit } : {}),
  };
}

const ROOT = 'immutable';

function all(): readonly [typeof ROOT];
function all(client: KeyedClient): readonly [typeof ROOT, string];
function all(client?: KeyedClient): readonly [typeof ROOT] | readonly [typeof ROOT, string] {
  return client ? [ROOT, client.id] : [ROOT];
}

/**
 * The one query-key factory. Every cache entry of the kit starts with `['immutable', client.id]`,
 * so invalidating one client's entries, a kind of them, or everything is never guessed. Filters
 * are normalized here, so keys built from filters as typed match the kit's own.
 * @example queryClient.invalidateQueries({ queryKey: auditKeys.all(client) })
 */
export const auditKeys = {
  /** Everything the kit caches: of one client, or (no argument) of every client. */
  all,
  /** Every event list, paged or infinite, of every filter. */
  events: (client: KeyedClient) => [...all(client), 'events'] as const,
  /** Every page of one paged list (these filters and page size). */
  eventList: (client: KeyedClient, filters: AuditFilters | undefined, limit: number) =>
    [...auditKeys.events(client), 'page', normalizeFilters(filters), limit] as const,
  /** One page of a paged list; `cursor` null for the first. */
  eventPage: (
    client: KeyedClient,
    filters: AuditFilters | undefined,
    limit: number,
    cursor: string | null,
  ) => [...auditKeys.eventList(client, filters, limit), cursor] as const,
  /** One infinite list (its pages accumulate in one entry). */
  eventPages: (client: KeyedClient, filters: AuditFilters | undefined, limit: number) =>
    [...auditKeys.events(client), 'infinite', normalizeFilters(filters), limit] as const,
  /** One event by id. */
  event: (client: KeyedClient, id: string) => [...all(client), 'event', id] as const,
  /** The server's verdict over a date range. */
  verify: (client: KeyedClient, range?: VerifyRange) =>
    [...all(client), 'verify', normalizeRange(range)] as const,
  /** The saved views (of the provider's store, not of a client: a view is the user's). */
  savedViews: () => [ROOT, 'savedViews'] as const,
  /**
   * The live tail's watch beyond one list's newest event. Not under `events`: entries there are
   * pages of events, which the cache is scanned for (an event opened from a loaded list).
   */
  live: (client: KeyedClient, filters: AuditFilters | undefined, newestId: string | null) =>
    [...all(client), 'live', normalizeFilters(filters), newestId] as const,
  /** The checkpoint kept for this client's scope, as the store has it now. */
  storedCheckpoint: (client: KeyedClient) => [...all(client), 'storedCheckpoint'] as const,
  /** The checkpoint comparison made after one complete verify (by its `verified_at`). */
  checkpoint: (client: KeyedClient, verifiedAt: string) =>
    [...all(client), 'checkpoint', verifiedAt] as const,
  /** Every alert list. */
  alerts: (client: KeyedClient) => [...all(client), 'alerts'] as const,
  /** Every page of one alert list (this rule and page size). */
  alertList: (client: KeyedClient, filters: AlertListFilters | undefined, limit: number) =>
    [
      ...auditKeys.alerts(client),
      filters?.rule_type ? { rule_type: filters.rule_type } : {},
      limit,
    ] as const,
  /** One page of an alert list; `cursor` null for the first. */
  alertPage: (
    client: KeyedClient,
    filters: AlertListFilters | undefined,
    limit: number,
    cursor: string | null,
  ) => [...auditKeys.alertList(client, filters, limit), cursor] as const,
};

/** Whether `key` lies within `prefix` exactly (every element of the prefix equal, not partial). */
export function isKeyWithin(key: QueryKey, prefix: QueryKey): boolean {
  return key.length >= prefix.length && hashKey(key.slice(0, prefix.length)) === hashKey(prefix);
}
