import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { AuditLogTable } from '../table/AuditLogTable.js';
import { dataRows, loaded } from '../table/tableTestQueries.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';
import { useAuditLogShortcuts } from './useAuditLogShortcuts.js';

/** A log-like root: a search field, the table, and the help, as `<AuditLog />` composes them. */
function Log({ enabled = true }: { enabled?: boolean }) {
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const [help, setHelp] = useState(false);
  useAuditLogShortcuts(root, { enabled, onShowHelp: () => setHelp(true) });
  return (
    <div ref={setRoot}>
      <div data-field="search">
        <label>
          Search <input />
        </label>
      </div>
      <AuditLogTable defaultPageSize={10} />
      {help ? <ShortcutsHelp onClose={() => setHelp(false)} /> : null}
    </div>
  );
}

const rowId = (row: Element | null | undefined) => row?.getAttribute('data-event-id');

describe('audit log keyboard shortcuts', () => {
  it('moves between rows with j and k, from the first row on', async () => {
    const user = userEvent.setup();
    renderWithViewer(<Log />, viewerFor('org_acme'));
    const rows = await loaded();
    await user.keyboard('j');
    expect(rows[0]).toHaveFocus();
    await user.keyboard('jj');
    expect(rowId(document.activeElement)).toBe(rowId(dataRows()[2]));
    await user.keyboard('k');
    expect(rowId(document.activeElement)).toBe(rowId(dataRows()[1]));
  });

  it('focuses the search with /, and types j and k into it as letters', async () => {
    const user = userEvent.setup();
    renderWithViewer(<Log />, viewerFor('org_acme'));
    await loaded();
    // The search box comes just after the first rows have painted.
    await screen.findByRole('textbox', { name: 'Search' });
    await user.keyboard('/');
    const search = screen.getByRole('textbox', { name: 'Search' });
    expect(search).toHaveFocus();
    await user.keyboard('jk/');
    expect(search).toHaveValue('jk/');
    expect(search).toHaveFocus();
  });

  it('turns pages with ] and [', async () => {
    const user = userEvent.setup();
    renderWithViewer(<Log />, viewerFor('org_acme'));
    await loaded();
    await user.keyboard(']');
    await waitFor(() => expect(screen.getByText('Page 2')).toBeInTheDocument());
    await loaded();
    await user.keyboard('[['); // user-event's escape for a literal [
    await waitFor(() => expect(screen.getByText('Page 1')).toBeInTheDocument());
  });

  it('lists the shortcuts on ?, and Escape closes the list with focus back', async () => {
    const user = userEvent.setup();
    const { container } = renderWithViewer(<Log />, viewerFor('org_acme'));
    await loaded();
    await user.keyboard('j');
    const row = document.activeElement;
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help).toHaveTextContent('jNext event');
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    expect((await axe.run(container)).violations.map((v) => v.id)).toEqual([]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(row).toHaveFocus();
  });

  it('does nothing when switched off, or with a modifier held', async () => {
    const user = userEvent.setup();
    const { rerender } = renderWithViewer(<Log enabled={false} />, viewerFor('org_acme'));
    await loaded();
    await user.keyboard('j/?]');
    expect(document.body).toHaveFocus();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    rerender(<Log />);
    await user.keyboard('{Control>}j{/Control}{Alt>}/{/Alt}');
    expect(document.body).toHaveFocus();
  });
});
