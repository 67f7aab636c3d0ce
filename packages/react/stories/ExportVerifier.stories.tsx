import { computeEventHash, type AuditEvent, type Checkpoint } from '@getimmutable/client';
import { ExportVerifier } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';

/** One tenant's valid chain of `count` events, newest first, as an export lists them. */
function chain(tenant: string, count: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let previous: string | null = null;
  for (let sequence = 1; sequence <= count; sequence++) {
    const event: AuditEvent = {
      id: `${tenant}_evt_${sequence}`,
      tenant_id: tenant,
      actor_id: `user_${sequence % 7}`,
      actor_name: 'Sarah Chen',
      actor_type: 'user',
      action: sequence % 3 ? 'document.viewed' : 'document.shared',
      action_category: 'documents',
      resource: 'document',
      resource_id: `doc_${sequence % 40}`,
      resource_name: 'Q4 Report',
      targets: [],
      metadata: { size: 1024 + sequence },
      session_id: null,
      version: 1,
      idempotency_key: null,
      context: { country: 'DE', ip_address: '203.0.113.7', user_agent: 'Mozilla/5.0' },
      created_at: new Date(Date.UTC(2026, 2, 1) + sequence * 60_000).toISOString(),
      integrity: { event_hash: '', previous_event_hash: previous, sequence },
    };
    previous = event.integrity.event_hash = computeEventHash(event);
    events.unshift(event);
  }
  return events;
}

const ACME = chain('org_acme', 400);
const GLOBEX = chain('org_globex', 250);
const ndjson = (events: AuditEvent[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');
const file = (text: string, name: string) => new File([text], name);

const validFile = () => file(ndjson([...ACME, ...GLOBEX]), 'audit-export.ndjson');
const brokenFile = () => {
  const events = structuredClone(ACME);
  events[10]!.actor_name = 'Someone Else'; // line 11: edited after export
  events.splice(40, 1); // line 41 deleted: the event before it, on line 40, misses its link
  return file(ndjson(events), 'edited-export.ndjson');
};
/** Every third event of the chain: what an export filtered by actor holds, gaps between them. */
const filteredFile = () =>
  file(ndjson(ACME.filter((_, i) => i % 3 === 0)), 'filtered-export.ndjson');
const unusableFile = () => {
  const lines = ndjson(ACME).split('\n');
  lines[6] = lines[6]!.replace('"action":', '"action":"document.deleted","action":');
  return file(lines.join('\n'), 'duplicate-key.ndjson');
};
const jsonFile = () => file(JSON.stringify(GLOBEX, null, 2), 'audit-export.json');

/** A receipt of org_acme's chain as a viewer saved it at its head. */
const receipt: Checkpoint = {
  kind: 'immutable.checkpoint',
  version: 1,
  scope: { base_url: 'https://api.example.test', tenant_id: 'org_acme', actor_id: null },
  head: { sequence: 400, event_hash: ACME[0]!.integrity.event_hash },
  event: { id: ACME[0]!.id, sequence: 400, event_hash: ACME[0]!.integrity.event_hash },
  verified_at: '2026-03-02T00:00:00.000Z',
};
/** The same receipt, as if the head had another hash when it was saved: the file was rewritten. */
const rewrittenReceipt: Checkpoint = {
  ...receipt,
  head: { ...receipt.head, event_hash: 'f'.repeat(64) },
  event: { ...receipt.event!, event_hash: 'f'.repeat(64) },
};

/** A file whose reads never finish (on the main thread): the check stays running. */
class StalledFile extends File {
  override slice(): Blob {
    return { arrayBuffer: () => new Promise<ArrayBuffer>(() => {}) } as Blob;
  }
}

/** Records the Web Workers the page starts (their script URLs) and the ones that fail. */
function watchWorkers() {
  const started: string[] = [];
  const failed: string[] = [];
  const Original = globalThis.Worker;
  globalThis.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push(String(url));
      this.addEventListener('error', (event) => failed.push(event.message || String(url)));
    }
  };
  return { started, failed, stop: () => void (globalThis.Worker = Original) };
}

const PICK = 'Check an export file (JSON or NDJSON)';
const finished = async (canvas: ReturnType<typeof within>) =>
  waitFor(
    () =>
      expect(canvas.getByRole('group', { name: 'Verify a file offline' })).not.toHaveAttribute(
        'data-state',
        'checking',
      ),
    { timeout: 10_000 },
  );

const meta = {
  title: 'Components/ExportVerifier',
  component: ExportVerifier,
  args: { onResult: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'Checks a JSON or NDJSON export on this device, in a Web Worker, never uploading it: every hash recomputed, every link of every chain checked, and the file compared with a receipt (the `checkpoint` prop). The stories pick generated files: two valid chains of 400 and 250 events, and edited copies.',
      },
    },
  },
} satisfies Meta<typeof ExportVerifier>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waiting for a file: the picker, and a word that the file stays here. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText(PICK)).toHaveAccessibleDescription(
      'Or drop it here. It is checked in this browser and never uploaded.',
    );
  },
};

