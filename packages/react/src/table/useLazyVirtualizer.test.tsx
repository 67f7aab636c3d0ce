import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** This hook's modules as a fresh page has them: the virtualizer's code not loaded yet. */
async function freshPage() {
  vi.resetModules();
  const [{ useVirtualRows }, { virtualCore }] = await Promise.all([
    import('./useVirtualRows.js'),
    import('./useLazyVirtualizer.js'),
  ]);
  const windows: string[] = [];
  function Harness({ count, enabled }: { count: number; enabled: boolean }) {
    const rows = Array.from({ length: count }, (_, i) => ({ id: `e${i}` }));
    const { scrollRef, start, end, paddingBottom, hasView } = useVirtualRows({ rows, enabled });
    const text = `${start}-${end} bottom ${paddingBottom}${hasView() ? ' view' : ''}`;
    windows.push(text);
    return (
      <div ref={scrollRef}>
        <output aria-label="window">{text}</output>
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
    );
  }
  return { Harness, virtualCore, windows };
}

/** A 480px view of 44px rows, as the stylesheet lays the table out. */
function layout() {
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    height: 44,
  } as DOMRect);
}

describe('useVirtualRows with the virtualizer loaded on demand', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a paged table (no windowing) never loads the virtualizer’s code', async () => {
    const { Harness, virtualCore } = await freshPage();
    render(<Harness count={30} enabled={false} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(virtualCore.peek()).toBeUndefined();
    expect(screen.getByRole('status', { name: 'window' })).toHaveTextContent('0-30 bottom 0');
  });

  it('renders the rows the virtualizer will place while its code loads, then the same rows from it', async () => {
    layout();
    const { Harness, virtualCore, windows } = await freshPage();
    const { rerender } = render(<Harness count={100} enabled />);
    // Before the code: rows 0–18 (480px shows 0–10, 8 more), room for the other 81.
    expect(windows[0]).toBe(`0-19 bottom ${81 * 44}`);
    await waitFor(() => expect(virtualCore.peek()).toBeDefined());
    // Rendered again with the virtualizer, which measured the view it assumed: the same rows.
    await waitFor(() => expect(windows.length).toBeGreaterThan(1));
    expect(new Set(windows)).toEqual(new Set([`0-19 bottom ${81 * 44}`]));
    // And the virtualizer is the one placing them now: it has measured the view.
    rerender(<Harness count={100} enabled />);
    expect(screen.getByRole('status', { name: 'window' })).toHaveTextContent(
      `0-19 bottom ${81 * 44} view`,
    );
  });
});

describe('useVirtualRows when the virtualizer’s code cannot load', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.doUnmock('@tanstack/virtual-core');
  });

  it('renders every row, and windows them once the code loads when the browser is back online', async () => {
    layout();
    let offline = true;
    let imports = 0;
    vi.resetModules();
    vi.doMock('@tanstack/virtual-core', async (importOriginal) => {
      imports++;
      if (offline) throw new Error('Failed to fetch dynamically imported module: virtual-core');
      return importOriginal();
    });
    const { Harness } = await freshPage();
    render(<Harness count={100} enabled />);
    // Without its code there is no windowing: every row, no room kept for others.
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'window' })).toHaveTextContent('0-100 bottom 0'),
    );
    expect(imports).toBe(1);

    offline = false;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'window' })).toHaveTextContent(
        `0-19 bottom ${81 * 44}`,
      ),
    );
    expect(imports).toBe(2);
  });
});
