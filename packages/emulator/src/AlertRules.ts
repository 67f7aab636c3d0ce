import { randomUuid } from './crypto/encoding.js';
import { globToRegExp } from './glob.js';
import { statement, type Database } from './store/Database.js';
import type { AlertRuleType, AlertSeverity, AuditEvent } from './types.js';

export interface AlertOptions {
  /** More than this many events by one actor within 60 s raises `high_volume`. @default 100 */
  highVolumeThreshold?: number;
  /** The window of `high_volume`, in milliseconds. @default 60000 */
  highVolumeWindowMs?: number;
  /** Actions matching any of these globs raise `sensitive_action`. @default ['*.deleted'] */
  sensitiveActions?: string[];
}

const SEVERITY: Record<AlertRuleType, AlertSeverity> = {
  new_country: 'medium',
  high_volume: 'high',
  sensitive_action: 'high',
};

const SQL = {
  insert: `INSERT INTO alerts (id, rule_type, reason, severity, event_id, actor_id, tenant_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  seenCountry: 'SELECT 1 FROM actor_countries WHERE chain = ? AND actor_id = ? AND country = ?',
  countries:
    "SELECT group_concat(country, ', ') AS countries FROM actor_countries WHERE chain = ? AND actor_id = ?",
  addCountry: 'INSERT OR IGNORE INTO actor_countries (chain, actor_id, country) VALUES (?, ?, ?)',
} as const;

/** The three alert rules, evaluated per newly written event inside the ingest transaction. */
export class AlertRules {
  readonly #threshold: number;
  readonly #windowMs: number;
  readonly #sensitive: RegExp[];
  /** Per actor: recent event times (bounded by the threshold) and when it last alerted. */
  readonly #volume = new Map<string, { times: number[]; alertedAt: number }>();
  readonly #db: Database;

  constructor(db: Database, options: AlertOptions = {}) {
    this.#db = db;
    this.#threshold = options.highVolumeThreshold ?? 100;
    this.#windowMs = options.highVolumeWindowMs ?? 60_000;
    this.#sensitive = (options.sensitiveActions ?? ['*.deleted']).map(globToRegExp);
  }

  #sql(name: keyof typeof SQL) {
    return statement(this.#db, SQL[name]);
  }

  evaluate(event: AuditEvent, nowMs: number): void {
    const chain = event.tenant_id ?? '';
    // A function: most events raise nothing, and need no name built.
    const who = () =>
      event.actor_name ? `${event.actor_name} (${event.actor_id})` : event.actor_id;

    const country = event.context?.country;
    if (country) {
      if (!this.#sql('seenCountry').get(chain, event.actor_id, country)) {
        const { countries } = this.#sql('countries').get(chain, event.actor_id) as {
          countries: string | null;
        };
        this.#sql('addCountry').run(chain, event.actor_id, country);
        if (countries) {
          this.#raise(
            'new_country',
            `${who()} acted from ${country} for the first time (seen before: ${countries}).`,
            event,
          );
        }
      }
    }

    const key = `${chain}\u0000${event.actor_id}`;
    let volume = this.#volume.get(key);
    if (!volume) this.#volume.set(key, (volume = { times: [], alertedAt: -Infinity }));
    volume.times.push(nowMs);
    while (volume.times.length > 0 && volume.times[0]! <= nowMs - this.#windowMs)
      volume.times.shift();
    if (volume.times.length > this.#threshold + 1) volume.times.shift();
    if (volume.times.length > this.#threshold && nowMs - volume.alertedAt >= this.#windowMs) {
      volume.alertedAt = nowMs;
      this.#raise(
        'high_volume',
        `${who()} wrote more than ${this.#threshold} events within ${Math.round(this.#windowMs / 1000)} s.`,
        event,
      );
    }

    if (this.#sensitive.some((re) => re.test(event.action))) {
      this.#raise(
        'sensitive_action',
        `${who()} performed the sensitive action ${event.action}.`,
        event,
      );
    }
  }

  #raise(rule: AlertRuleType, reason: string, event: AuditEvent): void {
    this.#sql('insert').run(
      `alert_${randomUuid()}`,
      rule,
      reason,
      SEVERITY[rule],
      event.id,
      event.actor_id,
      event.tenant_id,
      event.created_at,
    );
  }
}
