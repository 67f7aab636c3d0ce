import { describe, expect, it } from 'vitest';
import { ids, listAll, tamperFixtures, verify, writeEvents, type Ev } from './columnTamperSetup.js';
import { payload, type Harness } from './harness.js';

const { harness } = tamperFixtures();

describe('event_target_rows', () => {
  const victimPk = (h: Harness, id: string) =>
    (h.emulator.db.prepare('SELECT pk FROM events WHERE id = ?').get(id) as { pk: number }).pk;

  it('names an edited target type, and no target filter shows the event under it (reads or exports)', async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    h.emulator.db
      .prepare("UPDATE event_target_rows SET type = 'folder' WHERE event_pk = ?")
      .run(victimPk(h, victim.id));

    const result = await verify(h);
    expect(result.breaks).toEqual([
      {
        type: 'column_mismatch',
        event_id: victim.id,
        sequence: victim.integrity.sequence,
        expected: 'event_target_rows=[{"position":0,"type":"ledger","id":"ledger_9"}]',
        actual: 'event_target_rows=[{"position":0,"type":"folder","id":"ledger_9"}]',
      },
    ]);
    const underForged = await listAll(h, 'target_type=folder');
    expect(ids(underForged)).not.toContain(victim.id);
    for (const event of underForged) expect(event.targets.map((t) => t.type)).toContain('folder');
    expect(ids(await listAll(h, 'target_type=folder&target_id=ledger_9'))).toEqual([]);
    // Under its real target it is hidden at worst; verify named it above.
    expect(await listAll(h, 'target_type=ledger')).toEqual([]);

    const created = await h.call('POST', '/exports', {
      body: { target_type: 'folder', format: 'json' },
    });
    expect(created.status).toBe(202);
    await h.emulator.exports.idle();
    const job = (await h.call('GET', `/exports/${created.body.data.id}`)).body.data;
    expect(job.status).toBe('completed');
    const file = (await h.call('GET', job.download_url, { auth: null })).body as Ev[];
    expect(ids(file)).not.toContain(victim.id);
    expect(file.length).toBeGreaterThan(0);
  });

  it('names an edited target id and a target row added to an event', async () => {
    const h = harness();
    const { victim, before } = await writeEvents(h);
    const db = h.emulator.db;
    db.prepare("UPDATE event_target_rows SET id = 'ledger_1' WHERE event_pk = ?").run(
      victimPk(h, victim.id),
    );
    db.prepare(
      "INSERT INTO event_target_rows (event_pk, position, type, id) VALUES (?, 1, 'ledger', 'ledger_9')",
    ).run(victimPk(h, before.id));
    const result = await verify(h);
    expect(result.breaks.map((b) => [b.type, b.event_id])).toEqual([
      ['column_mismatch', before.id],
      ['column_mismatch', victim.id],
    ]);
    expect(ids(await listAll(h, 'target_id=ledger_1'))).toEqual([]);
    expect(ids(await listAll(h, 'target_type=ledger&target_id=ledger_9'))).toEqual([]);
  });

  it('finds nothing to name in targets that hold quotes, separators, a NUL or a null id', async () => {
    const h = harness();
    const targets = [
      { type: "it's", id: null },
      { type: 'a,b;c:d', id: "o'k\u0000NUL" },
      { type: '\u00e9t\u00e9 \ud83d\ude00', id: '0' },
    ];
    const res = await h.call('POST', '/events', { body: payload({ targets }) });
    expect(res.status).toBe(201);
    expect(await verify(h)).toMatchObject({ valid: true, breaks: [] });
    const id = res.body.data.id;
    expect(
      ids(await listAll(h, `target_type=a,b;c:d&target_id=${encodeURIComponent("o'k\u0000NUL")}`)),
    ).toEqual([id]);
    expect(ids(await listAll(h, "target_type=it's"))).toEqual([id]);
  });

  it('names a target row moved to another event, and a forged position never errors a read', async () => {
    const h = harness();
    const { victim, before } = await writeEvents(h);
    const db = h.emulator.db;
    db.prepare('UPDATE event_target_rows SET event_pk = ?, position = 1 WHERE event_pk = ?').run(
      victimPk(h, before.id),
      victimPk(h, victim.id),
    );
    db.prepare(
      "INSERT INTO event_target_rows (event_pk, position, type, id) VALUES (?, 'x', 'ledger', 'ledger_9')",
    ).run(victimPk(h, before.id));
    db.prepare(
      "INSERT INTO event_target_rows (event_pk, position, type, id) VALUES (?, -1, 'ledger', 'ledger_9')",
    ).run(victimPk(h, before.id));
    const result = await verify(h);
    expect(result.breaks.map((b) => [b.type, b.event_id])).toEqual([
      ['column_mismatch', before.id],
      ['column_mismatch', victim.id],
    ]);
    expect(ids(await listAll(h, 'target_id=ledger_9'))).toEqual([]);
  });
});
