import { randomUuid, timingSafeEqual, toBase64Url, utf8 } from './crypto/encoding.js';
import { hmacSha256 } from './crypto/sha256.js';
import type { EventFilters } from './eventFilters.js';
import type { ExportFileStore } from './exportFiles/ExportFileStore.js';
import { HttpError } from './HttpError.js';
import { statement, type Database } from './store/Database.js';
import { formatTimestamp } from './timeBounds.js';
import type { ExportFormat, ExportJob, Scope } from './types.js';
import { tick, writeExportFile } from './writeExportFile.js';

/** How long one signed download URL works; each GET of the export signs a fresh one. */
const DOWNLOAD_TTL_MS = 3_600_000;
/** How long a completed export's file is kept, and so how long its link can be renewed. */
const DEFAULT_RETENTION_MS = 24 * 3_600_000;
/** Unfinished (pending or processing) exports one scope may have at once. */
const DEFAULT_MAX_UNFINISHED = 3;
/**
 * Completed exports whose files one scope keeps. Retention alone bounds disk by time, not by
 * volume: the soak benchmark's two exporters wrote 1.3 GB in 7 minutes, all within 24 h.
 */
const DEFAULT_MAX_KEPT = 20;
/**
 * The Retry-After of a refused export. A slot frees when one of the scope's exports finishes:
 * well under a second for thousands of events, seconds for millions.
 */
const BUSY_RETRY_AFTER_S = 5;
/** How often files past their retention are deleted; a GET answers 410 on time regardless. */
const SWEEP_INTERVAL_MS = 60_000;
/** The names of the files this class writes: nothing else in the directory is its to delete. */
const EXPORT_FILE = /^(exp_[0-9a-f]{32})\.(csv|json|ndjson)$/;

interface ExportRow {
  id: string;
  scope: string;
  /** `expired`: its file is deleted; the wire never shows it (GET answers 410 instead). */
  status: ExportJob['status'] | 'expired';
  format: ExportFormat;
  filters: string;
  max_pk: number;
  events_count: number | null;
  events_processed: number;
  error_message: string | null;
  file: string | null;
  created_at: string;
  completed_at: string | null;
  /**
   * When the file is deleted: completion + the retention period, fixed at completion. Not the
   * wire's `expires_at`, which is when the link of one response stops working.
   */
  expires_at: string | null;
}

export interface ExportJobsOptions {
  /** Where the files go. */
  files: ExportFileStore;
  /** The key of the download links' signatures. */
  secret: Uint8Array;
  now: () => number;
  /** @default DEFAULT_RETENTION_MS */
  retentionMs?: number | undefined;
  /** @default DEFAULT_MAX_UNFINISHED */
  maxUnfinishedPerScope?: number | undefined;
  /** @default DEFAULT_MAX_KEPT */
  maxKeptPerScope?: number | undefined;
}

const scopeKey = (scope: Scope): string =>
  scope.kind === 'api_key' ? 'api_key' : JSON.stringify([scope.tenant_id, scope.actor_id]);

/**
 * Exports as asynchronous jobs: created `pending`, processed in chunks between other requests
 * (`processing`, `events_processed` rising), written to a file beside the database, then
 * `completed` — or `failed` with the reason. A completed export's file is kept for the retention
 * period, and each read of the job signs a fresh, short-lived download URL for it; then a timer
 * deletes the file and the job reads as expired.
 */
export class ExportJobs {
  readonly #db: Database;
  readonly #files: ExportFileStore;
  readonly #secret: Uint8Array;
  readonly #now: () => number;
  readonly #retentionMs: number;
  readonly #maxUnfinished: number;
  readonly #maxKept: number;
  readonly #running = new Set<Promise<void>>();
  readonly #sweeper: ReturnType<typeof setInterval>;
  #closed = false;

