import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyExport } from '../src/offline/index.js';
import { makeRealExports, piecesOf, type RealExports } from './offlineExportFixtures.js';

let real: RealExports;
let lines: string[];
beforeAll(async () => {
  real = await makeRealExports(60);
  lines = real.text.ndjson.trimEnd().split('\n');
});
afterAll(() => real.stop());

const verify = (text: string, size = 333) => verifyExport(piecesOf(text, size));
const ndjson = (rows: string[]) => rows.map((row) => `${row}\n`).join('');
/** The NDJSON file with line `n` (from 1) replaced. */
const withLine = (n: number, edit: (line: string) => string) =>
  ndjson(lines.map((line, i) => (i === n - 1 ? edit(line) : line)));
/** The JSON array file with element `i` (from 0) replaced. */
const withElement = (i: number, edit: (element: string) => string) =>
  `[${lines.map((line, j) => (j === i ? edit(line) : line)).join(',')}]`;

describe('verifyExport on NDJSON it cannot use', () => {
  it('names line 1 when the file is not JSON at all', async () => {
    const report = await verify('id,tenant_id,actor_id\r\nabc,org_acme,user_1\r\n');
    expect(report).toMatchObject({ status: 'unusable', format: null, events: 0 });
    expect(report.problem).toEqual({
      message: 'line 1: not JSON: an export is a JSON array or one event per line',
      line: 1,
      index: null,
    });
  });

  it('names a line that is not JSON', async () => {
    const report = await verify(withLine(7, (line) => line.replace('{', '{#')));
    expect(report.status).toBe('unusable');
    expect(report.problem).toMatchObject({ line: 7, index: null });
    expect(report.problem!.message).toMatch(/^line 7: not JSON \(/);
    expect(report.events).toBe(6);
  });

  it('names a truncated last line', async () => {
    const text = real.text.ndjson;
    const report = await verify(text.slice(0, text.length - 25));
    expect(report.problem).toMatchObject({ line: lines.length });
    expect(report.problem!.message).toMatch(
      new RegExp(`^line ${lines.length}: truncated: the file ends inside this event`),
    );
  });

  it('accepts a complete last line without its newline', async () => {
    expect((await verify(real.text.ndjson.trimEnd())).status).toBe('valid');
  });

  it.each([
    ['an array', () => '[1,2]', 'not a JSON object (an event)'],
    [
      'no integrity',
      (l: string) => l.replace(/,"integrity":\{[^}]*\}/, ''),
      'event.integrity must be an object',
    ],
    [
      'a sequence as text',
      (l: string) => l.replace(/"sequence":(\d+)/, '"sequence":"$1"'),
      'event.integrity.sequence must be a whole number from 1',
    ],
    [
      'sequence 0',
      (l: string) => l.replace(/"sequence":\d+/, '"sequence":0'),
      'event.integrity.sequence must be a whole number from 1',
    ],
    [
      'an upper-case hash',
      (l: string) =>
        l.replace(
          /"event_hash":"([0-9a-f]{64})"/,
          (_m, h: string) => `"event_hash":"${h.toUpperCase()}"`,
        ),
      'event.integrity.event_hash must be 64 lowercase hex digits',
    ],
    [
      'a numeric id',
      (l: string) => l.replace(/"id":"[^"]*"/, '"id":42'),
      'event.id must be a string',
    ],
  ])('names line 3 when an event has %s', async (_what, edit, reason) => {
    const report = await verify(withLine(3, edit));
    expect(report.problem).toEqual({ message: `line 3: ${reason}`, line: 3, index: null });
  });

  it('names a sequence beyond 2^53, which JSON.parse would round', async () => {
    const edit = (l: string) => l.replace(/"sequence":\d+/, '"sequence":9007199254740993');
    const report = await verify(withLine(4, edit));
    expect(report.problem!.message).toBe(
      'line 4: number 9007199254740993 at event.integrity.sequence is beyond 2^53 (JSON.parse would round it)',
    );
  });

  it('names an integer beyond 2^53 in metadata', async () => {
    const edit = (l: string) => l.replace('"metadata":{', '"metadata":{"big":-9007199254740993,');
    const report = await verify(withLine(5, edit));
    expect(report.problem!.message).toBe(
      'line 5: number -9007199254740993 at event.metadata.big is beyond 2^53 (JSON.parse would round it)',
    );
  });

  it('names a duplicate key, which JSON.parse would keep the last of', async () => {
    const edit = (l: string) => l.replace('"action":', '"action":"document.deleted","action":');
    const report = await verify(withLine(2, edit));
    expect(report.problem!.message).toBe('line 2: duplicate key "action" in event');
  });

  it('names a duplicate key spelt with an escape, nested', async () => {
    const edit = (l: string) => l.replace('"metadata":{', '"metadata":{"x":{"a":1,"\\u0061":2},');
    const report = await verify(withLine(2, edit));
    expect(report.problem!.message).toBe('line 2: duplicate key "a" in event.metadata.x');
  });

  it('names bytes that are not UTF-8', async () => {
    const bytes = new TextEncoder().encode(
      withLine(2, (l) => l.replace('"action":"', '"action":"\u0001')),
    );
    bytes[bytes.indexOf(1)] = 0xff;
    const report = await verifyExport([bytes]);
    expect(report.problem!.message).toBe('line 2: not UTF-8 text');
  });

  it('names a file cut inside a character as truncated, not as bad text', async () => {
    const bytes = new TextEncoder().encode(ndjson([lines[1]!, lines[0]!]));
    const cut = bytes.subarray(0, bytes.lastIndexOf(0xc3) + 1); // the first byte of an é
    const report = await verifyExport([cut]);
    expect(report.problem!.message).toMatch(/^line 2: truncated: the file ends inside this event/);
  });

  it('stops reading at the problem', async () => {
    let pieces = 0;
    async function* counted() {
      for await (const piece of piecesOf(
        withLine(2, () => 'oops'),
        100,
      )) {
        pieces++;
        yield piece;
      }
    }
    await verifyExport(counted());
    expect(pieces).toBeLessThan(20);
  });

  it('accepts Windows line ends', async () => {
    expect((await verify(lines.join('\r\n') + '\r\n')).status).toBe('valid');
  });

  it('skips blank lines but counts them', async () => {
    const report = await verify(`${lines[0]}\n\n  \n${lines[1]}\noops\n`);
    expect(report.problem!.message).toMatch(/^line 5: not JSON/);
    expect(report.events).toBe(2);
  });

  it('finds an empty file a valid export of no events', async () => {
    expect(await verify('')).toMatchObject({ status: 'valid', format: 'ndjson', events: 0 });
  });
});

