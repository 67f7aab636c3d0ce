import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * This hook's modules as a fresh page has them: the virtualizer's code not loaded yet. Its
 * import is counted, and fails while `core.offline` is set, as a chunk does when the network
 * drops.
 */
async function freshPage() {
  vi.resetModules();
  const core = { imports: 0, offline: false };
  vi.doMock('@tanstack/virtual-core', async (importOriginal) => {
    core.imports++;
    if (core.offline) throw new Error('Failed to fetch dynamically imported module: virtual-core');
    return importOriginal();
  });
  const { useVirtualRows } = await import('./useVirtualRows.js');
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
  return { Harness, core, windows };
}

/** A 480px view of 44px rows, as the stylesheet lays the table out. */
function layout() {
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    height: 44,
  } as DOMRect);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.doUnmock('@tanstack/virtual-core');
});

describe('useVirtualRows with the virtualizer loaded on demand', () => {
  it('a paged table (no windowing) never loads the virtualizer’s code', async () => {
    const { Harness, core } = await freshPage();
    render(<Harness count={30} enabled={false} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(core.imports).toBe(0);
    expect(screen.getByRole('status', { name: 'window' })).toHaveTextContent('0-30 bottom 0');
  });

  it('renders the rows the virtualizer will place while its code loads, then the same rows from it', async () => {
    layout();
    const { Harness, core, windows } = await freshPage();
    const { rerender } = render(<Harness count={100} enabled />);
    // Before the code: rows 0–18 (480px shows 0–10, 8 more), room for the other 81.
    expect(windows[0]).toBe(`0-19 bottom ${81 * 44}`);
    await waitFor(() => expect(core.imports).toBe(1));
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
  it('renders every row, and windows them once the code loads when the browser is back online', async () => {
    layout();
    const { Harness, core } = await freshPage();
    core.offline = true;
    render(<Harness count={100} enabled />);
    // Without its code there is no windowing: every row, no room kept for others.
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'window' })).toHaveTextContent('0-100 bottom 0'),
    );
    expect(core.imports).toBe(1);

    core.offline = false;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'window' })).toHaveTextContent(
        `0-19 bottom ${81 * 44}`,
      ),
    );
    expect(core.imports).toBe(2);
  });
});
