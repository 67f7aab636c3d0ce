// The columns menu is the overlay primitive's non-modal popover. (Kept here while table/ is being
// split by another change; it belongs next to table/ColumnsMenu.tsx.)
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ColumnsMenu, type ColumnsMenuItem } from './ColumnsMenu.js';

function Page() {
  const [items, setItems] = useState<ColumnsMenuItem[]>([
    { id: 'time', label: 'Time', visible: true },
    { id: 'actor', label: 'Actor', visible: true },
    { id: 'action', label: 'Action', visible: false },
  ]);
  return (
    <main>
      <p>Some table text</p>
      <ColumnsMenu
        label="Columns"
        legend="Visible columns"
        items={items}
        onToggle={(id, visible) =>
          setItems((all) => all.map((item) => (item.id === id ? { ...item, visible } : item)))
        }
      />
      <input aria-label="Search" />
    </main>
  );
}

const button = () => screen.getByRole('button', { name: 'Columns' });
const panel = () => screen.queryByRole('group', { name: 'Visible columns' });
/** Lets the deferred return of focus run. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve)));

async function open() {
  const user = userEvent.setup();
  render(<Page />);
  await user.click(button());
  expect(button()).toHaveAttribute('aria-expanded', 'true');
  // The panel's code loads on the first open (or on hover or focus of the button): wait for it.
  const group = await screen.findByRole('group', { name: 'Visible columns' });
  expect(within(group).getByRole('checkbox', { name: 'Time' })).toHaveFocus();
  return user;
}

describe('ColumnsMenu (a non-modal popover)', () => {
  it('toggles columns, and never lets the last visible one go', async () => {
    const user = await open();
    await user.click(screen.getByRole('checkbox', { name: 'Action' }));
    expect(screen.getByRole('checkbox', { name: 'Action' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Time' }));
    await user.click(screen.getByRole('checkbox', { name: 'Actor' }));
    expect(screen.getByRole('checkbox', { name: 'Action' })).toBeDisabled();
    expect(panel()).toBeInTheDocument();
  });

  it('closes on Escape and gives focus back to its button', async () => {
    const user = await open();
    await user.tab(); // Actor: the menu stays open while Tab moves inside it
    expect(panel()).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(panel()).toBeNull();
    expect(button()).toHaveFocus();
    expect(button()).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on a press outside and gives focus back to its button', async () => {
    const user = await open();
    await user.click(screen.getByText('Some table text'));
    await settle();
    expect(panel()).toBeNull();
    expect(button()).toHaveFocus();
  });

  it('closes on a press on another control, leaving focus there', async () => {
    const user = await open();
    await user.click(screen.getByRole('textbox', { name: 'Search' }));
    await settle();
    expect(panel()).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveFocus();
  });

  it('closes when Tab leaves it, leaving focus where Tab went', async () => {
    const user = await open();
    await user.tab(); // Actor
    await user.tab(); // Action
    await user.tab(); // out: Search
    await settle();
    expect(panel()).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveFocus();
  });

  it('closes on its own button, and stays open on Shift+Tab back to it', async () => {
    const user = await open();
    await user.tab({ shift: true });
    expect(button()).toHaveFocus();
    expect(panel()).toBeInTheDocument();
    await user.click(button());
    expect(panel()).toBeNull();
  });
});
