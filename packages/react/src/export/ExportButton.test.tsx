import {
  createViewerClient,
  ImmutableError,
  type ExportJob,
  type ViewerClient,
} from '@getimmutable/client';
import { createEmulator } from '@getimmutable/emulator';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatorUrl, mint, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { ExportButton } from './ExportButton.js';

/** CSV records (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

async function countEvents(client: ViewerClient, filters: { action?: string }) {
  let n = 0;
  for await (const page of client.events.pages({ ...filters, limit: 100 })) n += page.data.length;
  return n;
}

const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/**
 * A real client whose polls of `GET /exports/{id}` read "processing, half done" while `hold.on`:
 * the emulator finishes small exports before the first poll, so this is how a test sees a job
 * that is still running. Everything else (create, the final poll, the download) is real.
 */
function slowExportClient(tenant: string) {
  const hold = { on: true, polls: 0 };
  const client = createViewerClient({
    baseUrl: emulatorUrl(),
    getToken: () => mint(tenant),
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (!/\/exports\/[^/?]+$/.test(urlOf(input).split('?')[0]!)) return res;
      hold.polls++;
      if (!hold.on) return res;
      const { data } = (await res.json()) as { data: ExportJob };
      const count = data.events_count ?? 0;
      const running: ExportJob = {
        ...data,
        status: 'processing',
        events_count: count,
        events_processed: Math.floor(count / 2),
        download_url: null,
        completed_at: null,
        expires_at: null,
      };
      return new Response(JSON.stringify({ data: running }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { client, hold };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ExportButton', () => {
  it('exports the current filters as CSV and hands the signed URL to onDownload', async () => {
    const filters = { action: 'document.*' };
    const expected = await countEvents(viewerFor('org_acme'), filters);
    expect(expected).toBeGreaterThan(0);
    const onDownload = vi.fn();
    const { container } = renderWithViewer(
      <ExportButton filters={filters} onDownload={onDownload} />,
      viewerFor('org_acme'),
    );
    expect(container.firstElementChild).toHaveAttribute('data-state', 'idle');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'completed');
    expect(screen.getByRole('status')).toHaveTextContent('Export ready — downloading');

    const url = onDownload.mock.calls[0]![0] as string;
    expect(url).toMatch(/^http:\/\//);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(await res.text()).filter((r) => r.length > 1 || r[0] !== '');
    const [header, ...body] = rows;
    expect(header?.slice(0, 3)).toEqual(['id', 'tenant_id', 'actor_id']);
    expect(header).toContain('event_hash');
    expect(body).toHaveLength(expected);
    const action = header!.indexOf('action');
    expect(body.every((r) => r[action]!.startsWith('document.'))).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Download again' }));
    expect(onDownload).toHaveBeenCalledTimes(2);
    expect(onDownload).toHaveBeenLastCalledWith(url);
  });

  it('exports in the chosen format', async () => {
    const expected = await countEvents(viewerFor('org_acme'), {});
    const onDownload = vi.fn();
    renderWithViewer(<ExportButton onDownload={onDownload} />, viewerFor('org_acme'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Export format' }), 'JSON');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    const res = await fetch(onDownload.mock.calls[0]![0] as string);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const events = (await res.json()) as Array<{ tenant_id: string }>;
    expect(events).toHaveLength(expected);
    expect(events.every((e) => e.tenant_id === 'org_acme')).toBe(true);
  });

  it('shows progress while the export runs, polling until it completes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { client, hold } = slowExportClient('org_acme');
    const total = await countEvents(viewerFor('org_acme'), {});
    const onDownload = vi.fn();
    const { container } = renderWithViewer(<ExportButton onDownload={onDownload} />, client);
    await user.click(screen.getByRole('button', { name: 'Export' }));

    const progress = await screen.findByRole('progressbar', { name: 'Export progress' });
    await waitFor(() => expect(progress).toHaveAttribute('value', String(Math.floor(total / 2))));
    expect(progress).toHaveAttribute('max', String(total));
    expect(progress).toHaveAccessibleDescription(`Exporting ${Math.floor(total / 2)} of ${total}…`);
    expect(container.firstElementChild).toHaveAttribute('data-state', 'running');
    expect(screen.getByRole('button', { name: 'Export' })).toHaveAttribute('aria-disabled', 'true');
    expect(onDownload).not.toHaveBeenCalled();

    hold.on = false;
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'completed');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('stops when cancelled: no more polls and no download', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { client, hold } = slowExportClient('org_acme');
    const onDownload = vi.fn();
    const { container } = renderWithViewer(<ExportButton onDownload={onDownload} />, client);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByRole('progressbar', { name: 'Export progress' });
    await waitFor(() => expect(hold.polls).toBeGreaterThan(0));

    await user.click(screen.getByRole('button', { name: 'Cancel export' }));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'cancelled');
    expect(screen.getByRole('status')).toHaveTextContent('Export cancelled');
    expect(screen.queryByRole('button', { name: 'Cancel export' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus();

    const polls = hold.polls;
    hold.on = false;
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(hold.polls).toBe(polls);
    expect(onDownload).not.toHaveBeenCalled();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'cancelled');
  });

  it("shows the server's error message when the export fails", async () => {
    const real = viewerFor('org_acme');
    const job: ExportJob = {
      id: 'exp_failing',
      status: 'pending',
      format: 'csv',
      events_count: null,
      events_processed: 0,
      download_url: null,
      error_message: null,
      created_at: new Date().toISOString(),
      completed_at: null,
      expires_at: null,
    };
    const failed: ExportJob = { ...job, status: 'failed', error_message: 'Disk full' };
    const client: ViewerClient = {
      ...real,
      exports: {
        ...real.exports,
        create: async () => ({ data: job }),
        wait: async (_id, options) => {
          options?.onProgress?.(failed);
          throw new ImmutableError('Disk full', 0, 'export_failed', { data: failed });
        },
      },
    };
    const onDownload = vi.fn();
    const { container } = renderWithViewer(<ExportButton onDownload={onDownload} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Export failed: Disk full');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'failed');
    expect(onDownload).not.toHaveBeenCalled();
  });

  it('says too many exports are running when the server refuses another one with 429', async () => {
    // An emulator of its own, in this process: its exports can be held unfinished (the shared
    // one's finish before a second request). Its token library checks keys against Node's
    // Uint8Array, which jsdom's replaces in this environment: Node's is put back meanwhile.
    const jsdomUint8Array = globalThis.Uint8Array;
    globalThis.Uint8Array = Object.getPrototypeOf(Buffer.prototype).constructor;
    const apiKey = 'imk_export_limit_test_0123456789abcdefghij';
    const emulator = createEmulator({ db: ':memory:', apiKey, maxUnfinishedExports: 1 });
    try {
      const { url } = await emulator.listen(0);
      const api = (path: string, body: unknown, token = apiKey) =>
        fetch(`${url}/api/v1${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const mintHere = async () =>
        (await (await api('/viewer-tokens', { tenant_id: 'org_acme' })).json()) as {
          token: string;
          expires_at: number;
        };
      const event = { tenant_id: 'org_acme', actor_id: 'user_1', action: 'document.created' };
      expect((await api('/events', event)).status).toBe(201);

      // The emulator works on exports between requests, on setImmediate: faked, it holds them.
      vi.useFakeTimers({ toFake: ['setImmediate', 'clearImmediate'] });
      const running = await api('/exports', { format: 'csv' }, (await mintHere()).token);
      expect(running.status).toBe(202);

      // Without retries: the client would first wait out Retry-After (its own, tested, behaviour).
      const client = createViewerClient({ baseUrl: url, getToken: mintHere, retry: false });
      const onDownload = vi.fn();
      const { container } = renderWithViewer(<ExportButton onDownload={onDownload} />, client);
      await userEvent.click(screen.getByRole('button', { name: 'Export' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Too many exports are running; try again in a moment.');
      expect(alert).not.toHaveTextContent('Export failed');
      expect(container.firstElementChild).toHaveAttribute('data-state', 'failed');
      expect(onDownload).not.toHaveBeenCalled();
    } finally {
      if (vi.isFakeTimers()) await vi.runAllTimersAsync();
      vi.useRealTimers();
      await emulator.close();
      globalThis.Uint8Array = jsdomUint8Array;
    }
  });

  it('forwards its ref and merges className and other props onto its element', () => {
    const ref = { current: null as HTMLDivElement | null };
    renderWithViewer(
      <ExportButton ref={ref} className="mine" data-testid="export" />,
      viewerFor('org_acme'),
    );
    const root = screen.getByTestId('export');
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('imv-export-button', 'mine');
    expect(root).toHaveAttribute('data-slot', 'export-button');
  });

  it('has no axe violations, idle and completed', async () => {
    const onDownload = vi.fn();
    const { container } = renderWithViewer(
      <ExportButton onDownload={onDownload} />,
      viewerFor('org_acme'),
    );
    const idle = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(idle.violations).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(onDownload).toHaveBeenCalled());
    const done = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(done.violations).toEqual([]);
  });
});
