import { createViewerClient } from '@getimmutable/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatorUrl, mint, renderWithViewer } from '../../test/emulatorFixture.js';
import { defaultMessages } from '../messages/defaultMessages.js';
import { AuditLogTable } from './AuditLogTable.js';

/** The data rows (the second rowgroup; the first holds the header row). */
function dataRows() {
  const body = screen.getAllByRole('rowgroup')[1]!;
  return within(body).queryAllByRole('row');
}

const rowIds = () => dataRows().map((row) => row.getAttribute('data-event-id'));

/** Generous waits: the suite shares the machine with other test files and a live emulator. */
const patient = { timeout: 5_000 };

async function loaded() {
  await waitFor(() => expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy'), patient);
  return dataRows();
}

/**
 * A client whose event requests fail while `faults` says so: with a dropped connection (`down`),
 * or refused as too many with a Retry-After of 90 s (`refused`).
 */
function flakyClient(faults: {
  down?: (url: string) => boolean;
  refused?: (url: string) => boolean;
}) {
  const eventRequests: string[] = [];
  const client = createViewerClient({
    baseUrl: emulatorUrl(),
    getToken: () => mint('org_acme'),
    retry: false,
    fetch: (input, init) => {
      const url = String(input);
      if (url.includes('/events')) {
        eventRequests.push(url);
        // A dropped connection takes a moment: the table renders the try in flight.
        if (faults.down?.(url))
          return new Promise((_, reject) =>
            setTimeout(() => reject(new TypeError('Network down')), 50),
          );
        if (faults.refused?.(url))
          return Promise.resolve(
            Response.json(
              { message: 'Slow down', code: 'rate_limited' },
              { status: 429, headers: { 'Retry-After': '90' } },
            ),
          );
      }
      return fetch(input, init);
    },
  });
  return { client, eventRequests };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('AuditLogTable under faults', () => {
  it('keeps the rows on screen under the error when the next page fails, and Previous still works', async () => {
    const user = userEvent.setup();
    let down = false;
    const { client } = flakyClient({ down: (url) => down && url.includes('cursor=') });
    const { container } = renderWithViewer(<AuditLogTable defaultPageSize={10} />, client);
    await loaded();
    const firstPage = rowIds();
    expect(firstPage).toHaveLength(10);

    down = true;
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert', {}, patient);
    expect(alert).toHaveTextContent('Could not load events.');
    // In words first, saying the kit is on it; the technical detail after.
    expect(alert).toHaveTextContent(defaultMessages.failureUnreachable);
    expect(alert).toHaveTextContent(defaultMessages.failureKeptRows);
    expect(alert).toHaveTextContent('Network down');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    // The last rows stay, marked stale, with the pagination to go back.
    expect(rowIds()).toEqual(firstPage);
    expect(screen.getAllByRole('rowgroup')[1]).toHaveAttribute('data-state', 'stale');
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), patient);
    expect(rowIds()).toEqual(firstPage);
  });

  it('shows no rows of other filters under the error when new filters fail to load', async () => {
    let down = false;
    const { client } = flakyClient({ down: () => down });
    const { rerender } = renderWithViewer(<AuditLogTable defaultPageSize={10} />, client);
    await loaded();
    down = true;
    rerender(<AuditLogTable defaultPageSize={10} filters={{ action: 'document.*' }} />);
    await screen.findByRole('alert', {}, patient);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('tries a failed page again by itself after 5 s, then 10 s, and recovers when the server does', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    let down = false;
    const { client, eventRequests } = flakyClient({
      down: (url) => down && url.includes('cursor='),
    });
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, client);
    await loaded();
    const firstPage = rowIds();

    down = true;
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('alert', {}, patient);
    const tries = () => eventRequests.filter((url) => url.includes('cursor=')).length;
    expect(tries()).toBe(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(tries()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_500);
    await waitFor(() => expect(tries()).toBe(2), patient);
    // Failed again: the next try waits twice as long.
    await vi.advanceTimersByTimeAsync(8_000);
    expect(tries()).toBe(2);
    expect(rowIds()).toEqual(firstPage);
    down = false;
    await vi.advanceTimersByTimeAsync(2_500);
    await waitFor(() => expect(tries()).toBe(3), patient);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), patient);
    expect(await loaded()).toHaveLength(10);
    expect(rowIds()).not.toEqual(firstPage);
    expect(screen.getByText('Page 2')).toBeInTheDocument();
  });

  it("tries a refused page again by itself only after the server's Retry-After", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let refusing = false;
    const { client, eventRequests } = flakyClient({
      refused: (url) => refusing && url.includes('cursor='),
    });
    const tries = () => eventRequests.filter((url) => url.includes('cursor='));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, client);
    await loaded();

    refusing = true;
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('alert', {}, patient)).toHaveTextContent(
      defaultMessages.failureBusy,
    );
    expect(tries()).toHaveLength(1);
    // Its own backoff would have tried at 5 s, 15 s, 35 s and 75 s.
    await vi.advanceTimersByTimeAsync(88_000);
    expect(tries()).toHaveLength(1);
    refusing = false;
    await vi.advanceTimersByTimeAsync(3_000);
    await waitFor(() => expect(tries()).toHaveLength(2), patient);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), patient);
    expect(screen.getByText('Page 2')).toBeInTheDocument();
  });

  it('does not try again by itself after an error that will not pass (403)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let requests = 0;
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      token: (await mint('org_acme')).token,
      fetch: async () => {
        requests++;
        return Response.json({ message: 'Not allowed', code: 'forbidden' }, { status: 403 });
      },
    });
    renderWithViewer(<AuditLogTable />, client);
    expect(await screen.findByRole('alert', {}, patient)).toHaveTextContent('Not allowed');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(requests).toBe(1);
  });
});