  constructor(db: Database, options: ExportJobsOptions) {
    this.#db = db;
    this.#files = options.files;
    this.#secret = options.secret;
    this.#now = options.now;
    this.#retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.#maxUnfinished = options.maxUnfinishedPerScope ?? DEFAULT_MAX_UNFINISHED;
    this.#maxKept = options.maxKeptPerScope ?? DEFAULT_MAX_KEPT;
    // Files that expired while no process ran, or that a crash or an old database left behind.
    this.#sweep({ atStart: true });
    // Jobs a previous process left unfinished start again from the beginning.
    const unfinished = statement(
      db,
      "SELECT id FROM exports WHERE status IN ('pending', 'processing')",
    ).all() as { id: string }[];
    for (const { id } of unfinished) this.#start(id);
    // Deletion must not wait for a request; unref'd, the timer never keeps the process alive.
    this.#sweeper = setInterval(() => this.#sweep(), SWEEP_INTERVAL_MS);
    (this.#sweeper as { unref?: () => void }).unref?.(); // Node's timers only
  }

  /** Queues an export, or throws 429 when the scope already has its fill of unfinished ones. */
  create(filters: EventFilters, format: ExportFormat, scope: Scope): ExportJob {
    const { n } = statement(
      this.#db,
      "SELECT count(*) AS n FROM exports WHERE scope = ? AND status IN ('pending', 'processing')",
    ).get(scopeKey(scope)) as { n: number };
    if (n >= this.#maxUnfinished) {
      const max = this.#maxUnfinished;
      throw new HttpError(
        429,
        'rate_limited',
        `At most ${max} export${max === 1 ? '' : 's'} may run at once for one API key or ` +
          `viewer; try again in ${BUSY_RETRY_AFTER_S} seconds.`,
        undefined,
        { 'Retry-After': String(BUSY_RETRY_AFTER_S) },
      );
    }
    this.#makeRoom(scopeKey(scope));
    const id = `exp_${randomUuid().replace(/-/g, '')}`;
    const maxPk =
      (statement(this.#db, 'SELECT max(pk) AS m FROM events').get() as { m: number | null }).m ?? 0;
    statement(
      this.#db,
      `INSERT INTO exports (id, scope, status, format, filters, max_pk, created_at)
         VALUES (?, ?, 'pending', ?, ?, ?, ?)`,
    ).run(
      id,
      scopeKey(scope),
      format,
      JSON.stringify({ filters, scope }),
      maxPk,
      formatTimestamp(this.#now()),
    );
    this.#start(id);
    return this.#toJob(this.#row(id)!, null);
  }

  /**
   * The job as `scope` may see it, with a freshly signed download URL when completed; null when
   * unknown or not visible to `scope`. Throws 410 once its file's retention has ended.
   * A viewer sees only what its own scope created. The API key sees every export: it can read
   * every event and mint a token for any scope, so hiding exports from it would protect nothing.
   */
  get(id: string, scope: Scope, baseUrl: string): ExportJob | null {
    const row = this.#row(id);
    if (!row) return null;
    if (scope.kind !== 'api_key' && row.scope !== scopeKey(scope)) return null;
    if (row.status === 'expired' || this.#isDue(row)) {
      this.#expire(row);
      throw new HttpError(
        410,
        'export_expired',
        `The export ${id} expired at ${row.expires_at} and its file was deleted; ` +
          'create a new export.',
      );
    }
    return this.#toJob(row, baseUrl);
  }

  /**
   * The file of a signed URL as a response body, or why not: 'forbidden' (a bad or expired
   * signature) or 'not_found' (no such completed export, or its file is gone).
   */
  download(
    id: string,
    expires: string | undefined,
    signature: string | undefined,
  ): { body: BodyInit; size: number; format: ExportFormat } | 'forbidden' | 'not_found' {
    if (!timingSafeEqual(this.#sign(id, expires ?? ''), signature ?? '')) return 'forbidden';
    if (!/^\d+$/.test(expires ?? '') || Number(expires) * 1000 <= this.#now()) return 'forbidden';
    const row = this.#row(id);
    const file = row?.status === 'completed' && row.file ? this.#files.read(row.file) : null;
    if (!row || !file) return 'not_found';
    return { ...file, format: row.format };
  }

  /** Resolves when every running job has settled (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    this.#closed = true;
    await this.idle();
  }

  #sweep({ atStart = false } = {}): void {
    try {
      this.#expireDue();
      if (atStart) this.#removeStrayFiles();
    } catch (error) {
      // Neither a timer's exception (it would end the process) nor a refused start: the next
      // sweep tries again.
      console.error('[immutable-emulator] deleting export files failed:', error);
    }
  }

  #isDue(row: ExportRow): boolean {
    return row.status === 'completed' && Date.parse(row.expires_at!) <= this.#now();
  }

  /** Deletes the files of completed exports whose retention has ended. */
  #expireDue(): void {
    const due = statement(
      this.#db,
      "SELECT * FROM exports WHERE status = 'completed' AND expires_at <= ?",
    ).all(formatTimestamp(this.#now())) as ExportRow[];
    for (const row of due) this.#expire(row);
  }

  /**
   * Leaves room for one more kept file in a scope: its oldest completed exports beyond the
   * newest `maxKept - 1` expire now (their GET answers 410 from this moment).
   */
  #makeRoom(scope: string): void {
    const oldest = statement(
      this.#db,
      `SELECT * FROM exports WHERE scope = ? AND status = 'completed'
         ORDER BY completed_at DESC, id DESC LIMIT -1 OFFSET ?`,
    ).all(scope, this.#maxKept - 1) as ExportRow[];
    for (const row of oldest) this.#expire(row);
  }

  #expire(row: ExportRow): void {
    if (row.status !== 'completed') return;
    if (row.file) this.#files.remove(row.file);
    // An export expired early (to make room) says so with the moment it went, not its due date.
    statement(
      this.#db,
      "UPDATE exports SET status = 'expired', file = NULL, expires_at = min(expires_at, ?) WHERE id = ?",
    ).run(formatTimestamp(this.#now()), row.id);
  }

  /**
   * Deletes the export files no kept export owns: a failed job's partial file, an expired one's
   * that could not be deleted then, and those of a database since replaced (only once older than
   * the retention period: another emulator may share the directory).
   */
  #removeStrayFiles(): void {
    for (const { name, location, modifiedMs } of this.#files.list()) {
      const id = EXPORT_FILE.exec(name)?.[1];
      if (!id) continue;
      const row = this.#row(id);
      const kept = row
        ? row.status === 'pending' || row.status === 'processing' || row.file === location
        : modifiedMs > this.#now() - this.#retentionMs;
      if (!kept) this.#files.remove(location);
    }
  }

  #sign(id: string, expires: string): string {
    return toBase64Url(hmacSha256(this.#secret, utf8(`export:${id}:${expires}`)));
  }

  #row(id: string): ExportRow | undefined {
    return statement(this.#db, 'SELECT * FROM exports WHERE id = ?').get(id) as
      ExportRow | undefined;
  }

  #file(row: ExportRow): string {
    return this.#files.locate(`${row.id}.${row.format}`);
  }

  #toJob(row: ExportRow, baseUrl: string | null): ExportJob {
    let downloadUrl: string | null = null;
    let linkExpiresAt: string | null = null;
    if (row.status === 'completed' && baseUrl) {
      // A fresh link on every read, never outliving the file.
      const expiresMs = Math.min(this.#now() + DOWNLOAD_TTL_MS, Date.parse(row.expires_at!));
      const expires = String(Math.floor(expiresMs / 1000));
      const query = new URLSearchParams({ expires, signature: this.#sign(row.id, expires) });
      downloadUrl = `${baseUrl}/api/v1/exports/${row.id}/download?${query}`;
      linkExpiresAt = formatTimestamp(Number(expires) * 1000);
    }
    return {
      id: row.id,
      status: row.status as ExportJob['status'],
      format: row.format,
      events_count: row.events_count,
      events_processed: row.events_processed,
      download_url: downloadUrl,
      error_message: row.error_message,
      created_at: row.created_at,
      completed_at: row.completed_at,
      expires_at: linkExpiresAt,
    };
  }

  #start(id: string): void {
    const run = this.#process(id).catch((error: unknown) => {
      if (this.#closed && !this.#db.open) return;
      const message = error instanceof Error ? error.message : String(error);
      statement(
        this.#db,
        "UPDATE exports SET status = 'failed', error_message = ?, completed_at = ? WHERE id = ?",
      ).run(message, formatTimestamp(this.#now()), id);
      const row = this.#row(id);
      try {
        if (row) this.#files.remove(this.#file(row)); // what was written before the failure
      } catch {
        // left for the next start's sweep of stray files
      }
    });
    this.#running.add(run);
    void run.finally(() => this.#running.delete(run));
  }

  async #process(id: string): Promise<void> {
    await tick();
    const row = this.#row(id);
    if (!row || this.#closed) return;
    const { filters, scope } = JSON.parse(row.filters) as { filters: EventFilters; scope: Scope };
    const file = this.#file(row);
    const setProgress = (column: 'events_count' | 'events_processed', n: number) =>
      statement(this.#db, `UPDATE exports SET ${column} = ? WHERE id = ?`).run(n, id);
    const written = await writeExportFile(
      this.#db,
      this.#files,
      { filters, scope, format: row.format, maxPk: row.max_pk, file },
      {
        counted: (n) => {
          statement(this.#db, "UPDATE exports SET status = 'processing' WHERE id = ?").run(id);
          setProgress('events_count', n);
          setProgress('events_processed', 0);
        },
        written: (n) => setProgress('events_processed', n),
        stopped: () => this.#closed,
      },
    );
    if (written === null) return;
    const done = this.#now();
    // The count was taken before rows were checked against their bodies: the file is the truth.
    statement(
      this.#db,
      `UPDATE exports SET status = 'completed', file = ?, completed_at = ?, expires_at = ?,
         events_count = ?, events_processed = ? WHERE id = ?`,
    ).run(
      file,
      formatTimestamp(done),
      formatTimestamp(done + this.#retentionMs),
      written,
      written,
      id,
    );
  }
}
