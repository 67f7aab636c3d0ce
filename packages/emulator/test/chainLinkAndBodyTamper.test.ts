import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '@getimmutable/contract';
import { ids, tamperFixtures, verify, writeEvents } from './columnTamperSetup.js';

const { harness } = tamperFixtures();

describe('the links verify walks', () => {
  it("names a rewritten, re-hashed event whose successor's previous_event_hash column was edited to match", async () => {
    const h = harness();
    const { victim, after } = await writeEvents(h);
    const db = h.emulator.db;
    // Rewrite the victim and give it a correct hash of its new content: it verifies on its own.
    const row = db.prepare('SELECT body FROM events WHERE id = ?').get(victim.id) as {
      body: string;
    };
    const content = JSON.parse(row.body) as Record<string, unknown>;
    content.action = 'invoice.voided';
    const body = canonicalize(content);
    const hash = crypto.createHash('sha256').update(body, 'utf8').digest('hex');
    db.prepare('UPDATE events SET body = ?, event_hash = ? WHERE id = ?').run(
      body,
      hash,
      victim.id,
    );
    // Relink the successor by its column only (its body, which is hashed, still names the old hash).
    db.prepare('UPDATE events SET previous_event_hash = ? WHERE id = ?').run(hash, after.id);

    const result = await verify(h, '?tenant_id=org_a');
    expect(result.valid).toBe(false);
    expect(result.breaks).toContainEqual({
      type: 'column_mismatch',
      event_id: after.id,
      sequence: after.integrity.sequence,
      expected: `events.previous_event_hash=${JSON.stringify(victim.integrity.event_hash)}`,
      actual: `events.previous_event_hash=${JSON.stringify(hash)}`,
    });
  });

  it("hides another actor's values from an actor-scoped viewer's verify", async () => {
    const h = harness();
    const { victim } = await writeEvents(h);
    h.emulator.db
      .prepare(
        "UPDATE events_search SET text = 'x' WHERE rowid = (SELECT pk FROM events WHERE id = ?)",
      )
      .run(victim.id);
    const result = await verify(h, '', await h.viewer('org_a', 'user_1'));
    expect(result.breaks).toEqual([
      {
        type: 'column_mismatch',
        event_id: null,
        sequence: victim.integrity.sequence,
        expected: null,
        actual: null,
      },
    ]);
  });
});

describe('a body that is no longer JSON', () => {
  it('is skipped by reads instead of failing every page that holds it, and named by verify', async () => {
    const h = harness();
    const { victim, after } = await writeEvents(h);
    const db = h.emulator.db;
    // A trailing comma: JSON5, which SQLite's JSON functions (so the generated columns) accept.
    const { body } = db.prepare('SELECT body FROM events WHERE id = ?').get(victim.id) as {
      body: string;
    };
    db.prepare('UPDATE events SET body = ? WHERE id = ?').run(`${body.slice(0, -1)},}`, victim.id);

    const page = await h.call('GET', '/events');
    expect(page.status).toBe(200);
    expect(ids(page.body.data)).toContain(after.id);
    expect(ids(page.body.data)).not.toContain(victim.id);
    expect((await h.call('GET', `/events/${victim.id}`)).status).toBe(404);
    const result = await verify(h);
    expect(result.breaks).toEqual([
      expect.objectContaining({
        type: 'hash_mismatch',
        event_id: victim.id,
        actual: victim.integrity.event_hash,
      }),
    ]);
  });
});
