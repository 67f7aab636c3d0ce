/** Bench part 5: the worst searches the limits allow, and a page read meanwhile. */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SEARCH_LIMITS } from '@getimmutable/contract';
import { getJson } from './http.js';

/** Each worst-case search is run this many times; the slowest run is reported. */
const WORST_SEARCH_RUNS = 3;

/**
 * The most expensive searches within SEARCH_LIMITS found for the seed data. A short word
 * is a LIKE over every event's text; a word that matches nothing (`§`) sends the newest-first
 * walk through the whole index; common words make the trigram index read most of its entries.
 * Short words are capped (2), so "as many words as allowed, all short" is 2 short words.
 */
const WORST_SEARCHES: Array<[name: string, search: string]> = [
  ['2 short words, no match', 'e §'],
  ['2 common + 2 short words, no match', 'user_ document a §'],
  ['6 common + 2 short words', 'user_ document ion view sess login a §'],
  ['8 common words', 'user_ document ion view sess login ted upd'],
  [
    `${SEARCH_LIMITS.characters} characters of common trigrams`,
    'ate'.repeat(SEARCH_LIMITS.characters).slice(0, SEARCH_LIMITS.characters),
  ],
];

/**
 * A worst-case search, and `GET /events?limit=1` sent right behind it in the same tick: the
 * server reads it while the search holds the one JS thread, so its latency is the stall every
 * other client sees. The longest event-loop block is measured too, in case the page was read
 * first (then its own latency is small, and the block is the figure to read).
 */
async function searchStall(url: string, search: string) {
  const blocked = monitorEventLoopDelay({ resolution: 1 });
  let searchMs = 0;
  let pageMs = 0;
  blocked.enable();
  const t0 = performance.now();
  const query = new URLSearchParams({ search, limit: '50' });
  await Promise.all([
    getJson(`${url}/api/v1/events?${query}`).then(() => (searchMs = performance.now() - t0)),
    getJson(`${url}/api/v1/events?limit=1`).then(() => (pageMs = performance.now() - t0)),
  ]);
  blocked.disable();
  return { searchMs, pageMs, blockedMs: blocked.max / 1e6 };
}

export async function worstSearches(url: string) {
  const out: Record<
    string,
    { search: string; search_ms: number; page_meanwhile_ms: number; loop_blocked_ms: number }
  > = {};
  for (const [name, search] of WORST_SEARCHES) {
    const runs = [];
    for (let i = 0; i < WORST_SEARCH_RUNS; i++) runs.push(await searchStall(url, search));
    out[name] = {
      search,
      search_ms: Math.max(...runs.map((r) => r.searchMs)),
      page_meanwhile_ms: Math.max(...runs.map((r) => r.pageMs)),
      loop_blocked_ms: Math.max(...runs.map((r) => r.blockedMs)),
    };
  }
  return out;
}
