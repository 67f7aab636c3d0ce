import type { AuditEvent } from '@getimmutable/client';
import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { emulatorUrl, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { AuditLogTable as AuditTable } from '../table/AuditLogTable.js';
import { loaded } from '../table/tableTestQueries.js';
import { EventDetailDrawer } from './EventDetailDrawer.js';

const TENANT = 'org_changes';
let pairs: AuditEvent;
let snapshots: AuditEvent;
let lookalike: AuditEvent;

/** Writes events through the API with the API key, as the host's backend would. */
async function ingest(metadata: Record<string, unknown>): Promise<AuditEvent> {
  const res = await fetch(`${emulatorUrl()}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${inject('apiKey')}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      tenant_id: TENANT,
      actor_id: 'user_ed',
      action: 'document.updated',
      resource: 'document',
      metadata,
    }),
  });
  return ((await res.json()) as { data: AuditEvent }).data;
}

beforeAll(async () => {
  pairs = await ingest({
    changes: {
      title: { from: 'Q1 plan', to: 'Q2 plan' },
      owner: { to: 'user_ed' },
      labels: { from: ['draft', 'internal'] },
    },
  });
  snapshots = await ingest({
    before: { status: 'draft', limits: { seats: 10 }, body: 'x'.repeat(300) },
    after: { status: 'published', limits: { seats: 25 }, body: 'x'.repeat(300) },
  });
  lookalike = await ingest({ changes: { words_added: 12, words_removed: 3 } });
});

function openOn(event: AuditEvent) {
  return renderWithViewer(
    <EventDetailDrawer event={event} open onOpenChange={() => undefined} />,
    viewerFor(TENANT),
  );
}

const rowNamed = (table: HTMLElement, name: RegExp) => within(table).getByRole('row', { name });

describe('the drawer shows what an update changed', () => {
  it('lists from/to pairs field by field, saying in words what was added and removed', async () => {
    openOn(pairs);
    const table = await screen.findByRole('table', { name: '3 fields changed' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Field', 'Before', 'After']);
    expect(rowNamed(table, /title changed/)).toHaveTextContent('Q1 planQ2 plan');
    expect(rowNamed(table, /owner added/)).toHaveTextContent('not setuser_ed');
    const removed = rowNamed(table, /labels removed/);
    expect(removed.querySelector('[data-slot="json-tree"]')).toHaveTextContent('draft');
    expect(removed).toHaveTextContent('not set');
  });

  it('compares before/after snapshots, leaving unchanged fields out, nested values as trees', async () => {
    openOn(snapshots);
    const table = await screen.findByRole('table', { name: '2 fields changed' });
    expect(rowNamed(table, /status changed/)).toHaveTextContent('draftpublished');
    const limits = rowNamed(table, /limits changed/);
    expect(limits.querySelectorAll('[data-slot="json-tree"]')).toHaveLength(2);
    expect(limits).toHaveTextContent(/seats.*10.*seats.*25/);
    expect(within(table).queryByRole('row', { name: /body/ })).toBeNull();
  });

  it('shows no diff for metadata that only looks like changes', async () => {
    openOn(lookalike);
    await screen.findByText('words_added', { exact: false });
    expect(screen.queryByRole('table', { name: /changed$/ })).toBeNull();
  });

  it('has no axe violations with a diff open', async () => {
    const { baseElement } = openOn(pairs);
    await screen.findByRole('table', { name: '3 fields changed' });
    const results = await axe.run(baseElement);
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('the table says how much an update changed', () => {
  it('shows "N fields changed" under the action, and nothing for look-alikes', async () => {
    renderWithViewer(<AuditTable />, viewerFor(TENANT));
    const rows = await loaded();
    const byId = (event: AuditEvent) =>
      rows.find((r) => r.getAttribute('data-event-id') === event.id)!;
    expect(byId(pairs)).toHaveTextContent('document.updated3 fields changed');
    expect(byId(snapshots)).toHaveTextContent('document.updated2 fields changed');
    expect(byId(lookalike).textContent).not.toMatch(/changed/);
  });
});
