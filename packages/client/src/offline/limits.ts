import { MAX_BODY_BYTES } from '@getimmutable/contract';

/**
 * The longest record (NDJSON line or array element) read before giving up: an event is ingested
 * in a body of at most MAX_BODY_BYTES, and JSON escaping can write one character as six
 * (`\u001f`), so a real event's line stays below this. Without a bound, a file with no line
 * breaks (a binary, a pretty-printed NDJSON) would be held in memory whole.
 */
export const MAX_RECORD_CHARS = 8 * MAX_BODY_BYTES;
