import { AlertRules, type AlertOptions } from './AlertRules.js';
import { chainEvent, type ChainHead } from './chainEvent.js';
import { sha256HexJs, type Sha256Hex } from './crypto/sha256.js';
import { decodeCursor, encodeCursor, fingerprint, malformedCursor } from './cursor.js';
import { writeEventCopies } from './eventCopies.js';
import { eventFromHashed, eventFromRow, inScope, parseBody } from './eventRows.js';
import { filtersSql, searchMatch, type EventFilters } from './eventFilters.js';
import { checkedColumnsSql, faithfulEvent, type StoredRow } from './faithfulRows.js';
import { globToSqlite } from './glob.js';
import { groupCommits } from './groupCommits.js';
import { statement, type Database, type Statement } from './store/Database.js';
import type { AuditEvent, EventFields, Pagination, Scope } from './types.js';

/** A filter term matching at least this many events counts as broad (see #broadTerms). */
const BROAD = 2000;

export interface IngestResult {
  event: AuditEvent;
  /** True when the idempotency key was already used: nothing was written. */
  replay: boolean;
}

/**
 * What one ingest transaction has learnt about the chains it writes. The IMMEDIATE
 * transaction holds the write lock throughout, so no other writer (not even another
 * process) can move a chain's head or the newest `created_at` under it: each is read from
 * the database at most once per transaction and then carried here, instead of two
 * index probes per event. Discarded when the transaction ends (commit or rollback).
 */
interface TxState {
  heads: Map<string, ChainHead | undefined>;
  /** The newest `created_at` in epoch ms (as stored: whole milliseconds); undefined until read. */
  lastMs: number | undefined;
}

interface EventRow {
  body: string;
  event_hash: string;
}

/** The SQL EventStore runs, prepared through the one statement cache (Database.ts). */
const SQL = {
  byKey: 'SELECT body, event_hash FROM events WHERE chain = ? AND idempotency_key = ?',
  head: 'SELECT sequence, event_hash FROM events WHERE chain = ? ORDER BY sequence DESC LIMIT 1',
  lastCreated: 'SELECT created_at FROM events ORDER BY pk DESC LIMIT 1',
  // The other columns are generated from body (see SCHEMA in store/schema.ts).
  insert:
    'INSERT INTO events (body, event_hash, sequence, previous_event_hash) VALUES (?, ?, ?, ?)',
  byId: 'SELECT body, event_hash FROM events WHERE id = ?',
  maxPk: 'SELECT max(pk) AS m FROM events',
  globProbe: 'SELECT 1 FROM events WHERE action GLOB ? LIMIT 1 OFFSET ?',
  searchProbe: 'SELECT 1 FROM events_search WHERE events_search MATCH ? LIMIT 1 OFFSET ?',
} as const;

export interface EventStoreOptions {
  now?: () => number;
  alerts?: AlertOptions | undefined;
  /** How event hashes are computed. @default the JavaScript SHA-256 */
  sha256Hex?: Sha256Hex;
}

/**
 * Events: the write path (chain, idempotency, alerts) and the read paths (query, get).
 * Every write runs in one IMMEDIATE transaction, so concurrent writers — even other processes
 * on the same file — take turns and can neither fork nor gap a chain.
 */
export class EventStore {
  readonly #db: Database;
  readonly #now: () => number;
  readonly #sha256Hex: Sha256Hex;
  readonly #alerts: AlertRules;
  readonly #ingestTx;
  readonly #ingestGrouped: (payloads: EventFields[]) => Promise<IngestResult[]>;

