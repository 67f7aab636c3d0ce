import type { AuditEvent } from '@getimmutable/client';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, inject, it } from 'vitest';
import { emulatorUrl, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { AuditLog } from '../AuditLog.js';
import { dataRows, loaded } from '../table/tableTestQueries.js';

const TENANT = 'org_live_table';

const post = (resource_id: string) =>
  fetch(`${emulatorUrl()}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${inject('apiKey')}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      tenant_id: TENANT,
      actor_id: 'user_tail',
      action: 'document.viewed',
      resource: 'document',
      resource_id,
    }),
  }).then(async (r) => ((await r.json()) as { data: AuditEvent }).data);

const ids = () => dataRows().map((row) => row.getAttribute('data-event-id'));

describe('<AuditLog live />', () => {
  it('offers events that arrive and inserts them above, on request only', async () => {
    const user = userEvent.setup();
    const first = [await post('doc_1'), await post('doc_2')];
    renderWithViewer(<AuditLog live={{ intervalMs: 50 }} showVerify={false} />, viewerFor(TENANT));
    await loaded();
    expect(ids()).toEqual([first[1]!.id, first[0]!.id]);
    const arrived = [await post('doc_3'), await post('doc_4'), await post('doc_5')];
    const status = await screen.findByText('3 new events');
    expect(status).toHaveAttribute('role', 'status');
    // Not inserted until asked.
    expect(ids()).toEqual([first[1]!.id, first[0]!.id]);
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(ids()).toEqual([...arrived.reverse(), first[1], first[0]].map((e) => e!.id)),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show' })).toBeNull());
  });

  it('watches nothing without live', async () => {
    await post('doc_6');
    renderWithViewer(<AuditLog showVerify={false} />, viewerFor(TENANT));
    await loaded();
    await post('doc_7');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText(/new events?$/)).toBeNull();
  });
});

describe('<AuditLog live /> and the detail drawer', () => {
  it('opens an event while watching (the watch is not mistaken for a page of events)', async () => {
    const user = userEvent.setup();
    await post('doc_8');
    renderWithViewer(<AuditLog live={{ intervalMs: 50 }} showVerify={false} />, viewerFor(TENANT));
    const rows = await loaded();
    await new Promise((resolve) => setTimeout(resolve, 150)); // a poll or two in the cache
    await user.click(rows[0]!);
    const drawer = await screen.findByRole('dialog', { name: 'Event details' });
    expect(drawer).toHaveTextContent(rows[0]!.getAttribute('data-event-id')!);
  });
});
