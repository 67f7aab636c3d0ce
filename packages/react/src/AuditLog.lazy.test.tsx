import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithViewer, viewerFor } from '../test/emulatorFixture.js';
import { AuditLog } from './AuditLog.js';

// Records when the drawer's module is first evaluated (it is imported with import() only).
const drawer = vi.hoisted(() => ({ loaded: false }));
vi.mock('./drawer/EventDetailDrawer.js', async (importOriginal) => {
  drawer.loaded = true;
  return importOriginal();
});

describe('<AuditLog /> code on demand', () => {
  it('loads the detail drawer only once the user heads for an event, not for the first rows', async () => {
    const user = userEvent.setup();
    renderWithViewer(<AuditLog showVerify={false} showExport={false} />, viewerFor('org_acme'));
    await waitFor(() =>
      expect(
        screen.getAllByRole('row').filter((r) => r.hasAttribute('data-event-id')),
      ).toHaveLength(25),
    );
    expect(drawer.loaded).toBe(false);
    const first = screen.getAllByRole('row').find((r) => r.hasAttribute('data-event-id'))!;
    await user.click(first);
    expect(await screen.findByRole('dialog', { name: /event details/i })).toBeInTheDocument();
    expect(drawer.loaded).toBe(true);
  });
});
