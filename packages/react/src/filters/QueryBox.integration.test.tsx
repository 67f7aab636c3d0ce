import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { renderWithViewer } from '../../test/emulatorFixture.js';
import { FilteredList, recordingClient } from '../../test/filteredList.js';

const rows = () => within(screen.getByRole('list', { name: 'Events' })).queryAllByRole('listitem');
const actions = () => rows().map((li) => li.textContent);
const box = () => screen.getByRole('combobox', { name: 'Search' });
const options = () =>
  within(screen.getByRole('listbox', { name: 'Suggestions' }))
    .queryAllByRole('option')
    .map((option) => option.textContent);
const idle = () => new Promise((resolve) => setTimeout(resolve, 400));

async function loaded() {
  const { client, queries } = recordingClient();
  const user = userEvent.setup();
  const view = renderWithViewer(<FilteredList />, client, { timeZone: 'UTC' });
  await waitFor(() => expect(rows()).toHaveLength(50));
  return { ...view, user, queries };
}

describe('the query box with a real emulator', () => {
  it('applies a typed query on Enter with one request carrying its filters', async () => {
    const { user, queries } = await loaded();
    // An actor with a document event on the loaded page (other tests may write events too).
    const actor = rows().find((li) => li.textContent?.startsWith('document.'))!.dataset['actor']!;
    await user.type(box(), `action:document.* actor:${actor} after:-90d`);
    await idle();
    expect(queries).toHaveLength(1);
    await user.keyboard('{Enter}');
    await waitFor(() => {
      expect(rows().length).toBeGreaterThan(0);
      expect(rows().every((li) => li.dataset['actor'] === actor)).toBe(true);
      expect(actions().every((a) => a?.startsWith('document.'))).toBe(true);
    });
    expect(queries).toHaveLength(2);
    const sent = queries[1]!;
    expect(sent.get('action')).toBe('document.*');
    expect(sent.get('actor_id')).toBe(actor);
    expect(Date.now() - Date.parse(sent.get('from')!)).toBeLessThan(90 * 86_400_000 + 60_000);
  });

  it('refuses an unknown key, naming it, and sends no request', async () => {
    const { user, queries } = await loaded();
    await user.type(box(), 'acter:bob invoice{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown key "acter" in "acter:bob"');
    await user.tab();
    await idle();
    expect(queries).toHaveLength(1);
    expect(rows()).toHaveLength(50);
  });

  it('completes actors by name and actions from the loaded events, by keyboard', async () => {
    const { user, queries } = await loaded();
    const shown = new Set(actions());
    await user.type(box(), 'act');
    expect(options()).toEqual(['actor:Actor', 'action:Action']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(box()).toHaveValue('action:');
    // Every action of the loaded page, with the category wildcards first among those typed.
    expect(options().length).toBeGreaterThan(0);
    await user.type(box(), 'auth.');
    expect(options()[0]).toBe('auth.*');
    expect(
      options()
        .slice(1)
        .every((o) => shown.has(o)),
    ).toBe(true);
    await user.keyboard('{ArrowDown}{Tab}');
    expect(box()).toHaveValue('action:auth.* ');
    await user.keyboard('{Enter}');
    await waitFor(() => {
      expect(rows().length).toBeGreaterThan(0);
      expect(actions().every((a) => a?.startsWith('auth.'))).toBe(true);
    });
    expect(queries.at(-1)?.get('action')).toBe('auth.*');

    // An actor found by the name seen in the events; the id is what goes in.
    await user.type(box(), 'actor:sarah');
    const [sarah] = screen.getAllByRole('option');
    expect(sarah).toHaveTextContent('Sarah Chen');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(box()).toHaveValue('action:auth.* actor:user_2hG9kLm ');
  });

  it('removes a term with its chip: the list widens again, with one request', async () => {
    const { user, queries } = await loaded();
    await user.type(box(), 'action:auth.* login{Enter}');
    await waitFor(() => expect(actions().every((a) => a?.startsWith('auth.login'))).toBe(true));
    const before = queries.length;
    await user.click(screen.getByRole('button', { name: 'Remove login' }));
    expect(box()).toHaveValue('action:auth.*');
    await waitFor(() => expect(new Set(actions()).size).toBeGreaterThan(2));
    expect(queries.length).toBe(before + 1);
    expect(queries.at(-1)?.has('search')).toBe(false);
  });

  it('has no axe violations with the list loaded, suggestions open and chips shown', async () => {
    const { user, container } = await loaded();
    await user.type(box(), 'resource:session{Enter} actor:');
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    await user.keyboard('{ArrowDown}');
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);
  });
});
