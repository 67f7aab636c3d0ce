import type { Sha256Hex } from '../crypto/sha256.js';
import type { EventStore } from '../EventStore.js';
import type { ExportJobs } from '../ExportJobs.js';
import type { Database } from '../store/Database.js';
import type { TimeRange } from '../timeBounds.js';
import type { Scope } from '../types.js';

/** What the HTTP API is made of; the same in Node and in a browser. */
export interface AppParts {
  db: Database;
  events: EventStore;
  exports: ExportJobs;
  apiKey: string;
  /** The viewer tokens' signing key (viewerSecret of the API key). */
  secret: Uint8Array;
  now: () => number;
  /** The SHA-256 verify recomputes hashes with. */
  sha256Hex: Sha256Hex;
  allowOrigins?: readonly string[] | undefined;
  /** Base of download links: the configured public URL, else the listening address, else null. */
  linkBase: () => string | null;
}

/** What middleware hands to the routes after it (Hono's `c.get`). */
export interface Env {
  Variables: {
    /** Who is asking (authenticated). */
    scope: Scope;
    /** The parsed JSON body (jsonBody). */
    body: unknown;
    /** The page size asked for, or the default (pageLimit). */
    limit: number;
    /** `from`/`to` of the query as created_at bounds (timeRange). */
    range: TimeRange;
  };
}
