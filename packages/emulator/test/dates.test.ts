import { afterEach, describe, expect, it } from 'vitest';
import { payload, startHarness, type Harness } from './harness.js';

// One date rule (docs/api.md, "Query") for every date parameter: `from`/`to` on GET /events,
// POST /exports and GET /verify. Each value is asked of all three; they must agree.

let h: Harness;
afterEach(async () => {
  await h.emulator.close();
});

/** One event in each year range Date.UTC mishandles (0–99, 100–1899), then 1950 and a Feb 29. */
const EVENTS = {
  y0050: '0050-06-15T12:00:00.000Z',
  y1850: '1850-06-15T12:00:00.000Z',
  y1950: '1950-06-15T12:00:00.000Z',
  y2024: '2024-02-29T12:00:00.000Z',
};
type Label = keyof typeof EVENTS;
const ALL = Object.keys(EVENTS) as Label[];

async function seed() {
  h = startHarness();
  for (const [label, at] of Object.entries(EVENTS)) {
    h.clock.now = Date.parse(at);
    const res = await h.call('POST', '/events', { body: payload({ actor_id: label }) });
    expect(res.status).toBe(201);
    expect(res.body.data.created_at).toBe(at);
  }
}

/** What an endpoint made of one value: a 422 naming fields, or the events it covered. */
type Answer = { status: 422; fields: string[] } | { status: 'ok'; labels: Label[] };

const ok = (...labels: Label[]): Answer => ({ status: 'ok', labels: labels.sort() });
const refused = (param: string): Answer => ({ status: 422, fields: [param] });
const refusal = (body: any): Answer => ({ status: 422, fields: Object.keys(body.errors) });

/** What GET /events, POST /exports and GET /verify each make of `{[param]: value}`. */
async function answers(param: 'from' | 'to', value: string) {
  const query = `${param}=${encodeURIComponent(value)}`;

  const list = await h.call('GET', `/events?limit=100&${query}`);
  const events =
    list.status === 422 ? refusal(list.body) : ok(...list.body.data.map((e: any) => e.actor_id));

  const created = await h.call('POST', '/exports', { body: { format: 'json', [param]: value } });
  let exports: Answer;
  if (created.status === 422) exports = refusal(created.body);
  else {
    expect(created.status).toBe(202);
    await h.emulator.exports.idle();
    const job = await h.call('GET', `/exports/${created.body.data.id}`);
    const file = await h.call('GET', job.body.data.download_url, { auth: null });
    exports = ok(...file.body.map((e: any) => e.actor_id));
  }

  // verify reports how many events it walked, not which.
  const walked = await h.call('GET', `/verify?${query}`);
  const verify =
    walked.status === 422 ? refusal(walked.body) : { checked: walked.body.data.events_checked };
  return { events, exports, verify };
}

async function expectEverywhere(param: 'from' | 'to', value: string, expected: Answer) {
  expect(await answers(param, value), `${param}=${value}`).toEqual({
    events: expected,
    exports: expected,
    verify: expected.status === 422 ? expected : { checked: expected.labels.length },
  });
}