describe('verifyExport on a JSON array it cannot use', () => {
  it('names the index of an element that is not JSON', async () => {
    const report = await verify(withElement(4, (e) => e.replace('{', '{,')));
    expect(report.problem).toMatchObject({ line: null, index: 4 });
    expect(report.problem!.message).toMatch(/^index 4: not JSON \(/);
  });

  it('names the element the file ends inside', async () => {
    const text = real.text.json;
    const report = await verify(text.slice(0, text.lastIndexOf(',{') + 100));
    expect(report.problem!.message).toBe(
      `index ${lines.length - 1}: the file ends inside this element (truncated)`,
    );
  });

  it('names an array that is never closed', async () => {
    const report = await verify(real.text.json.slice(0, -1));
    expect(report.problem!.message).toBe(
      `index ${lines.length}: the file ends before the array is closed (truncated)`,
    );
  });

  it('names a duplicate key and an integer beyond 2^53 by index', async () => {
    const duplicate = await verify(withElement(2, (e) => e.replace('"id":', '"id":"x","id":')));
    expect(duplicate.problem!.message).toBe('index 2: duplicate key "id" in event');
    const big = await verify(
      withElement(0, (e) => e.replace('"metadata":{', '"metadata":{"n":[1,18014398509481985],')),
    );
    expect(big.problem!.message).toBe(
      'index 0: number 18014398509481985 at event.metadata.n[1] is beyond 2^53 (JSON.parse would round it)',
    );
  });

  it('names an element that is not an event, a missing element and text after the end', async () => {
    expect((await verify(withElement(1, () => '"text"'))).problem!.message).toBe(
      'index 1: not a JSON object (an event)',
    );
    expect((await verify(`[${lines[0]},,${lines[1]}]`)).problem!.message).toBe(
      'index 1: missing element before ","',
    );
    expect((await verify(`[${lines[0]},]`)).problem!.message).toBe(
      'index 1: missing element before "]"',
    );
    expect((await verify(`${real.text.json}\n{}`)).problem!.message).toBe(
      `index ${lines.length}: text after the end of the array`,
    );
  });

  it('accepts a pretty-printed array, and an empty one', async () => {
    const pretty = JSON.stringify(JSON.parse(real.text.json), null, 2);
    expect(await verify(pretty)).toMatchObject({ status: 'valid', events: lines.length });
    expect(await verify(' [ ]\n')).toMatchObject({ status: 'valid', format: 'json', events: 0 });
  });
});
