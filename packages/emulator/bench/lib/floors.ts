/**
 * Bench part 6: what bounds ingest and verify, measured in process (no HTTP). Ingest: the cost
 * per event of the same batches on four schemas — full, and with the trigram search index, the
 * filter indexes or both dropped after opening — so each structure's cost is a difference of
 * two measurements. Verify: the cost per row of the whole walk beside its floor (reading the
 * rows, hashing and parsing each body), the rest being the copy checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEmulator, type Emulator } from '../../src/createEmulator.js';
import { sha256HexNode } from '../../src/crypto/nodeSha256.js';
import { COPIED_COLUMNS_SQL } from '../../src/eventRows.js';
import { generateSeedEvents } from '../../src/seed.js';
import type { Db } from '../../src/store/openDatabase.js';
import type { EventFields } from '../../src/types.js';
import { validatePayload } from '../../src/validatePayload.js';
import { verifyChains } from '../../src/verifyChains.js';
import { API_KEY } from './http.js';
import { BATCH } from './ingest.js';

const INGEST_WARMUP = 5_000;
const INGEST_TIMED = 20_000;
/** Rounds of all four variants in turn, so the shared machine's noise hits each alike. */
const INGEST_ROUNDS = 2;
/** Rounds of the verify parts in turn: each round is 3–4 s at 100k events. */
const VERIFY_ROUNDS = 2;
/** Bodies held at once for the hash and parse timings: enough to time, too few to swell RSS. */
const BODY_CHUNK = 2_000;
/** As `GET /verify?limit=100000` (the contract's maximum), so a walk is one page at 100k. */
const VERIFY_PAGE = 100_000;

/** CPU (user + system, every thread of the process) and wall time, in µs. */
interface Cost {
  cpu_us: number;
  wall_us: number;
}

function measure(run: () => void): Cost {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  run();
  const cpu = process.cpuUsage(cpu0);
  return { cpu_us: cpu.user + cpu.system, wall_us: (performance.now() - wall0) * 1000 };
}

const add = (a: Cost, b: Cost): Cost => ({
  cpu_us: a.cpu_us + b.cpu_us,
  wall_us: a.wall_us + b.wall_us,
});
const minus = (a: Cost, b: Cost): Cost => ({
  cpu_us: a.cpu_us - b.cpu_us,
  wall_us: a.wall_us - b.wall_us,
});
const per = (cost: Cost, count: number): Cost => ({
  cpu_us: cost.cpu_us / count,
  wall_us: cost.wall_us / count,
});
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
};
/** Per figure, the median over rounds: CPU and wall each on their own. */
const medianCost = (costs: Cost[]): Cost => ({
  cpu_us: median(costs.map((c) => c.cpu_us)),
  wall_us: median(costs.map((c) => c.wall_us)),
});

// ─── Ingest ─────────────────────────────────────────────────────────────────────────────

/** The indexes only the event filters read; events_chain_seq, the id and idempotency ones stay. */
const FILTER_INDEXES = [
  'events_order',
  'events_tenant',
  'events_actor',
  'events_action',
  'events_resource_id',
  'events_session',
];

/**
 * A plain table in place of the FTS5 one, with the columns ingest writes: the search text is
 * still computed and stored, only the trigram index over it is gone.
 */
function dropSearchIndex(db: Db) {
  db.exec('DROP TABLE events_search');
  db.exec('CREATE TABLE events_search (rowid INTEGER PRIMARY KEY, text TEXT)');
}

function dropFilterIndexes(db: Db) {
  for (const name of FILTER_INDEXES) db.exec(`DROP INDEX ${name}`);
}

const INGEST_VARIANTS: Array<{ name: string; change: (db: Db) => void }> = [
  { name: 'full schema', change: () => {} },
  { name: 'without the trigram search index', change: dropSearchIndex },
  { name: 'without the six filter indexes', change: dropFilterIndexes },
  {
    name: 'without both',
    change: (db) => {
      dropSearchIndex(db);
      dropFilterIndexes(db);
    },
  },
];

/**
 * Generated and validated once, outside every timing, then written by each variant to its own
 * fresh database: the same events, so no variant is measured on easier input, and no replays.
 */