describe('every date parameter follows the one date rule', () => {
  it('reads four-digit years 0000–9999 as written (0099 is not 1999, 0100–1899 are not refused)', async () => {
    await seed();
    await expectEverywhere('from', '0000-01-01T00:00:00Z', ok(...ALL));
    await expectEverywhere('to', '0099-12-31T23:59:59Z', ok('y0050'));
    await expectEverywhere('from', '0100-01-01T00:00:00Z', ok('y1850', 'y1950', 'y2024'));
    await expectEverywhere('to', '1899-12-31T23:59:59Z', ok('y0050', 'y1850'));
    await expectEverywhere('from', '1900-01-01T00:00:00Z', ok('y1950', 'y2024'));
    await expectEverywhere('to', '9999-12-31T23:59:59.999Z', ok(...ALL));
    await expectEverywhere('to', '0050-06-15', ok('y0050'));
    await expectEverywhere('from', '0050-06-15T12:00:00.001Z', ok('y1850', 'y1950', 'y2024'));
  });

  it('applies offsets within ±23:59 and refuses +24:00 and +99:99', async () => {
    await seed();
    // y2024's 2024-02-29T12:00Z is 2024-03-01T11:59+23:59 and 2024-02-28T12:01-23:59.
    await expectEverywhere('to', '2024-03-01T11:59:00+23:59', ok(...ALL));
    await expectEverywhere('to', '2024-03-01T11:58:59.999+23:59', ok('y0050', 'y1850', 'y1950'));
    await expectEverywhere('from', '2024-02-28T12:01:00-23:59', ok('y2024'));
    await expectEverywhere('from', '2024-02-28T12:01:00.001-23:59', ok());
    for (const offset of ['+24:00', '-24:00', '+99:99', '+23:60', '+0100', '+01']) {
      await expectEverywhere('from', `2024-02-29T12:00:00${offset}`, refused('from'));
      await expectEverywhere('to', `2024-02-29T12:00:00${offset}`, refused('to'));
    }
  });

  it('accepts Feb 29 only in leap years', async () => {
    await seed();
    await expectEverywhere('from', '2024-02-29T12:00:00Z', ok('y2024'));
    await expectEverywhere('to', '2000-02-29', ok('y0050', 'y1850', 'y1950'));
    await expectEverywhere('from', '0000-02-29T00:00:00Z', ok(...ALL));
    for (const value of [
      '2023-02-29T00:00:00Z',
      '1900-02-29',
      '2100-02-29T00:00:00Z',
      '0100-02-29',
    ]) {
      await expectEverywhere('from', value, refused('from'));
    }
  });

  it('refuses 24:00:00, the leap second 23:59:60 and out-of-range fields', async () => {
    await seed();
    for (const value of [
      '2024-02-29T24:00:00Z',
      '2024-02-29T23:59:60Z',
      '2024-02-29T23:60:00Z',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-01-00',
    ]) {
      await expectEverywhere('to', value, refused('to'));
    }
  });

  it('refuses years outside 0000–9999 and instants that an offset pushes outside them', async () => {
    await seed();
    for (const value of [
      '10000-01-01T00:00:00Z',
      '+010000-01-01T00:00:00Z',
      '-000001-01-01T00:00:00Z',
      '999-01-01',
      '0000-01-01T00:00:00+00:01',
      '9999-12-31T23:59:59-00:01',
    ]) {
      await expectEverywhere('from', value, refused('from'));
    }
    await expectEverywhere('from', '0000-01-01T00:00:00-00:01', ok(...ALL));
    await expectEverywhere('to', '9999-12-31T23:59:59+00:01', ok(...ALL));
  });

  it('accepts a date, or an RFC 3339 date-time whose offset may be left out (UTC)', async () => {
    await seed();
    await expectEverywhere('from', '2024-02-29T12:00:00', ok('y2024'));
    await expectEverywhere('from', '2024-02-29t12:00:00z', ok('y2024'));
    await expectEverywhere('from', '2024-02-29 12:00:00Z', ok('y2024'));
    // Digits beyond the millisecond are dropped, as created_at has none.
    await expectEverywhere('from', '2024-02-29T12:00:00.000999999-00:00', ok('y2024'));
    await expectEverywhere('to', '1950-06-15T12:00:00.0009Z', ok('y0050', 'y1850', 'y1950'));
    await expectEverywhere('to', '1950-06-15', ok('y0050', 'y1850', 'y1950'));
    for (const value of [
      '2024-02-29T12:00Z',
      '2024-02-29T12:00:00,5Z',
      '2024-02-29T12Z',
      '2024-2-29',
      '20240229',
      ' 2024-02-29',
      '2024-02-29T12:00:00.Z',
      '2024-02-29T12:00:00Z ',
    ]) {
      await expectEverywhere('from', value, refused('from'));
    }
  });
});
