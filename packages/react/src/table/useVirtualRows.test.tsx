import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { virtualCore } from './useLazyVirtualizer.js';
import { useVirtualRows } from './useVirtualRows.js';

const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e${i}` }));

/** Renders what the hook says, and prints it for the assertions. */
function Harness({
  count,
  enabled,
  onRender,
}: {
  count: number;
  enabled: boolean;
  onRender?: () => void;
}) {
  onRender?.();
  const rows = rowsOf(count);
  const { scrollRef, start, end, paddingTop, paddingBottom, hasView } = useVirtualRows({
    rows,
    enabled,
  });
  return (
    <>
      <output aria-label="window">{`${start}-${end} top ${paddingTop} bottom ${paddingBottom}${hasView() ? ' view' : ''}`}</output>
      <div ref={scrollRef}>
        <table>
          <tbody>
            {rows.slice(start, end).map((row) => (
              <tr key={row.id} data-slot="table-row">
                <td>{row.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const windowText = () => screen.getByRole('status', { name: 'window' }).textContent;

describe('useVirtualRows', () => {
  // The virtualizer's code is here, as after the first infinite table of a page (see
  // useLazyVirtualizer.test.tsx for before); it still comes after the first paint.
  beforeAll(() => virtualCore.load());
  afterEach(() => vi.restoreAllMocks());

  it('renders every row, with no spacers, when disabled (pages mode)', () => {
    render(<Harness count={30} enabled={false} />);
    expect(windowText()).toBe('0-30 top 0 bottom 0');
  });

  it('without layout renders the rows of the view it assumes and keeps room for the rest at 44px a row', () => {
    render(<Harness count={30} enabled />);
    // 480px shows rows 0–10, and 8 more below.
    expect(windowText()).toBe('0-19 top 0 bottom 484');
  });

  it('reads the row height from a rendered row once there are rows, before paint', () => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      return { height: this.dataset.slot === 'table-row' ? 30 : 0 } as DOMRect;
    });
    const { rerender } = render(<Harness count={0} enabled />);
    expect(windowText()).toBe('0-0 top 0 bottom 0');
    rerender(<Harness count={30} enabled />);
    // 30px rows: 16 in 480px, and 8 more.
    expect(windowText()).toBe('0-24 top 0 bottom 180');
  });

  it('renders the rows of the view it assumes (480px) first, and other rows only if the view differs', async () => {
    // The virtualizer measures its container by offsetHeight, a row by getBoundingClientRect.
    const viewHeight = { value: 480 };
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(
      () => viewHeight.value,
    );
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(800);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      height: 44,
    } as DOMRect);
    // 480px shows rows 0–10; 8 more below: rows 0–18, first and after the virtualizer measured.
    const seen: string[] = [];
    const first = render(<Harness count={100} enabled onRender={() => seen.push('render')} />);
    expect(windowText()).toBe(`0-19 top 0 bottom ${81 * 44}`);
    // The virtualizer comes after the first paint; rendering again, it has the view it assumed.
    await waitFor(() => expect(seen.length).toBeGreaterThan(1));
    first.rerender(<Harness count={100} enabled />);
    expect(windowText()).toBe(`0-19 top 0 bottom ${81 * 44} view`);
    first.unmount();

    viewHeight.value = 220;
    render(<Harness count={100} enabled />);
    expect(windowText()).toBe(`0-19 top 0 bottom ${81 * 44}`);
    // Measured smaller: 220px shows rows 0–4, and 8 more.
    await waitFor(() => expect(windowText()).toBe(`0-13 top 0 bottom ${87 * 44} view`));
  });
});
