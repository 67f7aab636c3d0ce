import { afterEach, describe, expect, it } from 'vitest';
import { cachedStatementCount, statement, STATEMENT_CACHE_SIZE } from '../src/store/Database.js';
import { payload, startHarness, type Harness } from './harness.js';

let h: Harness;

afterEach(async () => {
  await h.emulator.close();
});

async function write(...payloads: Record<string, unknown>[]) {
  for (const p of payloads) {
    const res = await h.call('POST', '/events', { body: p });
    expect(res.status).toBe(201);
  }
}

async function ids(query: string): Promise<string[]> {
  const res = await h.call('GET', `/events?${query}`);
  expect(res.status, `${query} → ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.data.map((e: { resource_id: string }) => e.resource_id);
}

/** GET /events and POST /exports both refuse `search` with this exact sentence. */
async function expectSearchRefused(search: string, sentence: string) {
  const get = await h.call('GET', `/events?search=${encodeURIComponent(search)}`);
  expect(get.status).toBe(422);
  expect(get.body.code).toBe('validation_error');
  expect(get.body.errors).toEqual({ search: [sentence] });
  expect(get.body.message).toBe(`The given data was invalid: search ${sentence}.`);
  const post = await h.call('POST', '/exports', { body: { search } });
  expect(post.status).toBe(422);
  expect(post.body.errors).toEqual({ search: [sentence] });
}

describe('search limits', () => {
  it('refuses more than 8 words with 422 naming the limit, on GET /events and POST /exports', async () => {
    h = startHarness();
    await expectSearchRefused(
      'one two three four five six seven eight nine',
      'must have at most 8 words',
    );
  });

  it('refuses more than 2 words of 1 or 2 characters, such as the 499 one-letter words of the issue', async () => {
    h = startHarness();
    await expectSearchRefused('a bb c report', 'must have at most 2 words of 1 or 2 characters');
    await expectSearchRefused('a b c', 'must have at most 2 words of 1 or 2 characters');
    const letters = Array.from({ length: 499 }, (_, i) => String.fromCharCode(97 + (i % 26)));
    const issue = await h.call('GET', `/events?search=${letters.join('%20')}`);
    expect(issue.status).toBe(422);
    expect(Object.keys(issue.body.errors)).toEqual(['search']);
  });

  it('refuses a search longer than 100 characters, counting code points', async () => {
    h = startHarness();
    await expectSearchRefused('x'.repeat(101), 'must be at most 100 characters');
    await expectSearchRefused(
      `${'abcdefghijkl '.repeat(7)}${'m'.repeat(10)}`,
      'must be at most 100 characters',
    );
    // 100 emoji are 200 UTF-16 units but 100 characters.
    const emoji = await h.call('GET', `/events?search=${encodeURIComponent('😀'.repeat(100))}`);
    expect(emoji.status).toBe(200);
  });

  it('names every limit a search breaks at once', async () => {
    h = startHarness();
    const search = `a b c d e f g h i ${'x'.repeat(90)}`;
    const res = await h.call('GET', `/events?search=${encodeURIComponent(search)}`);
    expect(res.status).toBe(422);
    expect(res.body.errors.search).toEqual([
      'must be at most 100 characters',
      'must have at most 8 words',
      'must have at most 2 words of 1 or 2 characters',
    ]);
  });

  it('accepts a search at every limit and still finds exactly what every word matches', async () => {
    h = startHarness();
    await write(
      payload({
        resource_id: 'hit',
        actor_name: 'Sarah Chen',
        resource_name: 'Q4 Report',
        metadata: { note: 'Quarterly budget, 5% over' },
      }),
      payload({ resource_id: 'miss', actor_name: 'Sarah Chen', resource_name: 'Q3 Report' }),
    );
    // 8 words, 2 of them short; padded with a long word to exactly 100 characters.
    const words = ['q4', '5%', 'sarah', 'chen', 'report', 'quarterly', 'budget'];
    const last = 'document'.padEnd(100 - words.join(' ').length - 1, '.');
    const search = [...words, 'document.created'].join(' ');
    expect(await ids(`search=${encodeURIComponent(search)}`)).toEqual(['hit']);
    const atLength = [...words, last].join(' ');
    expect([...atLength]).toHaveLength(100);
    expect(await ids(`search=${encodeURIComponent(atLength)}`)).toEqual([]);
    expect(await ids(`search=${encodeURIComponent('Q ER sarah')}`)).toEqual(['miss', 'hit']);
    expect(await ids(`search=${encodeURIComponent('4 %')}`)).toEqual(['hit']);
    const exported = await h.call('POST', '/exports', { body: { search, format: 'json' } });
    expect(exported.status).toBe(202);
  });
});

describe('prepared statement cache', () => {
  it('prepares one statement per kind of search, however many words of whatever lengths', async () => {
    h = startHarness();
    await write(
      payload({ resource_id: 'a', actor_name: 'Sarah Chen', resource_name: 'Q4 Report' }),
    );
    const before = cachedStatementCount(h.emulator.db);
    const long = ['sarah', 'chen', 'report', 'document', 'created', 'user_1', 'doc_1', 'org_a'];
    const short = ['q4', 'sa', 'c', 'r', 'do', 'e', '_', '%'];
    let seed = 7;
    const pick = <T>(list: T[]): T => list[(seed = (seed * 48271) % 2147483647) % list.length]!;
    const searches = new Set<string>();
    // Every mix and order of up to 8 words with at most 2 short ones: 2,000 distinct searches.
    while (searches.size < 2000) {
      const shorts = pick([0, 1, 2]);
      const words = Array.from({ length: pick([1, 2, 3, 4, 5, 6]) }, () => pick(long));
      for (let i = 0; i < shorts; i++) words.splice(pick([0, 1, 2, 3, 4, 5, 6]), 0, pick(short));
      searches.add(words.join(' '));
    }
    for (const search of searches) {
      const res = await h.call('GET', `/events?search=${encodeURIComponent(search)}`);
      expect(res.status, search).toBe(200);
    }
    // Indexed words share one MATCH, short ones one LIKE each (0–2): a handful of texts in all.
    expect(cachedStatementCount(h.emulator.db) - before).toBeLessThanOrEqual(8);
  });

  it(`keeps at most ${STATEMENT_CACHE_SIZE} statements across thousands of filter shapes`, async () => {
    h = startHarness();
    await write(payload({ resource_id: 'a', targets: [{ type: 'team', id: 't1' }] }));
    const optional: Array<[string, string[]]> = [
      ['actor_id', ['user_1']],
      ['resource', ['document']],
      ['resource_id', ['a']],
      ['tenant_id', ['org_a']],
      ['session_id', ['s']],
      ['action', ['document.created', 'document.*', '*.created']],
      ['target_type', ['team']],
      ['target_id', ['t1']],
      ['search', ['report', 'q4', 'report q4', 'q4 sa', 'report chen q4 sa']],
      ['from', ['2026-01-01']],
      ['to', ['2026-12-31']],
    ];
    let shapes = 0;
    for (let mask = 0; mask < 1 << optional.length && shapes < 2500; mask++) {
      const query = new URLSearchParams();
      optional.forEach(([name, values], i) => {
        if (mask & (1 << i)) query.set(name, values[mask % values.length]!);
      });
      const res = await h.call('GET', `/events?${query}`);
      expect(res.status, String(query)).toBe(200);
      shapes++;
    }
    expect(shapes).toBe(2048);
    expect(cachedStatementCount(h.emulator.db)).toBeLessThanOrEqual(STATEMENT_CACHE_SIZE);
  });

  it('hands back the cached statement for the same text and prepares an evicted one again', () => {
    h = startHarness();
    const db = h.emulator.db;
    const first = statement(db, 'SELECT 1 AS one');
    expect(statement(db, 'SELECT 1 AS one')).toBe(first);
    for (let i = 0; i < STATEMENT_CACHE_SIZE; i++) statement(db, `SELECT ${i + 2} AS n`);
    const again = statement(db, 'SELECT 1 AS one');
    expect(again).not.toBe(first);
    expect(again.get()).toEqual({ one: 1 });
    // The most recently used survive: the last texts are still the same objects.
    const recent = statement(db, `SELECT ${STATEMENT_CACHE_SIZE + 1} AS n`);
    expect(statement(db, `SELECT ${STATEMENT_CACHE_SIZE + 1} AS n`)).toBe(recent);
    expect(cachedStatementCount(db)).toBeLessThanOrEqual(STATEMENT_CACHE_SIZE);
  });
});
