/** Bench part 3: verify every chain over HTTP, following cursors. */
import { getJson } from './http.js';
import { seconds } from './seconds.js';

export async function verifyAll(url: string) {
  let checked = 0;
  let pages = 0;
  let valid = true;
  let cursor: string | null = null;
  const t0 = performance.now();
  do {
    const query = new URLSearchParams({ limit: '100000' });
    if (cursor) query.set('cursor', cursor);
    const { data } = await getJson<{
      data: { events_checked: number; valid: boolean; next_cursor: string | null };
    }>(`${url}/api/v1/verify?${query}`);
    checked += data.events_checked;
    valid &&= data.valid;
    cursor = data.next_cursor;
    pages++;
  } while (cursor);
  const s = seconds(t0);
  return { events_checked: checked, pages, valid, seconds: s, events_per_s: checked / s };
}
