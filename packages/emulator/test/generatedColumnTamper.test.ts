import { describe, expect, it } from 'vitest';
import {
  exported,
  forceColumns,
  ids,
  listAll,
  tamperFixtures,
  verify,
  VICTIM,
  writeEvents,
} from './columnTamperSetup.js';

const { harness } = tamperFixtures();

describe.each([
  { column: 'tenant_id', forged: 'org_b' },
  { column: 'actor_id', forged: 'user_b' },
  { column: 'action', forged: 'document.deleted' },
  { column: 'resource', forged: 'folder' },
  { column: 'resource_id', forged: 'doc_1' },
  { column: 'session_id', forged: 'sess_b' },
] as const)('events.$column', ({ column, forged }) => {
  const original = VICTIM[column];

  it(`refuses an SQL UPDATE of events.${column}`, async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    const update = () =>
      h.emulator.db.prepare(`UPDATE events SET ${column} = ? WHERE id = ?`).run(forged, victim.id);
    expect(update).toThrow(/cannot UPDATE generated column/);
    expect(ids(await listAll(h, `${column}=${original}`))).toContain(victim.id);
  });

  it(`names an edit forced past the schema in verify, and no read shows the event under it`, async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    const everything = await listAll(h, '');
    const others = (value: string) =>
      ids(everything.filter((e) => e[column] === value && e.id !== victim.id));
    forceColumns(h.emulator.db, victim.id, { [column]: forged });

    const result = await verify(h);
    expect(result.valid).toBe(false);
    expect(result.breaks).toContainEqual({
      type: 'column_mismatch',
      event_id: victim.id,
      sequence: victim.integrity.sequence,
      expected: `events.${column}=${JSON.stringify(original)}`,
      actual: `events.${column}=${JSON.stringify(forged)}`,
    });

    // Under the forged value: exactly the events whose body says it (pages of 2 are refilled
    // past the skipped row), never the victim.
    expect(ids(await listAll(h, `${column}=${forged}`))).toEqual(others(forged));
    // Under the original value it is hidden at worst — and verify named it above.
    expect(ids(await listAll(h, `${column}=${original}`))).toEqual(others(original));
    // org_b's viewers (one of them scoped to user_b) never see it, listed or by id.
    for (const token of [await h.viewer('org_b'), await h.viewer('org_b', 'user_b')]) {
      expect(ids(await listAll(h, '', token))).not.toContain(victim.id);
      expect(ids(await listAll(h, `${column}=${forged}`, token))).not.toContain(victim.id);
      expect((await h.call('GET', `/events/${victim.id}`, { auth: token })).status).toBe(404);
    }
    const sameTenantOtherActor = await h.viewer('org_a', 'user_b');
    expect(ids(await listAll(h, '', sameTenantOtherActor))).not.toContain(victim.id);
  });
});

describe('moving an event to another tenant by its columns', () => {
  it('names the move in verify without showing org_a values to org_b, and no read of org_b shows it', async () => {
    const h = harness();
    const { victim, after } = await writeEvents(h);
    forceColumns(h.emulator.db, victim.id, { tenant_id: 'org_b', chain: 'org_b' });

    const all = await verify(h);
    expect(all.valid).toBe(false);
    const named = all.breaks
      .filter((b) => b.event_id === victim.id)
      .map((b) => [b.type, b.expected]);
    expect(named).toContainEqual(['column_mismatch', 'events.tenant_id="org_a"']);
    expect(named).toContainEqual(['column_mismatch', 'events.chain="org_a"']);
    // org_a's own walk misses it: a gap before the next event.
    const orgA = await verify(h, '?tenant_id=org_a');
    expect(orgA.breaks).toContainEqual(
      expect.objectContaining({ type: 'sequence_gap', event_id: after.id }),
    );

    const orgBViewer = await h.viewer('org_b');
    const orgBVerify = await verify(h, '', orgBViewer);
    expect(orgBVerify.valid).toBe(false);
    expect(JSON.stringify(orgBVerify.breaks)).not.toContain(victim.id);
    expect(JSON.stringify(orgBVerify.breaks)).not.toContain('org_a');
    expect(ids(await listAll(h, '', orgBViewer))).not.toContain(victim.id);
    expect(ids(await listAll(h, 'tenant_id=org_b'))).not.toContain(victim.id);
    expect((await h.call('GET', `/events/${victim.id}`, { auth: orgBViewer })).status).toBe(404);
    expect(ids(await exported(h, {}, orgBViewer))).not.toContain(victim.id);
    expect(ids(await exported(h, { tenant_id: 'org_b' }))).not.toContain(victim.id);
    // Its own tenant still reads it by id: the body says org_a.
    const orgAViewer = await h.viewer('org_a');
    expect((await h.call('GET', `/events/${victim.id}`, { auth: orgAViewer })).status).toBe(200);
  });

  it('refuses an SQL UPDATE of events.chain, and names one forced past the schema', async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    const update = () =>
      h.emulator.db.prepare('UPDATE events SET chain = ? WHERE id = ?').run('org_b', victim.id);
    expect(update).toThrow(/cannot UPDATE generated column/);
    forceColumns(h.emulator.db, victim.id, { chain: 'org_b' });
    const result = await verify(h);
    expect(result.breaks).toContainEqual(
      expect.objectContaining({
        type: 'column_mismatch',
        event_id: victim.id,
        expected: 'events.chain="org_a"',
      }),
    );
    expect(ids(await listAll(h, '', await h.viewer('org_b')))).not.toContain(victim.id);
  });
});