function ingestBatches(): EventFields[][] {
  const errors = {};
  const payloads = generateSeedEvents(INGEST_WARMUP + INGEST_TIMED, { seed: 7100 }).map((s) =>
    validatePayload(s.payload, errors),
  );
  if (Object.keys(errors).length > 0) throw new Error(`invalid seed: ${JSON.stringify(errors)}`);
  const batches: EventFields[][] = [];
  for (let i = 0; i < payloads.length; i += BATCH) batches.push(payloads.slice(i, i + BATCH));
  return batches;
}

const countRows = (db: Db, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** One variant on a fresh temp-file emulator: warm-up, then the timed batches; the file is removed. */
async function ingestOnce(
  file: string,
  change: (db: Db) => void,
  batches: EventFields[][],
): Promise<{ cost: Cost; search_rows_ok: boolean }> {
  const emulator = createEmulator({ db: file, apiKey: API_KEY });
  try {
    change(emulator.db);
    const warmup = batches.slice(0, INGEST_WARMUP / BATCH);
    const timed = batches.slice(INGEST_WARMUP / BATCH);
    // Warm-up: V8's JIT, SQLite's statement cache, and the first pages of each b-tree.
    for (const batch of warmup) emulator.events.ingest(batch);
    const cost = measure(() => {
      for (const batch of timed) emulator.events.ingest(batch);
    });
    // The dropped-index variants must still write every copy, or their difference means nothing.
    const search_rows_ok =
      countRows(emulator.db, 'events_search') === countRows(emulator.db, 'events');
    return { cost: per(cost, INGEST_TIMED), search_rows_ok };
  } finally {
    await emulator.close();
    for (const suffix of ['', '-wal', '-shm', '.exports']) {
      fs.rmSync(file + suffix, { recursive: true, force: true });
    }
  }
}

interface IngestFloor {
  name: string;
  /** Median over rounds, per event. */
  cpu_us: number;
  wall_us: number;
  /** Each round's CPU µs per event, in round order: the spread the median hides. */
  cpu_us_rounds: number[];
  /** Full schema's CPU µs per event minus this one's: what the dropped structure costs. */
  saves_cpu_us: number;
  /** 1e6 / CPU µs: events per second on one core with nothing else to do. */
  ceiling_per_s: number;
  search_rows_ok: boolean;
}

export interface IngestFloors {
  warmup: number;
  events: number;
  batch: number;
  rounds: number;
  variants: IngestFloor[];
}

/** Times every ingest variant INGEST_ROUNDS times, interleaved, each on its own file in `dir`. */
export async function ingestFloors(dir: string): Promise<IngestFloors> {
  const batches = ingestBatches();
  const runs = INGEST_VARIANTS.map(() => [] as Array<{ cost: Cost; search_rows_ok: boolean }>);
  for (let round = 0; round < INGEST_ROUNDS; round++) {
    for (const [v, variant] of INGEST_VARIANTS.entries()) {
      const file = path.join(dir, `floors-ingest-${round}-${v}.db`);
      runs[v]!.push(await ingestOnce(file, variant.change, batches));
    }
  }
  const medians = runs.map((r) => medianCost(r.map((run) => run.cost)));
  const full = medians[0]!;
  return {
    warmup: INGEST_WARMUP,
    events: INGEST_TIMED,
    batch: BATCH,
    rounds: INGEST_ROUNDS,
    variants: INGEST_VARIANTS.map((variant, v) => ({
      name: variant.name,
      cpu_us: medians[v]!.cpu_us,
      wall_us: medians[v]!.wall_us,
      cpu_us_rounds: runs[v]!.map((run) => run.cost.cpu_us),
      saves_cpu_us: full.cpu_us - medians[v]!.cpu_us,
      ceiling_per_s: 1e6 / medians[v]!.cpu_us,
      search_rows_ok: runs[v]!.every((run) => run.search_rows_ok),
    })),
  };
}

// ─── Verify ─────────────────────────────────────────────────────────────────────────────

/** The rows verify's walk reads, without its search text and target rows (the copy checks). */
const WALK_ROWS_SQL = `SELECT e.pk, e.sequence, e.previous_event_hash, e.event_hash, e.body,
  ${COPIED_COLUMNS_SQL} FROM events e WHERE e.chain = ? AND e.sequence > 0 ORDER BY e.sequence`;
const BODY_AT = 4;

/** The whole walk as GET /verify runs it for an API key, page after page. */
function walkAll(db: Db): { rows: number; valid: boolean } {
  let rows = 0;
  let valid = true;
  let cursor: string | undefined;
  do {
    const page = verifyChains(
      db,
      { kind: 'api_key' },
      { range: { from: null, to: null }, tenant_id: undefined, cursor, limit: VERIFY_PAGE },
      Date.now(),
      sha256HexNode,
    );
    rows += page.events_checked;
    valid &&= page.valid;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return { rows, valid };
}

/** Reading alone: every row of every chain stepped through, nothing done with it. */
function readAll(db: Db, chains: string[]): number {
  const rows = db.prepare(WALK_ROWS_SQL).raw();
  let count = 0;
  for (const chain of chains) for (const _ of rows.iterate(chain)) count++;
  return count;
}

/**
 * Hashing and parsing, each timed alone over the same bodies, a chunk at a time (the reading
 * between chunks is not timed).
 */
function hashAndParseAll(db: Db, chains: string[]): { sha256: Cost; parse: Cost } {
  const rows = db.prepare(WALK_ROWS_SQL).raw();
  let sha256: Cost = { cpu_us: 0, wall_us: 0 };
  let parse: Cost = { cpu_us: 0, wall_us: 0 };
  let bodies: string[] = [];
  const flush = () => {
    sha256 = add(
      sha256,
      measure(() => {
        for (const body of bodies) sha256HexNode(body);
      }),
    );
    parse = add(
      parse,
      measure(() => {
        for (const body of bodies) JSON.parse(body);
      }),
    );
    bodies = [];
  };
  for (const chain of chains) {
    for (const row of rows.iterate(chain) as IterableIterator<unknown[]>) {
      bodies.push(row[BODY_AT] as string);
      if (bodies.length === BODY_CHUNK) flush();
    }
  }
  flush();
  return { sha256, parse };
}

export interface VerifyFloors {
  events: number;
  rounds: number;
  /** Per row, median over rounds. */
  read: Cost;
  sha256: Cost;
  json_parse: Cost;
  /** read + sha256 + json_parse: what no walk that reads, hashes and parses can go under. */
  floor: Cost;
  floor_ceiling_per_s: number;
  walk: Cost;
  walk_per_s: number;
  /** Whether every walk found the chains valid and walked exactly the rows the floor read. */
  walk_valid: boolean;
  walk_rows_match: boolean;
  /** walk − floor: reading and comparing the copies (target rows, search text, columns). */
  copy_checks: Cost;
}

/** Times the whole verify walk and its floor parts over the emulator's database, interleaved. */
export function verifyFloors(emulator: Emulator): VerifyFloors {
  const db = emulator.db;
  const chains = (db.prepare('SELECT DISTINCT chain FROM events').raw().all() as [string][]).map(
    ([chain]) => chain,
  );
  const rounds = {
    read: [] as Cost[],
    sha256: [] as Cost[],
    parse: [] as Cost[],
    walk: [] as Cost[],
  };
  let events = 0;
  let walkValid = true;
  let walkRowsMatch = true;
  for (let round = 0; round < VERIFY_ROUNDS; round++) {
    let rows = 0;
    const read = measure(() => (rows = readAll(db, chains)));
    rounds.read.push(per(read, rows));
    const { sha256, parse } = hashAndParseAll(db, chains);
    rounds.sha256.push(per(sha256, rows));
    rounds.parse.push(per(parse, rows));
    let walked = { rows: 0, valid: true };
    const walk = measure(() => (walked = walkAll(db)));
    rounds.walk.push(per(walk, walked.rows));
    walkValid &&= walked.valid;
    walkRowsMatch &&= walked.rows === rows;
    events = rows;
  }
  const read = medianCost(rounds.read);
  const sha256 = medianCost(rounds.sha256);
  const json_parse = medianCost(rounds.parse);
  const walk = medianCost(rounds.walk);
  const floor = add(add(read, sha256), json_parse);
  return {
    events,
    rounds: VERIFY_ROUNDS,
    read,
    sha256,
    json_parse,
    floor,
    floor_ceiling_per_s: 1e6 / floor.cpu_us,
    walk,
    walk_per_s: 1e6 / walk.cpu_us,
    walk_valid: walkValid,
    walk_rows_match: walkRowsMatch,
    copy_checks: minus(walk, floor),
  };
}

/** The floors part as the results hold it: ingest on its own files, verify on the first fill. */
export interface Floors {
  ingest: IngestFloors;
  verify: VerifyFloors | null;
}
