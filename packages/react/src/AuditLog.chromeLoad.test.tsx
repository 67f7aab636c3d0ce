import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithViewer, viewerFor } from '../test/emulatorFixture.js';
import { AuditLog } from './AuditLog.js';

// The filters' and toolbar's module, fetched with import(): here it fails until `fail` is off,
// as a chunk does when the network drops.
const chunk = vi.hoisted(() => ({ fail: true, attempts: 0 }));
vi.mock('./chrome/AuditLogChrome.js', async (importOriginal) => {
  chunk.attempts++;
  if (chunk.fail) throw new Error('Failed to fetch dynamically imported module');
  return importOriginal();
});

const eventRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-event-id'));

describe('<AuditLog /> when the code of its filters cannot load', () => {
  it('keeps its rows, says so with Retry, does not fetch again by itself, and Retry brings the filters', async () => {
    const user = userEvent.setup();
    renderWithViewer(<AuditLog />, viewerFor('org_acme'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The filters and toolbar could not load. Retry, or reload the page.',
    );
    // And the error's own message (Vitest words it its way here).
    expect(alert.querySelector('.imv-table__error-detail')?.textContent).toBeTruthy();
    await waitFor(() => expect(eventRows()).toHaveLength(25));
    expect(screen.queryByRole('combobox', { name: /search/i })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chunk.attempts).toBe(1);

    chunk.fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('combobox', { name: /search/i })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(eventRows()).toHaveLength(25);
    expect(chunk.attempts).toBe(2);
  });
});