  constructor(db: Database, options: EventStoreOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
    this.#sha256Hex = options.sha256Hex ?? sha256HexJs;
    this.#alerts = new AlertRules(db, options.alerts);
    const write = (payloads: EventFields[], createdAt?: (i: number) => number) => {
      const tx: TxState = { heads: new Map(), lastMs: undefined };
      return payloads.map((p, i) => this.#writeOne(p, createdAt?.(i), tx));
    };
    this.#ingestTx = db.transaction(write);
    this.#ingestGrouped = groupCommits(db, write, (payloads) => this.ingest(payloads));
  }

  #sql(name: keyof typeof SQL): Statement {
    return statement(this.#db, SQL[name]);
  }

  /**
   * Writes validated payloads all-or-nothing, in order. `createdAt` lets the seed generator
   * backdate events through this same path; it is clamped so time never runs backwards.
   */
  ingest(payloads: EventFields[], createdAt?: (i: number) => number): IngestResult[] {
    return this.#ingestTx.immediate(payloads, createdAt);
  }

  /**
   * The same for a request: written with the other requests that arrive in the same turn of
   * the event loop, in one commit (groupCommits), each still all-or-nothing. Resolves once
   * committed.
   */
  ingestGrouped(payloads: EventFields[]): Promise<IngestResult[]> {
    return this.#ingestGrouped(payloads);
  }

  #writeOne(p: EventFields, at: number | undefined, tx: TxState): IngestResult {
    const chain = p.tenant_id ?? '';
    if (p.idempotency_key !== null) {
      const existing = this.#sql('byKey').get(chain, p.idempotency_key) as EventRow | undefined;
      if (existing)
        return { event: eventFromRow(existing.body, existing.event_hash), replay: true };
    }
    let head = tx.heads.get(chain);
    if (head === undefined && !tx.heads.has(chain)) {
      head = this.#sql('head').get(chain) as ChainHead | undefined;
    }
    if (tx.lastMs === undefined) {
      const last = this.#sql('lastCreated').get() as { created_at: string } | undefined;
      tx.lastMs = last ? Date.parse(last.created_at) : -Infinity;
    }
    const ms = Math.max(at ?? this.#now(), tx.lastMs);
    const { hashed, body, eventHash, stored } = chainEvent(p, head, ms, this.#sha256Hex);
    const { lastInsertRowid } = this.#sql('insert').run(
      body,
      eventHash,
      hashed.sequence,
      hashed.previous_event_hash,
    );
    writeEventCopies(this.#db, lastInsertRowid, hashed);
    tx.heads.set(chain, { sequence: hashed.sequence, event_hash: eventHash });
    // What the row now stores: created_at keeps whole milliseconds (Date truncates the same way).
    tx.lastMs = Date.parse(hashed.created_at);
    const event = stored ? eventFromHashed(stored, eventHash) : eventFromRow(body, eventHash);
    this.#alerts.evaluate(event, ms);
    return { event, replay: false };
  }

  /** The event with this id if `scope` may see it — judged by its body, not by columns. */
  get(id: string, scope: Scope): AuditEvent | null {
    const row = this.#sql('byId').get(id) as EventRow | undefined;
    const h = row && parseBody(row.body);
    if (!row || !h || h.id !== id || !inScope(h, scope)) return null;
    return eventFromHashed(h, row.event_hash);
  }

  /**
   * One page, newest first, by keyset on (created_at, sequence, id) below a snapshot `pk`.
   * SQL selects by columns that copy the body; a row is returned only if its body agrees with
   * them (and with the search text, when searching) and is in scope. A row that does not —
   * only possible in a tampered file, and named by verify — is skipped and the page filled
   * from further rows, so no filter or scope shows an event its hashed content is not under.
   */
  query(
    filters: EventFilters,
    scope: Scope,
    page: { cursor?: string | undefined; limit: number },
  ): { data: AuditEvent[]; pagination: Pagination } {
    const fp = fingerprint(['events', filters, scope]);
    const sql = filtersSql(filters, scope, this.#broadTerms(filters));
    let snapshot: number;
    let after: [string, number, string] | undefined;
    if (page.cursor) {
      const [createdAt, sequence, id, maxPk] = decodeCursor(page.cursor, fp);
      if (
        typeof createdAt !== 'string' ||
        typeof sequence !== 'number' ||
        typeof id !== 'string' ||
        typeof maxPk !== 'number'
      ) {
        throw malformedCursor();
      }
      after = [createdAt, sequence, id];
      snapshot = Number(maxPk);
    } else {
      snapshot = (this.#sql('maxPk').get() as { m: number | null }).m ?? 0;
    }
    sql.where.push('e.pk <= ?');
    sql.params.push(snapshot);
    const searching = filters.search !== undefined;
    const select = `SELECT ${checkedColumnsSql(searching)} FROM events e WHERE ${sql.where.join(' AND ')}`;
    const order = 'ORDER BY e.created_at DESC, e.sequence DESC, e.id DESC LIMIT ?';
    const kept: Array<{ event: AuditEvent; row: StoredRow }> = [];
    const want = page.limit + 1;
    for (;;) {
      const rows = statement(
        this.#db,
        after
          ? `${select} AND (e.created_at, e.sequence, e.id) < (?, ?, ?) ${order}`
          : `${select} ${order}`,
      ).all(...sql.params, ...(after ?? []), want) as StoredRow[];
      for (const row of rows) {
        if (kept.length === want) break;
        const h = faithfulEvent(row, scope, searching);
        if (h) kept.push({ event: eventFromHashed(h, row.event_hash), row });
      }
      const last = rows.at(-1);
      if (kept.length === want || rows.length < want || !last) break;
      after = [last.created_at, last.sequence, last.id];
    }
    const hasMore = kept.length > page.limit;
    if (hasMore) kept.pop();
    const last = kept.at(-1)?.row;
    return {
      data: kept.map((k) => k.event),
      pagination: {
        has_more: hasMore,
        next_cursor:
          hasMore && last
            ? encodeCursor([last.created_at, last.sequence, last.id, snapshot], fp)
            : null,
      },
    };
  }

  /**
   * Which terms match so many events that fetching all their rows and sorting them by time
   * costs more than walking the newest-first index until a page is full. Without statistics
   * SQLite's planner always drives by such a term (at 1M events `document.*` meant sorting
   * ~590k rows for 50, `search=budget` ~43k), so probe each: ≤ BROAD index entries read.
   * The search's indexed words are probed together, as they are matched: two broad words can
   * still meet in few events. A glob starting with `*` cannot use the index, so the planner
   * walks by time already; so does a search of short words only (see filtersSql).
   */
  #broadTerms(filters: EventFilters): { action: boolean; search: boolean } {
    const { action, search } = filters;
    const globbed = action !== undefined && action.includes('*') && !action.startsWith('*');
    const match = search === undefined ? undefined : searchMatch(search);
    return {
      action: globbed && this.#sql('globProbe').get(globToSqlite(action), BROAD - 1) !== undefined,
      search: match !== undefined && this.#sql('searchProbe').get(match, BROAD - 1) !== undefined,
    };
  }
}
