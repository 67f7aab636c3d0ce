import { describe, expect, it } from 'vitest';
import {
  exported,
  ids,
  listAll,
  tamperFixtures,
  verify,
  writeEvents,
} from './columnTamperSetup.js';
import { payload } from './harness.js';

const { harness } = tamperFixtures();

describe('events_search', () => {
  it('names an edited search text, and no search shows the event under it', async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    h.emulator.db
      .prepare(
        "UPDATE events_search SET text = 'monthly\nzz' WHERE rowid = (SELECT pk FROM events WHERE id = ?)",
      )
      .run(victim.id);

    const result = await verify(h);
    expect(result.breaks).toHaveLength(1);
    expect(result.breaks[0]).toMatchObject({
      type: 'column_mismatch',
      event_id: victim.id,
      actual: 'events_search.text="monthly\\nzz"',
    });
    expect(result.breaks[0]!.expected).toContain('quarterly settlement');

    // A trigram word and a short (LIKE) word: only events whose body holds them.
    for (const word of ['monthly', 'zz']) {
      const found = await listAll(h, `search=${word}`);
      expect(ids(found)).not.toContain(victim.id);
      for (const event of found) expect(JSON.stringify(event).toLowerCase()).toContain(word);
    }
    expect(ids(await listAll(h, 'search=monthly', await h.viewer('org_a')))).not.toContain(
      victim.id,
    );
    // Under its real words it is hidden at worst; verify named it above.
    expect(await listAll(h, 'search=quarterly')).toEqual([]);
    // Export files apply the same check as pages.
    expect(ids(await exported(h, { search: 'monthly' }))).not.toContain(victim.id);
    expect(ids(await exported(h, { search: 'zz' }))).not.toContain(victim.id);
  });

  it('names a deleted search row', async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    h.emulator.db
      .prepare('DELETE FROM events_search WHERE rowid = (SELECT pk FROM events WHERE id = ?)')
      .run(victim.id);
    const result = await verify(h);
    expect(result.breaks).toEqual([
      expect.objectContaining({
        type: 'column_mismatch',
        event_id: victim.id,
        actual: 'events_search.text=null',
      }),
    ]);
  });

  it('accepts a search text whose metadata values come in another order than the body’s', async () => {
    const h = harness();
    const res = await h.call('POST', '/events', {
      body: payload({ metadata: { zeta: 'last', '10': 'ten', alpha: { b: 'bee', a: 'ay' } } }),
    });
    expect(res.status).toBe(201);
    expect((await verify(h)).valid).toBe(true);
    expect(ids(await listAll(h, 'search=bee ten'))).toEqual([res.body.data.id]);
  });
});
