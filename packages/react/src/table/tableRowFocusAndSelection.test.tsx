import type { AuditEvent } from '@getimmutable/client';
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { AuditLogTable } from './AuditLogTable.js';
import { loaded } from './tableTestQueries.js';

describe('AuditLogTable', () => {
  it('moves row focus with the arrow keys and opens the focused row with Enter or Space', async () => {
    const user = userEvent.setup();
    const onEventSelect = vi.fn();
    let events: AuditEvent[] = [];
    renderWithViewer(
      <AuditLogTable
        defaultPageSize={10}
        onEventSelect={onEventSelect}
        onStateChange={(s) => (events = s.events)}
      />,
      viewerFor('org_acme'),
    );
    const rows = await loaded();
    // One tab stop: only the first row is in the tab order.
    expect(rows.filter((r) => r.tabIndex === 0)).toEqual([rows[0]]);
    await user.tab(); // the Columns button
    await user.tab();
    expect(rows[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
    expect(rows[1]).toHaveAttribute('tabindex', '0');
    expect(rows[0]).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{Enter}');
    expect(onEventSelect).toHaveBeenLastCalledWith(events[1]);
    await user.keyboard('{End}');
    expect(rows[9]).toHaveFocus();
    await user.keyboard('{ArrowDown}'); // stays on the last row
    expect(rows[9]).toHaveFocus();
    await user.keyboard('{Home}{ArrowDown}{ArrowDown}{ArrowUp} ');
    expect(rows[1]).toHaveFocus();
    expect(onEventSelect).toHaveBeenCalledTimes(2);
    expect(onEventSelect).toHaveBeenLastCalledWith(events[1]);
  });

  it('opens a row on click and marks the selected event', async () => {
    const user = userEvent.setup();
    const onEventSelect = vi.fn();
    let events: AuditEvent[] = [];
    const client = viewerFor('org_acme');
    const { rerender } = renderWithViewer(
      <AuditLogTable
        defaultPageSize={10}
        onEventSelect={onEventSelect}
        onStateChange={(s) => (events = s.events)}
      />,
      client,
    );
    const rows = await loaded();
    await user.click(within(rows[3]!).getAllByRole('cell')[2]!);
    expect(onEventSelect).toHaveBeenCalledWith(events[3]);
    rerender(
      <AuditLogTable
        defaultPageSize={10}
        onEventSelect={onEventSelect}
        selectedEventId={events[3]!.id}
      />,
    );
    expect(rows[3]).toHaveAttribute('aria-selected', 'true');
    expect(rows[3]).toHaveAttribute('data-state', 'selected');
    expect(rows[2]).toHaveAttribute('aria-selected', 'false');
  });

  it('returns focus to the activated row when the detail view closes', async () => {
    const user = userEvent.setup();
    const client = viewerFor('org_acme');
    let events: AuditEvent[] = [];
    const { rerender } = renderWithViewer(
      <AuditLogTable defaultPageSize={10} onStateChange={(s) => (events = s.events)} />,
      client,
    );
    const rows = await loaded();
    await user.click(rows[4]!);
    rerender(<AuditLogTable defaultPageSize={10} selectedEventId={events[4]!.id} />);
    (document.activeElement as HTMLElement).blur(); // a drawer took focus and was removed
    expect(document.body).toHaveFocus();
    rerender(<AuditLogTable defaultPageSize={10} selectedEventId={null} />);
    expect(rows[4]).toHaveFocus();
  });
});