/** An untouched export: valid, with each chain's head; checked in a Web Worker. */
export const Valid: Story = {
  play: async ({ canvas, args }) => {
    const workers = watchWorkers();
    try {
      await userEvent.upload(canvas.getByLabelText(PICK), validFile());
      await finished(canvas);
    } finally {
      workers.stop();
    }
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Valid: every hash and link checks out (events: 650, chains: 2).',
    );
    // The tenant is the file's text, in its own isolate: the item's text, not one node's.
    const head = canvas
      .getAllByRole('listitem')
      .find((item) => /^org_acme — events: 400, head at sequence 400/.test(item.textContent ?? ''));
    await expect(head).toBeVisible();
    await expect(args.onResult).toHaveBeenCalledWith(expect.objectContaining({ status: 'valid' }));
    // It ran in the worker: one was started from the worker's script and did not fail (a failed
    // start would have fallen back to the main thread).
    await expect(workers.started).toEqual([expect.stringContaining('verifyExport.worker')]);
    await expect(workers.failed).toEqual([]);
  },
};

/** A pretty-printed JSON array is read as well as NDJSON. */
export const ValidJsonArray: Story = {
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText(PICK), jsonFile());
    await finished(canvas);
    await expect(canvas.getByRole('status')).toHaveTextContent('(events: 250, chains: 1)');
  },
};

/** An edited line and a deleted one: each break with its type, line and event. */
export const BrokenChain: Story = {
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText(PICK), brokenFile());
    await finished(canvas);
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Broken — problems: 2 (events: 399).',
    );
    const rows = within(canvas.getByRole('table', { name: 'Breaks' })).getAllByRole('row');
    await expect(rows[1]).toHaveTextContent('Content altered (hash mismatch)line 11');
    await expect(rows[2]).toHaveTextContent('Events missing (sequence gap)line 40');
  },
};

/** An export filtered by actor: only sequence gaps, told apart from tampering as a warning. */
export const FilteredExport: Story = {
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText(PICK), filteredFile());
    await finished(canvas);
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Every event checks out, but events are missing in 133 places (events: 134).',
    );
    const rows = within(canvas.getByRole('table', { name: 'Breaks' })).getAllByRole('row');
    await expect(rows[1]).toHaveTextContent('Events missing (sequence gap)line 1');
  },
};

/** Not an export it can read: the message names the line. */
export const Unusable: Story = {
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText(PICK), unusableFile());
    await finished(canvas);
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'This file cannot be checked: line 7: duplicate key "action" in event',
    );
  },
};

/** Checking (here on the main thread, with a file whose reads never finish). */
export const Checking: Story = {
  args: { runIn: 'main-thread' },
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText(PICK), new StalledFile(['x'], 'huge.ndjson'));
    await expect(canvas.getByRole('progressbar', { name: 'Checking the file' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cancel check' })).toBeVisible();
  },
};

/** Cancelled: the progress goes, focus returns to the picker. */
export const Cancelled: Story = {
  args: { runIn: 'main-thread' },
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText(PICK), new StalledFile(['x'], 'huge.ndjson'));
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel check' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('Check cancelled.');
    await expect(canvas.getByLabelText(PICK)).toHaveFocus();
  },
};

/** With a receipt given: the file holds the receipt's event with the same hash. */
export const ConsistentWithReceipt: Story = {
  args: { checkpoint: receipt },
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText(PICK), validFile());
    await finished(canvas);
    await expect(canvas.getByText('Consistent with the receipt.')).toBeVisible();
  },
};

/** The file links, but the receipt saw another hash at its sequence: history was rewritten. */
export const RewrittenHistory: Story = {
  args: { checkpoint: rewrittenReceipt },
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText(PICK), validFile());
    await finished(canvas);
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Not consistent with the receipt: history was rewritten.',
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: BrokenChain.play,
};

const SHEET: Array<[string, () => File | null, Partial<Story['args']>]> = [
  ['Idle', () => null, {}],
  ['Valid', validFile, {}],
  ['Broken', brokenFile, {}],
  ['Filtered export', filteredFile, {}],
  ['Unusable', unusableFile, {}],
  ['Checking', () => new StalledFile(['x'], 'huge.ndjson'), { runIn: 'main-thread' }],
  ['Rewritten history', validFile, { checkpoint: rewrittenReceipt }],
];

/** Every state side by side. */
export const AllStates: Story = {
  render: (args) => (
    <div
      style={{
        display: 'grid',
        gap: 16,
        gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))',
      }}
    >
      {SHEET.map(([title, , extra]) => (
        <section key={title} data-sheet={title} aria-label={title}>
          <h2 style={{ fontSize: '1em' }}>{title}</h2>
          <ExportVerifier {...args} {...extra} />
        </section>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    for (const [title, make] of SHEET) {
      const chosen = make();
      const panel = within(canvasElement.querySelector<HTMLElement>(`[data-sheet="${title}"]`)!);
      if (chosen) await userEvent.upload(panel.getByLabelText(PICK), chosen);
    }
    const state = (title: string) =>
      canvasElement
        .querySelector(`[data-sheet="${title}"] [data-slot="export-verifier"]`)
        ?.getAttribute('data-state');
    await waitFor(
      () =>
        expect(SHEET.map(([title]) => state(title))).toEqual([
          'idle',
          'valid',
          'broken',
          'broken',
          'unusable',
          'checking',
          'broken',
        ]),
      { timeout: 10_000 },
    );
  },
};
