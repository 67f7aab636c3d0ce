import type { AuditEvent } from '@getimmutable/client';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, inject, it } from 'vitest';
import { emulatorUrl, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { AuditLogTable } from './AuditLogTable.js';
import { loaded, noViolations } from './tableTestQueries.js';

describe('AuditLogTable', () => {
  it('renders the first page with column headers, naming the time zone', async () => {
    renderWithViewer(<AuditLogTable />, viewerFor('org_acme'), { timeZone: 'UTC' });
    const rows = await loaded();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      'Time (UTC)',
      'Actor',
      'Action',
      'Resource',
      'Targets',
      'Location',
      'Integrity',
    ]);
    expect(rows).toHaveLength(25);
    expect(screen.getByRole('table', { name: 'Audit events' })).toBeInTheDocument();
  });

  it('shows each row’s data: relative time with the absolute time in the zone, actor and action', async () => {
    let events: AuditEvent[] = [];
    renderWithViewer(
      <AuditLogTable defaultPageSize={10} onStateChange={(s) => (events = s.events)} />,
      viewerFor('org_acme'),
      { timeZone: 'UTC' },
    );
    const rows = await loaded();
    expect(rows).toHaveLength(10);
    const first = events[0]!;
    const row = rows[0]!;
    expect(row).toHaveAccessibleName(
      `${first.action} by ${first.actor_name ?? first.actor_id}: open details`,
    );
    expect(within(row).getByText(first.action)).toBeInTheDocument();
    const time = row.querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', first.created_at);
    // The absolute time follows the first paint (its Intl formatter is made in idle time).
    await waitFor(() => expect(time.getAttribute('title')).toMatch(/\(UTC\)$/));
    expect(within(row).getByText(/ago$/)).toBeInTheDocument();
    // The absolute time is the row's description, so it is announced on focus, not only on hover.
    expect(row).toHaveAccessibleDescription(time.getAttribute('title')!);
  });

  it('isolates user-supplied text in the cells and shows each override as its code point', async () => {
    const RLO = '\u202E';
    const payload = {
      tenant_id: 'org_bidi_table',
      actor_id: `user${RLO}`,
      actor_name: `Mallory${RLO}`,
      // Rendered raw, this action reads "document.created": the override reverses "detaerc".
      action: `document.${RLO}detaerc`,
      resource: `document${RLO}`,
      resource_name: `${RLO}gpj.exe`,
      targets: [{ type: `folder${RLO}`, name: `Shared${RLO}` }],
      context: { country: `${RLO}DE`, ip_address: `10.0.0.1${RLO}` },
    };
    const res = await fetch(`${emulatorUrl()}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('apiKey')}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(201);
    renderWithViewer(<AuditLogTable />, viewerFor('org_bidi_table'));
    const [row] = await loaded();
    // No override reaches the page: each is a mark that reads U+202E, inside its value's isolate.
    expect(row!.textContent).not.toContain(RLO);
    const isolates = Array.from(row!.querySelectorAll('bdi')).map((el) => el.textContent);
    expect(isolates).toEqual(
      expect.arrayContaining([
        'MalloryU+202E',
        'userU+202E',
        'document.U+202Edetaerc',
        'documentU+202E',
        'U+202Egpj.exe',
        'folderU+202E',
        'SharedU+202E',
        'U+202EDE',
        '10.0.0.1U+202E',
      ]),
    );
    const action = row!.querySelector('[data-slot="table-action"]')!;
    expect(action.querySelector('[data-slot="hidden-char"]')).toHaveTextContent('U+202E');
  });

  it('shows the absolute time inside the time cell, as the row’s accessible description', async () => {
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, viewerFor('org_acme'), {
      timeZone: 'UTC',
    });
    const rows = await loaded();
    await waitFor(() => expect(rows[0]!.querySelector('time')).toHaveAttribute('title'));
    for (const row of rows) {
      const absolute = row.querySelector('time')!.getAttribute('title')!;
      expect(absolute).toMatch(/\(UTC\)$/);
      const timeCell = within(row).getAllByRole('cell')[0]!;
      // In the cell's own text (not a popup over the next row), and what the row is described by.
      expect(within(timeCell).getByText(absolute)).toBeInTheDocument();
      expect(row).toHaveAccessibleDescription(absolute);
    }
  });

  it('has no axe violations once loaded', async () => {
    const { container } = renderWithViewer(
      <AuditLogTable selectedEventId={null} />,
      viewerFor('org_acme'),
    );
    await loaded();
    await noViolations(container);
  });
});
