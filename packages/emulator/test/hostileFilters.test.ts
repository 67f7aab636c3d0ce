import { FILTER_NAMES } from '@getimmutable/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../src/cursor.js';
import { API_KEY, payload, startHarness, type Harness } from './harness.js';

let h: Harness;
let base: string;

afterEach(async () => {
  await h.emulator.close();
});

/** A real server with events that hold some of the nasty text, so filters can match it. */
async function start() {
  h = startHarness();
  base = (await h.emulator.listen(0, '127.0.0.1')).url;
  for (const text of ['plain', 'ab\u0000cd', 'q"uo*te%_\\', '\uffff\u2028\ufffd', '😀 e\u0301']) {
    const res = await tcp('POST', '/api/v1/events', {
      body: payload({
        actor_id: `user ${text}`,
        action: `act.${text}`,
        resource: text,
        resource_id: text,
        session_id: text,
        resource_name: text,
        targets: [{ type: text, id: text }],
        metadata: { note: text },
      }),
    });
    expect(res.status).toBe(201);
  }
}

async function tcp(method: string, path: string, options: { body?: unknown } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${API_KEY}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const res = await fetch(`${base}${path}`, { method, headers, body });
  return { status: res.status, body: (await res.json()) as any };
}

/** Code points and runs that have broken (or could break) SQL, FTS5, LIKE, GLOB or JSON. */
const NASTY: Array<[label: string, value: string]> = [
  ['NUL', '\u0000'],
  ['NUL inside a word of 3+ characters', 'ab\u0000cd'],
  ['three NULs', '\u0000\u0000\u0000'],
  ['NUL between words', 'plain \u0000 report'],
  ['U+FFFF', '\uffff'],
  ['U+FFFF word', '\uffff\uffff\uffff'],
  ['U+FFFE and U+FFFD', '\ufffe\ufffd\ufffe'],
  ['U+2028 and U+2029', 'a\u2028b\u2029c'],
  ['BOM', '\ufeffplain'],
  ['C0 and C1 controls', '\u0001\u0007\u001b\u007f\u0085\u009f'],
  ['double quote', '"'],
  ['quoted word', '"plain"'],
  ['unbalanced quotes', 'a"b""c"""'],
  ['star', '*'],
  ['stars', 'a*b**'],
  ['percent', '%'],
  ['underscore', '_'],
  ['backslash', '\\'],
  ['LIKE and GLOB specials', '\\%_[?]^*'],
  ['FTS5 syntax', 'NEAR(a b, 3) OR c* AND ^d NOT -e:f {g h}'],
  ['SQL', "'; DROP TABLE events; --"],
  ['astral', '😀'],
  ['combining mark', 'e\u0301'],
  ['right-to-left override', '\u202eabc'],
  ['1,000 characters', 'a'.repeat(1000)],
  ['1,000 quotes', '"'.repeat(1000)],
  ['1,000 NULs', '\u0000'.repeat(1000)],
  ['1,000 mixed specials', '"*%_\\\u0000 '.repeat(125)],
  ['500 astral (1,000 UTF-16 units)', '😀'.repeat(500)],
  ['1,001 characters', 'a'.repeat(1001)],
];

/** Query-string encodings no JS string makes: lone surrogates as UTF-8 bytes, broken UTF-8. */
const RAW: string[] = [
  '%ED%A0%80',
  'a%ED%B0%80b',
  '%ED%A0%80%ED%B0%80',
  '%FF%FE',
  '%C0%80',
  '%E2%82',
  '%',
  '%zz',
  '%00%ED%A0%80',
];

/** Lone surrogates, which only a JSON body (`"\ud800"`) can carry. */
const LONE_SURROGATES = ['\ud800', 'a\udc00b', '\udfff\ud800'];

/** The action filter also as globs, since `*` takes it down another path. */
const variants = (filter: string, value: string): Array<[string, string]> =>
  filter === 'action'
    ? [
        ['action', value],
        ['action', `${value}*`],
        ['action', `*${value}`],
      ]
    : [[filter, value]];

