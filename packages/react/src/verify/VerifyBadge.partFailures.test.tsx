import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { viewerFor } from '../../test/emulatorFixture.js';

// The receipt's actions load with import() after a verify: here their module fails until
// `chunk.fail` is off, as a chunk does when the network drops.
const chunk = { fail: true };

describe('<VerifyBadge /> when the code of its receipt actions cannot load', () => {
  it('keeps its verdict, says so beside it, and Retry brings the actions', async () => {
    // A fresh page's modules, so that no earlier load of that module is kept.
    vi.resetModules();
    vi.doMock('../checkpoint/ReceiptActions.js', async (importOriginal) => {
      if (chunk.fail) throw new Error('Failed to fetch dynamically imported module');
      return importOriginal();
    });
    const [{ VerifyBadge }, { ImmutableViewerProvider }] = await Promise.all([
      import('./VerifyBadge.js'),
      import('../ImmutableViewerProvider.js'),
    ]);
    const user = userEvent.setup();
    const { container } = render(
      <ImmutableViewerProvider client={viewerFor('org_acme')} queryClient={new QueryClient()}>
        <VerifyBadge />
      </ImmutableViewerProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      "The checkpoint's details could not load. Retry, or reload the page.",
    );
    await waitFor(() =>
      expect(container.firstElementChild?.getAttribute('data-state')).toBe('verified'),
    );
    // Not the user's doing: the message does not take focus.
    expect(within(alert).getByRole('button', { name: 'Retry' })).not.toHaveFocus();

    chunk.fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Receipt')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
