import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useRovingRowFocus } from './useRovingRowFocus.js';

const ids = Array.from({ length: 25 }, (_, i) => `e${i}`);
const rows = ids.map((id) => ({ id }));
const rowsById = Object.fromEntries(rows.map((row) => [row.id, row]));

interface HarnessProps {
  selectedEventId?: string | null;
  onActivate?: (index: number) => void;
  /** Renders only the first rows until scrollToIndex asks for one beyond them (virtualized). */
  rendered?: number;
  scrollToIndex?: (index: number) => void;
}

/** A table using the hook as AuditLogTable does; one cell holds a button, as custom cells may. */
function Harness({
  selectedEventId,
  onActivate,
  rendered = ids.length,
  scrollToIndex,
}: HarnessProps) {
  const [count, setCount] = useState(rendered);
  const { getRowProps } = useRovingRowFocus({
    rows,
    rowsById,
    rowIdPrefix: 'r-',
    selectedEventId,
    onActivate,
    scrollToIndex: (index) => {
      scrollToIndex?.(index);
      setCount((n) => Math.max(n, index + 1));
    },
  });
  return (
    <table>
      <tbody>
        {rows.slice(0, count).map((row, index) => (
          <tr key={row.id} aria-label={row.id} {...getRowProps(index)}>
            <td>{row.id}</td>
            <td>
              <button type="button">menu {row.id}</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const row = (id: string) => screen.getByRole('row', { name: id });
const tabStops = () =>
  screen
    .getAllByRole('row')
    .filter((r) => r.tabIndex === 0)
    .map((r) => r.getAttribute('aria-label'));

describe('useRovingRowFocus', () => {
  it('makes one row the tab stop: the first, or the selected one until the user moves', async () => {
    const user = userEvent.setup();
    // A selected event that is not among the rows (another page) leaves the first row.
    const { rerender } = render(<Harness selectedEventId="elsewhere" />);
    expect(tabStops()).toEqual(['e0']);
    rerender(<Harness selectedEventId="e7" />);
    expect(tabStops()).toEqual(['e7']);
    row('e3').focus();
    await user.keyboard('{ArrowDown}');
    expect(tabStops()).toEqual(['e4']);
    rerender(<Harness selectedEventId="e9" />);
    expect(tabStops()).toEqual(['e4']);
  });

  it('moves focus by arrows, pages of ten and to the ends, stopping at the first and last row', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    row('e0').focus();
    const steps: Array<[string, string]> = [
      ['{ArrowUp}', 'e0'],
      ['{ArrowDown}', 'e1'],
      ['{PageDown}', 'e11'],
      ['{PageDown}{PageDown}', 'e24'],
      ['{ArrowDown}', 'e24'],
      ['{PageUp}', 'e14'],
      ['{Home}', 'e0'],
      ['{End}', 'e24'],
      ['{ArrowUp}', 'e23'],
    ];
    for (const [keys, expected] of steps) {
      await user.keyboard(keys);
      expect(row(expected), keys).toHaveFocus();
      expect(row(expected)).toHaveAttribute('tabindex', '0');
    }
  });

  it('activates a row by Enter, Space or a click, but not through a control inside it', async () => {
    const user = userEvent.setup();
    const onActivate = vi.fn();
    render(<Harness onActivate={onActivate} />);
    row('e2').focus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onActivate.mock.calls).toEqual([[2], [2]]);
    await user.click(screen.getByRole('cell', { name: 'e5' }));
    expect(onActivate).toHaveBeenLastCalledWith(5);
    expect(tabStops()).toEqual(['e5']);
    const button = screen.getByRole('button', { name: 'menu e6' });
    await user.click(button);
    // Focus inside a row (bubbling from its control) leaves the tab stop where it was.
    expect(button).toHaveFocus();
    expect(tabStops()).toEqual(['e5']);
    // Keys in a cell's own controls belong to them: no move, no activation.
    button.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(button).toHaveFocus();
    expect(onActivate).toHaveBeenCalledTimes(3);
  });

  it('scrolls a row that is not rendered yet into the DOM and focuses it once it is', async () => {
    const user = userEvent.setup();
    const scrollToIndex = vi.fn();
    render(<Harness rendered={5} scrollToIndex={scrollToIndex} />);
    row('e0').focus();
    await user.keyboard('{End}');
    expect(scrollToIndex).toHaveBeenLastCalledWith(24);
    expect(row('e24')).toHaveFocus();
  });

  it('gives focus back to the row when the detail view closes, unless focus went elsewhere', () => {
    const { rerender } = render(<Harness selectedEventId="e3" />);
    expect(document.body).toHaveFocus(); // the detail view took focus and was removed
    rerender(<Harness selectedEventId={null} />);
    expect(row('e3')).toHaveFocus();

    rerender(<Harness selectedEventId="e8" />);
    const elsewhere = screen.getByRole('button', { name: 'menu e1' });
    elsewhere.focus();
    rerender(<Harness selectedEventId={null} />);
    expect(elsewhere).toHaveFocus();
  });
});
