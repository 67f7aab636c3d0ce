import { decodeCursor, encodeCursor, fingerprint, malformedCursor } from './cursor.js';
import { scopeSql, type SqlFragment } from './eventFilters.js';
import { statement, type Database } from './store/Database.js';
import type { Alert, Pagination, Scope } from './types.js';

/** Alerts newest first, scoped like events, paged by keyset on write order. */
export function listAlerts(
  db: Database,
  scope: Scope,
  ruleType: string | undefined,
  cursor: string | undefined,
  limit: number,
): { data: Alert[]; pagination: Pagination } {
  const fp = fingerprint(['alerts', ruleType ?? null, scope]);
  const sql: SqlFragment = { where: [], params: [] };
  scopeSql(scope, sql, 'a');
  if (ruleType) {
    sql.where.push('a.rule_type = ?');
    sql.params.push(ruleType);
  }
  if (cursor) {
    const [pk] = decodeCursor(cursor, fp);
    if (typeof pk !== 'number') throw malformedCursor();
    sql.where.push('a.pk < ?');
    sql.params.push(pk);
  }
  const rows = statement(
    db,
    `SELECT a.pk, a.id, a.rule_type, a.reason, a.severity, a.event_id, a.actor_id, a.tenant_id, a.created_at
       FROM alerts a ${sql.where.length ? 'WHERE ' + sql.where.join(' AND ') : ''}
       ORDER BY a.pk DESC LIMIT ?`,
  ).all(...sql.params, limit + 1) as Array<Alert & { pk: number }>;
  const hasMore = rows.length > limit;
  if (hasMore) rows.pop();
  const last = rows.at(-1);
  return {
    data: rows.map(({ pk: _pk, ...alert }) => alert),
    pagination: {
      has_more: hasMore,
      next_cursor: hasMore && last ? encodeCursor([last.pk], fp) : null,
    },
  };
}
