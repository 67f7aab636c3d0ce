/**
 * The contract's numeric limits (docs/api.md): what the emulator enforces and what the client
 * and the kit clamp to before asking, so that neither guesses the other's number.
 */

/** `limit` of the list endpoints (`/events`, `/alerts`). */
export const PAGE_LIMIT = { min: 1, max: 100, default: 25 } as const;

/** `limit` of `GET /verify`: events checked per call. */
export const VERIFY_LIMIT = { min: 1, max: 100_000, default: 10_000 } as const;

/** Events in one `POST /events/batch`. */
export const MAX_BATCH = 100;

/** Targets of one event. */
export const MAX_TARGETS = 100;

/** The longest string field of an event payload, in UTF-16 units (`user_agent` has its own). */
export const MAX_STRING = 255;
export const MAX_USER_AGENT = 1024;
/** An event's `metadata` as compact JSON, in UTF-8 bytes, and how deep it may nest. */
export const MAX_METADATA_BYTES = 65_536;
export const MAX_METADATA_DEPTH = 64;

/** The longest filter value, in UTF-16 units; `search` has its own, stricter limits. */
export const MAX_FILTER_LENGTH = 1000;

/**
 * What one `search` may ask: at most this many characters (code points) and words, and words of
 * 1–2 characters (which no trigram index can find). The emulator's reasons are in its
 * eventFilters.ts.
 */
export const SEARCH_LIMITS = { characters: 100, words: 8, shortWords: 2 } as const;

/** The largest request body, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A page size the list endpoints accept: whole, within PAGE_LIMIT, the default when absent. */
export function clampPageSize(size: number | undefined): number {
  const n = Math.floor(size ?? PAGE_LIMIT.default);
  if (!Number.isFinite(n)) return PAGE_LIMIT.default;
  return Math.min(PAGE_LIMIT.max, Math.max(PAGE_LIMIT.min, n));
}