function expectAnswered(res: { status: number; body: any }, field: string, label: string) {
  expect([200, 422], `${label} → ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
  if (res.status === 422) {
    expect(res.body.code, label).toBe('validation_error');
    expect(Object.keys(res.body.errors), label).toContain(field);
  }
}

describe('hostile filter values', () => {
  it('answers GET /events with 200 or 422 naming the field for every filter and nasty value, never 500', async () => {
    await start();
    for (const filter of FILTER_NAMES) {
      for (const [label, value] of NASTY) {
        for (const [name, v] of variants(filter, value)) {
          const res = await tcp('GET', `/api/v1/events?${name}=${encodeURIComponent(v)}`);
          expectAnswered(res, name, `${name}=${JSON.stringify(v.slice(0, 20))} (${label})`);
        }
      }
      for (const raw of RAW) {
        for (const [name, v] of variants(filter, raw)) {
          const res = await tcp('GET', `/api/v1/events?${name}=${v}`);
          expectAnswered(res, name, `${name}=${v} (raw)`);
        }
      }
    }
  });

  it('accepts or refuses every filter and nasty value at POST /exports, and no accepted export fails', async () => {
    await start();
    const values = [...NASTY.map(([, value]) => value), ...LONE_SURROGATES];
    for (const filter of FILTER_NAMES) {
      for (const value of values) {
        for (const [name, v] of variants(filter, value)) {
          const label = `${name}=${JSON.stringify(v.slice(0, 20))}`;
          const created = await tcp('POST', '/api/v1/exports', {
            body: { [name]: v, format: 'ndjson' },
          });
          if (created.status === 422) {
            expectAnswered(created, name, label);
            continue;
          }
          expect(created.status, `${label} → ${JSON.stringify(created.body)}`).toBe(202);
          await h.emulator.exports.idle();
          const job = await tcp('GET', `/api/v1/exports/${created.body.data.id}`);
          expect(job.status, label).toBe(200);
          expect(job.body.data.status, `${label}: ${job.body.data.error_message}`).toBe(
            'completed',
          );
        }
      }
    }
  });

  it('answers hostile cursors with 200 or 422 naming cursor, even forged with the right fingerprint', async () => {
    await start();
    const fp = fingerprint(['events', {}, { kind: 'api_key' }]);
    const forged = (position: string) =>
      Buffer.from(`{"p":${position},"f":"${fp}"}`).toString('base64url');
    const cursors = [
      ...NASTY.map(([, value]) => encodeURIComponent(value)),
      ...RAW,
      forged('["2026-03-04T09:00:00.000Z",1,"x",1]'),
      forged('["\\u0000","\\u0000","\\u0000","\\u0000"]'),
      forged('["\\ud800",1,"\\udc00",1]'),
      forged('["x",1e400,"y",1e400]'),
      forged('["x",-1e308,"y",-5]'),
      forged('["x",1.5,"y",2.5]'),
      forged('[null,null,null,null]'),
      forged('[]'),
      forged(`["${'z'.repeat(5000)}",9007199254740993,"${'z'.repeat(5000)}",9007199254740993]`),
    ];
    for (const cursor of cursors) {
      const res = await tcp('GET', `/api/v1/events?cursor=${cursor}`);
      expectAnswered(res, 'cursor', `cursor=${cursor.slice(0, 40)}`);
    }
  });

  it('refuses U+0000 in search and in an action glob, naming the field; exact filters match it exactly', async () => {
    await start();
    for (const [query, field, sentence] of [
      ['search=ab%00cd', 'search', 'must not contain U+0000'],
      ['search=%00', 'search', 'must not contain U+0000'],
      ['search=plain%20b%00', 'search', 'must not contain U+0000'],
      ['action=act.ab%00*', 'action', 'must not contain U+0000 in a glob'],
    ] as const) {
      const res = await tcp('GET', `/api/v1/events?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.errors, query).toEqual({ [field]: [sentence] });
      const exported = await tcp('POST', '/api/v1/exports', {
        body: { [field]: decodeURIComponent(query.slice(field.length + 1)) },
      });
      expect(exported.status, query).toBe(422);
    }
    for (const query of [
      'actor_id=user%20ab%00cd',
      'action=act.ab%00cd',
      'resource_id=ab%00cd',
      'target_id=ab%00cd',
    ]) {
      const res = await tcp('GET', `/api/v1/events?${query}`);
      expect(res.status, query).toBe(200);
      expect(
        res.body.data.map((e: any) => e.resource_id),
        query,
      ).toEqual(['ab\u0000cd']);
    }
  });

  it('refuses a lone surrogate in any filter of an export body, naming the field', async () => {
    await start();
    for (const filter of FILTER_NAMES) {
      const res = await tcp('POST', '/api/v1/exports', { body: { [filter]: 'a\ud800' } });
      expect(res.status, filter).toBe(422);
      expect(res.body.errors[filter], filter).toEqual([
        'must be valid Unicode (no lone surrogates)',
      ]);
    }
  });

  it('finds the nasty text it stored through every filter that should match it', async () => {
    await start();
    const text = 'q"uo*te%_\\';
    for (const query of [
      `actor_id=${encodeURIComponent(`user ${text}`)}`,
      `action=${encodeURIComponent(`act.${text}`)}`,
      `action=${encodeURIComponent('act.q"uo*')}`,
      `resource=${encodeURIComponent(text)}`,
      `session_id=${encodeURIComponent(text)}`,
      `target_type=${encodeURIComponent(text)}&target_id=${encodeURIComponent(text)}`,
      `search=${encodeURIComponent(text)}`,
      `search=${encodeURIComponent('%_\\ "u')}`,
      `search=${encodeURIComponent('*te')}`,
    ]) {
      const res = await tcp('GET', `/api/v1/events?${query}`);
      expect(res.status, query).toBe(200);
      expect(
        res.body.data.map((e: any) => e.resource_id),
        query,
      ).toEqual([text]);
    }
    const other = await tcp('GET', `/api/v1/events?search=${encodeURIComponent('\uffff\u2028')}`);
    expect(other.status).toBe(200);
    expect(other.body.data.map((e: any) => e.resource_id)).toEqual(['\uffff\u2028\ufffd']);
  });
});
