import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { AuditLogTable, type AuditLogTableStatus } from './AuditLogTable.js';
import { dataRows, noViolations } from './tableTestQueries.js';

/**
 * jsdom has no layout: give every element a 400px client height (the scroll container's view),
 * room to scroll, and a scrollTo that scrolls and fires `scroll`, as a browser does.
 */
function fakeLayout() {
  // virtual-core reads the view's height from clientHeight (3.14+) or offsetHeight (3.13).
  const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
  const offsetHeight = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(400);
  // A scroll container is as tall as its rows (44px each, the estimate).
  const scrollHeight = vi
    .spyOn(HTMLElement.prototype, 'scrollHeight', 'get')
    .mockImplementation(function (this: HTMLElement) {
      return Number(this.querySelector('table')?.getAttribute('aria-rowcount') ?? 0) * 44;
    });
  Object.defineProperty(HTMLElement.prototype, 'scrollTo', {
    configurable: true,
    value(this: HTMLElement, options: ScrollToOptions) {
      this.scrollTop = options.top ?? 0;
      this.dispatchEvent(new Event('scroll'));
    },
  });
  return () => {
    height.mockRestore();
    offsetHeight.mockRestore();
    scrollHeight.mockRestore();
    delete (HTMLElement.prototype as Partial<HTMLElement>).scrollTo;
  };
}

describe('AuditLogTable in infinite mode', () => {
  it('renders only the rows in view of many loaded events, with table semantics', async () => {
    const user = userEvent.setup();
    const restoreLayout = fakeLayout();
    try {
      let status: AuditLogTableStatus | undefined;
      const { container } = renderWithViewer(
        <AuditLogTable mode="infinite" defaultPageSize={50} onStateChange={(s) => (status = s)} />,
        viewerFor('org_acme'),
      );
      await waitFor(() => expect(status?.events.length).toBeGreaterThanOrEqual(50));
      await waitFor(() =>
        expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument(),
      );
      await user.click(screen.getByRole('button', { name: 'Load more' }));
      await waitFor(() => expect(status?.events.length).toBeGreaterThanOrEqual(100));
      await waitFor(() =>
        expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument(),
      );
      await user.click(screen.getByRole('button', { name: 'Load more' }));
      await waitFor(() => expect(status?.events.length).toBeGreaterThanOrEqual(150));

      const loadedCount = status!.events.length;
      const table = screen.getByRole('table');
      await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', String(loadedCount + 1)));
      const rows = dataRows();
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.length).toBeLessThan(40);
      expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
      expect(screen.getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
      await noViolations(container);

      // Scrolling to the middle swaps the rows in the DOM for the ones in view.
      const scroller = table.parentElement!;
      scroller.scrollTop = 80 * 44;
      fireEvent.scroll(scroller);
      await waitFor(() => expect(dataRows()[0]).not.toHaveAttribute('aria-rowindex', '2'));
      const indexes = dataRows().map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(indexes).toContain(82);
      expect(indexes.length).toBeLessThan(40);
    } finally {
      restoreLayout();
    }
  });

  it('moves focus to the last loaded row with End, rendering it on the way', async () => {
    const user = userEvent.setup();
    const restoreLayout = fakeLayout();
    try {
      let status: AuditLogTableStatus | undefined;
      renderWithViewer(
        <AuditLogTable mode="infinite" defaultPageSize={100} onStateChange={(s) => (status = s)} />,
        viewerFor('org_acme'),
      );
      await waitFor(() => expect(status?.events.length).toBeGreaterThanOrEqual(100));
      await waitFor(() => expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy'));
      const count = status!.events.length;
      dataRows()[0]!.focus();
      await user.keyboard('{End}');
      await waitFor(() =>
        expect(document.activeElement).toHaveAttribute('aria-rowindex', String(count + 1)),
      );
      // Reaching the end loads the next page; the focused row stays where it is.
      await waitFor(() => expect(status!.events.length).toBeGreaterThan(count));
      expect(document.activeElement).toHaveAttribute(
        'data-event-id',
        status!.events[count - 1]!.id,
      );
    } finally {
      restoreLayout();
    }
  });
});
