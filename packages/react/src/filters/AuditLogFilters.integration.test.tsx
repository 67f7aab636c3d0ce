import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { renderWithViewer } from '../../test/emulatorFixture.js';
import { FilteredList, recordingClient } from '../../test/filteredList.js';

const actions = () =>
  within(screen.getByRole('list', { name: 'Events' }))
    .queryAllByRole('listitem')
    .map((li) => li.textContent);

describe('AuditLogFilters with a real emulator', () => {
  it('shows only document.* events once document.* is typed into Action, with one request for it', async () => {
    const { client, queries } = recordingClient();
    const user = userEvent.setup();
    const { container } = renderWithViewer(<FilteredList />, client);
    await waitFor(() => expect(actions()).toHaveLength(50));
    expect(actions().some((a) => !a?.startsWith('document.'))).toBe(true);

    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'document.*');
    await waitFor(() => {
      const shown = actions();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((a) => a?.startsWith('document.'))).toBe(true);
    });
    // Typing sent no request per keystroke: the only filtered query is the whole pattern.
    const filtered = queries.filter((q) => q.has('action')).map((q) => q.get('action'));
    expect(filtered).toEqual(['document.*']);
    expect(
      (await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations,
    ).toEqual([]);
  });

  it('narrows by search and clears back to every event', async () => {
    const { client } = recordingClient();
    const user = userEvent.setup();
    renderWithViewer(<FilteredList />, client);
    await waitFor(() => expect(actions()).toHaveLength(50));
    await user.type(screen.getByRole('combobox', { name: 'Search' }), 'login_failed{Enter}');
    await waitFor(() => {
      const shown = actions();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((a) => a === 'auth.login_failed')).toBe(true);
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(new Set(actions()).size).toBeGreaterThan(1));
    expect(screen.getByRole('combobox', { name: 'Search' })).toHaveValue('');
  });
});
