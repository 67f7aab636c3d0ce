import { createViewerClient } from '@getimmutable/client';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, inject, it, vi } from 'vitest';
import { emulatorUrl, mint, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { VerifyBadge } from './VerifyBadge.js';

const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/** A real client for a tenant whose `fetch` holds verify pages after the first until released. */
function gatedVerifyClient(tenant: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const client = createViewerClient({
    baseUrl: emulatorUrl(),
    getToken: () => mint(tenant),
    fetch: async (input, init) => {
      if (urlOf(input).includes('/verify') && urlOf(input).includes('cursor=')) await gate;
      return fetch(input, init);
    },
  });
  return { client, release };
}

describe('VerifyBadge', () => {
  it("shows verified with the tenant's event count, as the server counts it", async () => {
    const client = viewerFor('org_acme');
    const { data: expected } = await viewerFor('org_acme').verifyAll();
    const { container } = renderWithViewer(<VerifyBadge />, client);
    const status = screen.getByRole('status');
    await waitFor(() =>
      expect(container.firstElementChild).toHaveAttribute('data-state', 'verified'),
    );
    expect(status).toHaveTextContent(
      `Verified: ${new Intl.NumberFormat().format(expected.events_checked)} events`,
    );
    expect(expected.events_checked).toBeGreaterThan(0);
    expect(screen.getByText(/^checked .* ago$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verify again' })).toBeInTheDocument();
  });

  it('formats the count in the provider locale', async () => {
    const { de } = await import('date-fns/locale');
    const client = viewerFor('org_acme');
    const { data: expected } = await viewerFor('org_acme').verifyAll();
    renderWithViewer(<VerifyBadge />, client, { locale: de });
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        `Verified: ${new Intl.NumberFormat('de').format(expected.events_checked)} events`,
      ),
    );
  });

  it('shows progress in the live region while later pages are still being checked', async () => {
    const { client, release } = gatedVerifyClient('org_acme');
    const { container } = renderWithViewer(<VerifyBadge limit={50} />, client);
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Checked 50 events…'));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'verifying');
    expect(screen.getByRole('button', { name: 'Verify again' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    release();
    await waitFor(() =>
      expect(container.firstElementChild).toHaveAttribute('data-state', 'verified'),
    );
    const { data: expected } = await viewerFor('org_acme').verifyAll();
    expect(status).toHaveTextContent(`Verified: ${expected.events_checked} events`);
  });

  it('shows a broken chain naming the first break, and opens that event', async () => {
    const onBreakSelect = vi.fn();
    const { container } = renderWithViewer(
      <VerifyBadge onBreakSelect={onBreakSelect} />,
      viewerFor('org_broken'),
    );
    await waitFor(() =>
      expect(container.firstElementChild).toHaveAttribute('data-state', 'broken'),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Chain broken: 1 break');
    const first = screen.getByRole('button', { name: 'First: hash mismatch at #6' });
    expect(first).toHaveAccessibleDescription('Open the first broken event');
    await userEvent.click(first);
    expect(onBreakSelect).toHaveBeenCalledExactlyOnceWith(inject('tamperedEventId'));
  });

  it("names another actor's broken event without a link to it", async () => {
    const { container } = renderWithViewer(
      <VerifyBadge onBreakSelect={vi.fn()} />,
      viewerFor('org_broken', { actor_id: 'user_someone_else' }),
    );
    await waitFor(() =>
      expect(container.firstElementChild).toHaveAttribute('data-state', 'broken'),
    );
    expect(screen.getByText(/First: hash mismatch at #6/)).toHaveTextContent(
      "(another actor's event)",
    );
    expect(screen.queryByRole('button', { name: /First:/ })).toBeNull();
  });

  it('shows the error and a retry when the server refuses the token', async () => {
    const broken = createViewerClient({ baseUrl: emulatorUrl(), token: 'not.a.jwt', retry: false });
    const { container } = renderWithViewer(<VerifyBadge />, broken);
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'error'));
    expect(screen.getByRole('status')).toHaveTextContent(/^Could not verify: .+/);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('verifies again after an error when Retry is pressed', async () => {
    let failures = 1;
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      getToken: () => mint('org_acme'),
      retry: false,
      fetch: async (input, init) => {
        if (urlOf(input).includes('/verify') && failures-- > 0) {
          return new Response(JSON.stringify({ message: 'Try later.', code: 'server_error' }), {
            status: 500,
            headers: { 'content-type': 'application/json' },
          });
        }
        return fetch(input, init);
      },
    });
    const { container } = renderWithViewer(<VerifyBadge />, client);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Could not verify: Try later.'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(container.firstElementChild).toHaveAttribute('data-state', 'verified'),
    );
  });

  it('verifies again from the start when "Verify again" is pressed', async () => {
    const client = viewerFor('org_acme');
    const verifyAll = vi.spyOn(client, 'verifyAll');
    const { container } = renderWithViewer(<VerifyBadge />, client);
    await waitFor(() =>
      expect(container.firstElementChild).toHaveAttribute('data-state', 'verified'),
    );
    expect(verifyAll).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Verify again' }));
    await waitFor(() => expect(verifyAll).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(container.firstElementChild).toHaveAttribute('data-state', 'verified'),
    );
  });

  it('forwards its ref and merges className and other props onto its element', async () => {
    const ref = { current: null as HTMLDivElement | null };
    renderWithViewer(
      <VerifyBadge ref={ref} className="mine" data-testid="badge" />,
      viewerFor('org_acme'),
    );
    const badge = screen.getByTestId('badge');
    expect(ref.current).toBe(badge);
    expect(badge).toHaveClass('imv-verify-badge', 'mine');
    expect(badge).toHaveAttribute('data-slot', 'verify-badge');
    await waitFor(() => expect(badge).toHaveAttribute('data-state', 'verified'));
  });

  it('has no axe violations when verified and when broken', async () => {
    const a = renderWithViewer(<VerifyBadge />, viewerFor('org_acme'));
    await waitFor(() =>
      expect(a.container.firstElementChild).toHaveAttribute('data-state', 'verified'),
    );
    const r1 = await axe.run(a.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(r1.violations).toEqual([]);
    a.unmount();
    const b = renderWithViewer(<VerifyBadge onBreakSelect={vi.fn()} />, viewerFor('org_broken'));
    await waitFor(() =>
      expect(b.container.firstElementChild).toHaveAttribute('data-state', 'broken'),
    );
    const r2 = await axe.run(b.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(r2.violations).toEqual([]);
  });
});
