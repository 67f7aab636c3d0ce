import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eventFromRow } from './eventRows.js';
import { filtersSql, type EventFilters } from './eventFilters.js';
import { exportWriter } from './exportFormats.js';
import { statement, type Db } from './openDatabase.js';
import { formatTimestamp } from './timeBounds.js';
import type { ExportFormat, ExportJob, Scope } from './types.js';

const CHUNK = 2000;
export const DOWNLOAD_TTL_MS = 3_600_000;

interface ExportRow {
  id: string;
  scope: string;
  status: ExportJob['status'];
  format: ExportFormat;
  filters: string;
  max_pk: number;
  events_count: number | null;
  events_processed: number;
  error_message: string | null;
  file: string | null;
  created_at: string;
  completed_at: string | null;
  expires_at: string | null;
}

export const scopeKey = (scope: Scope): string =>
  scope.kind === 'api_key' ? 'api_key' : JSON.stringify([scope.tenant_id, scope.actor_id]);

/**
 * Exports as asynchronous jobs: created `pending`, processed in chunks between other requests
 * (`processing`, `events_processed` rising), written to a file beside the database, then
 * `completed` with a signed, expiring download URL — or `failed` with the reason.
 */
export class ExportJobs {
  readonly #db: Db;
  readonly #dir: string;
  readonly #secret: Buffer;
  readonly #now: () => number;
  readonly #running = new Set<Promise<void>>();
  #closed = false;

  constructor(db: Db, options: { dir: string; secret: Buffer; now: () => number }) {
    this.#db = db;
    this.#dir = options.dir;
    this.#secret = options.secret;
    this.#now = options.now;
    // Jobs a previous process left unfinished start again from the beginning.
    const unfinished = db
      .prepare("SELECT id FROM exports WHERE status IN ('pending', 'processing')")
      .all() as { id: string }[];
    for (const { id } of unfinished) this.#start(id);
  }

  create(filters: EventFilters, format: ExportFormat, scope: Scope): ExportJob {
    const id = `exp_${crypto.randomUUID().replace(/-/g, '')}`;
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

  /** The job as `scope` may see it (API key: all; a viewer: only what its own scope created). */
  get(id: string, scope: Scope, baseUrl: string): ExportJob | null {
    const row = this.#row(id);
    if (!row) return null;
    if (scope.kind !== 'api_key' && row.scope !== scopeKey(scope)) return null;
    return this.#toJob(row, baseUrl);
  }

  /** A file to send for a signed URL, or why not: 'forbidden' (bad/expired) or 'not_found'. */
  download(
    id: string,
    expires: string | undefined,
    signature: string | undefined,
  ): { file: string; format: ExportFormat } | 'forbidden' | 'not_found' {
    const expected = Buffer.from(this.#sign(id, expires ?? ''));
    const given = Buffer.from(signature ?? '');
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given))
      return 'forbidden';
    if (!/^\d+$/.test(expires ?? '') || Number(expires) * 1000 <= this.#now()) return 'forbidden';
    const row = this.#row(id);
    if (!row || row.status !== 'completed' || !row.file || !fs.existsSync(row.file))
      return 'not_found';
    return { file: row.file, format: row.format };
  }

  /** Resolves when every running job has settled (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.idle();
  }

  #sign(id: string, expires: string): string {
    return crypto
      .createHmac('sha256', this.#secret)
      .update(`export:${id}:${expires}`)
      .digest('base64url');
  }

  #row(id: string): ExportRow | undefined {
    return statement(this.#db, 'SELECT * FROM exports WHERE id = ?').get(id) as
      ExportRow | undefined;
  }

  #toJob(row: ExportRow, baseUrl: string | null): ExportJob {
    let downloadUrl: string | null = null;
    if (row.status === 'completed' && row.expires_at && baseUrl) {
      const expires = String(Math.floor(Date.parse(row.expires_at) / 1000));
      const query = new URLSearchParams({ expires, signature: this.#sign(row.id, expires) });
      downloadUrl = `${baseUrl}/api/v1/exports/${row.id}/download?${query}`;
    }
    return {
      id: row.id,
      status: row.status,
      format: row.format,
      events_count: row.events_count,
      events_processed: row.events_processed,
      download_url: downloadUrl,
      error_message: row.error_message,
      created_at: row.created_at,
      completed_at: row.completed_at,
      expires_at: row.expires_at,
    };
  }

  #start(id: string): void {
    const run = this.#process(id).catch((error: unknown) => {
      if (this.#closed && !this.#db.open) return;
      const message = error instanceof Error ? error.message : String(error);
      statement(
        this.#db,
        "UPDATE exports SET status = 'failed', error_message = ?, completed_at = ? WHERE id = ?",
      ).run(`Export failed: ${message}`, formatTimestamp(this.#now()), id);
    });
    this.#running.add(run);
    void run.finally(() => this.#running.delete(run));
  }

  async #process(id: string): Promise<void> {
    await tick();
    const row = this.#row(id);
    if (!row || this.#closed) return;
    const { filters, scope } = JSON.parse(row.filters) as { filters: EventFilters; scope: Scope };
    const sql = filtersSql(filters, scope);
    sql.where.push('e.pk <= ?');
    sql.params.push(row.max_pk);
    const where = sql.where.join(' AND ');
    const { n } = statement(this.#db, `SELECT count(*) AS n FROM events e WHERE ${where}`).get(
      ...sql.params,
    ) as {
      n: number;
    };
    statement(
      this.#db,
      "UPDATE exports SET status = 'processing', events_count = ?, events_processed = 0 WHERE id = ?",
    ).run(n, id);

    fs.mkdirSync(this.#dir, { recursive: true });
    const file = path.join(this.#dir, `${id}.${row.format}`);
    const writer = exportWriter[row.format];
    const fd = fs.openSync(file, 'w');
    try {
      fs.writeSync(fd, writer.header);
      const page = statement(
        this.#db,
        `SELECT e.body, e.event_hash, e.created_at, e.sequence, e.id FROM events e
         WHERE ${where} AND (e.created_at, e.sequence, e.id) < (?, ?, ?)
         ORDER BY e.created_at DESC, e.sequence DESC, e.id DESC LIMIT ${CHUNK}`,
      );
      let position: [string, number, string] = ['\uffff', Number.MAX_SAFE_INTEGER, '\uffff'];
      let processed = 0;
      for (;;) {
        if (this.#closed) return;
        const rows = page.all(...sql.params, ...position) as Array<{
          body: string;
          event_hash: string;
          created_at: string;
          sequence: number;
          id: string;
        }>;
        if (rows.length === 0) break;
        let chunk = '';
        for (const r of rows) chunk += writer.row(eventFromRow(r.body, r.event_hash), processed++);
        fs.writeSync(fd, chunk);
        const last = rows.at(-1)!;
        position = [last.created_at, last.sequence, last.id];
        statement(this.#db, 'UPDATE exports SET events_processed = ? WHERE id = ?').run(
          processed,
          id,
        );
        await tick(); // let requests (progress polls among them) in between chunks
      }
      fs.writeSync(fd, writer.footer);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const done = this.#now();
    statement(
      this.#db,
      "UPDATE exports SET status = 'completed', file = ?, completed_at = ?, expires_at = ? WHERE id = ?",
    ).run(file, formatTimestamp(done), formatTimestamp(done + DOWNLOAD_TTL_MS), id);
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
