import { computeEventHash, type AuditEvent } from '@getimmutable/client';
import type { Checkpoint, ExportReport } from '@getimmutable/client/offline';
import { act, createEvent, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ExportVerifier } from './ExportVerifier.js';

/** A valid chain of `count` events of org_acme, newest first, as an export lists them. */
function chain(count: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let previous: string | null = null;
  for (let sequence = 1; sequence <= count; sequence++) {
    const event: AuditEvent = {
      id: `evt_${sequence}`,
      tenant_id: 'org_acme',
      actor_id: 'user_1',
      actor_name: 'Sarah Chen',
      actor_type: 'user',
      action: 'document.viewed',
      action_category: null,
      resource: 'document',
      resource_id: `doc_${sequence}`,
      resource_name: null,
      targets: [],
      metadata: { n: sequence },
      session_id: null,
      version: null,
      idempotency_key: null,
      context: null,
      created_at: new Date(Date.UTC(2026, 2, 1) + sequence * 1000).toISOString(),
      integrity: { event_hash: '', previous_event_hash: previous, sequence },
    };
    previous = event.integrity.event_hash = computeEventHash(event);
    events.unshift(event);
  }
  return events;
}

const ndjson = (events: AuditEvent[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');
const fileOf = (text: string, name = 'export.ndjson') =>
  new File([text], name, { type: 'application/x-ndjson' });

const picker = () => screen.getByLabelText('Check an export file (JSON or NDJSON)');

async function pick(file: File) {
  await userEvent.upload(picker(), file);
  await waitFor(() =>
    expect(screen.getByRole('group', { name: 'Verify a file offline' })).not.toHaveAttribute(
      'data-state',
      'checking',
    ),
  );
}

async function noViolations(container: HTMLElement) {
  const { violations } = await axe.run(container);
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** A file whose reads never finish: the check stays running until it is cancelled. */
class StalledFile extends File {
  override slice(): Blob {
    return { arrayBuffer: () => new Promise<ArrayBuffer>(() => {}) } as Blob;
  }
}

describe('ExportVerifier', () => {
  it('offers a labelled file picker, saying the file is never uploaded', async () => {
    const { container } = render(<ExportVerifier />);
    const group = screen.getByRole('group', { name: 'Verify a file offline' });
    expect(group).toHaveAttribute('data-state', 'idle');
    expect(picker()).toHaveAccessibleDescription(
      'Or drop it here. It is checked in this browser and never uploaded.',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('');
    await noViolations(container);
  });

  it('says valid, with the head of each chain, for an untouched export', async () => {
    const onResult = vi.fn<(report: ExportReport) => void>();
    const events = chain(5);
    const { container } = render(<ExportVerifier onResult={onResult} />);
    await pick(fileOf(ndjson(events)));
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'valid');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Valid: every hash and link checks out (events: 5, chains: 1).',
    );
    expect(screen.getByRole('listitem')).toHaveTextContent(
      'org_acme — events: 5, head at sequence 5',
    );
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ status: 'valid', events: 5 }));
    await noViolations(container);
  });

  it('lists each break with its type, line and event', async () => {
    const events = chain(6);
    events[1]!.action = 'document.deleted'; // line 2: content no longer hashes right
    events.splice(3, 1); // line 4 was sequence 3: sequence 4 now follows sequence 2
    const { container } = render(<ExportVerifier />);
    await pick(fileOf(ndjson(events)));
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'broken');
    expect(screen.getByRole('status')).toHaveTextContent('Broken — problems: 2 (events: 5).');
    expect(screen.getByRole('group')).not.toHaveAttribute('data-only-gaps');
    const table = screen.getByRole('table', { name: 'Breaks' });
    const rows = table.querySelectorAll('tbody tr');
    expect([...rows].map((row) => row.textContent)).toEqual([
      'Content altered (hash mismatch)line 2evt_55 (org_acme)',
      'Events missing (sequence gap)line 3evt_44 (org_acme)',
    ]);
    await noViolations(container);
  });

  it("shows a tampered file's ids and tenants isolated, an override in them as its code point", async () => {
    const events = chain(3);
    // Rendered raw, the override makes the tampered tenant read "org_acme" and the id "evt_3".
    events[0]!.tenant_id = 'org_\u202Eemca';
    events[0]!.id = 'evt_\u202E3';
    render(<ExportVerifier />);
    await pick(fileOf(ndjson(events), 'export\u202Etxt.ndjson'));
    const row = screen.getByRole('table', { name: 'Breaks' }).querySelector('tbody tr')!;
    expect(row.textContent).toBe(
      'Content altered (hash mismatch)line 1evt_U+202E33 (org_U+202Eemca)',
    );
    const heads = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(heads).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^org_U\+202Eemca — events: 1, head at sequence 3 /),
      ]),
    );
    expect(document.body.textContent).not.toContain('\u202E');
  });

  it("tells a filtered export's gaps apart from tampering, as a warning", async () => {
    // Sequences 6, 4 and 1 of 6: what an export filtered by actor could hold.
    const events = chain(6).filter((e) => [6, 4, 1].includes(e.integrity.sequence));
    const { container } = render(<ExportVerifier />);
    await pick(fileOf(ndjson(events)));
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'broken');
    expect(screen.getByRole('group')).toHaveAttribute('data-only-gaps');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Every event checks out, but events are missing in 2 places (events: 3). An export ' +
        'filtered by actor, action or resource has such gaps; one of every event, or of a date ' +
        'range, should have none.',
    );
    const rows = screen.getByRole('table', { name: 'Breaks' }).querySelectorAll('tbody tr');
    expect([...rows].map((row) => row.getAttribute('data-type'))).toEqual([
      'sequence_gap',
      'sequence_gap',
    ]);
    await noViolations(container);
  });

  it('names the line of a file it cannot use', async () => {
    const lines = ndjson(chain(3)).split('\n');
    lines[2] = lines[2]!.replace('"action":', '"action":"x","action":');
    render(<ExportVerifier />);
    await pick(fileOf(lines.join('\n')));
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'unusable');
    expect(screen.getByRole('status')).toHaveTextContent(
      'This file cannot be checked: line 3: duplicate key "action" in event',
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('names the index in a JSON array export', async () => {
    render(<ExportVerifier />);
    const json = JSON.stringify(chain(2)).replace('"sequence":1', '"sequence":9007199254740993');
    await pick(fileOf(json, 'export.json'));
    expect(screen.getByRole('status')).toHaveTextContent(
      'This file cannot be checked: index 1: number 9007199254740993 at event.integrity.sequence is beyond 2^53',
    );
  });

  it('compares the file with a receipt given as a prop', async () => {
    const events = chain(4);
    const head = events[0]!;
    const receipt: Checkpoint = {
      kind: 'immutable.checkpoint',
      version: 1,
      scope: { base_url: 'https://api.example.test', tenant_id: 'org_acme', actor_id: null },
      head: { sequence: 4, event_hash: head.integrity.event_hash },
      event: { id: head.id, sequence: 4, event_hash: head.integrity.event_hash },
      verified_at: '2026-03-02T00:00:00.000Z',
    };
    const { rerender } = render(<ExportVerifier checkpoint={receipt} />);
    await pick(fileOf(ndjson(events)));
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'valid');
    expect(screen.getByText('Consistent with the receipt.')).toBeVisible();

    // The same history with the newest event rewritten and re-hashed: it links, but the
    // receipt saw another hash at sequence 4.
    head.action = 'document.forged';
    head.integrity.event_hash = computeEventHash(head);
    rerender(<ExportVerifier checkpoint={receipt} />);
    await pick(fileOf(ndjson(events)));
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'broken');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Not consistent with the receipt: history was rewritten.',
    );
    expect(screen.getByText('The file has').nextElementSibling).toHaveTextContent(
      `sequence 4, event evt_4, hash ${head.integrity.event_hash.slice(0, 12)}…`,
    );
  });

  it('checks without a receipt when the checkpoint is null (none kept)', async () => {
    render(<ExportVerifier checkpoint={null} />);
    await pick(fileOf(ndjson(chain(2))));
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'valid');
    expect(screen.queryByText(/receipt/i)).toBeNull();
  });

  it('shows progress while checking, and cancels, keeping focus on the picker', async () => {
    const { container } = render(<ExportVerifier />);
    await userEvent.upload(picker(), new StalledFile([ndjson(chain(2))], 'big.ndjson'));
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'checking');
    expect(screen.getByRole('group')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('progressbar', { name: 'Checking the file' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Checking big.ndjson: 0% (events read: 0)…',
    );
    await noViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel check' }));
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'cancelled');
    expect(screen.getByRole('status')).toHaveTextContent('Check cancelled.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(picker()).toHaveFocus();
  });

  it('checks a dropped file', async () => {
    render(<ExportVerifier />);
    const drop = screen
      .getByRole('group')
      .querySelector<HTMLElement>('[data-slot="export-verifier-drop"]')!;
    const over = createEvent.dragOver(drop);
    fireEvent(drop, over);
    expect(drop).toHaveAttribute('data-dragging', 'true');
    expect(screen.getByText('Drop the file to check it')).toBeVisible();
    await act(async () => {
      fireEvent.drop(drop, { dataTransfer: { files: [fileOf(ndjson(chain(3)))] } });
    });
    await waitFor(() => expect(screen.getByRole('group')).toHaveAttribute('data-state', 'valid'));
    expect(drop).not.toHaveAttribute('data-dragging');
  });

  it('takes replacement texts, a ref and the props of its element', async () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <ExportVerifier
        ref={ref}
        className="mine"
        data-testid="verifier"
        messages={{ pick: 'Prüfe eine Exportdatei', label: 'Export prüfen' }}
      />,
    );
    const group = screen.getByRole('group', { name: 'Export prüfen' });
    expect(ref.current).toBe(group);
    expect(group).toHaveClass('imv-export-verifier', 'mine');
    expect(group).toHaveAttribute('data-testid', 'verifier');
    expect(screen.getByLabelText('Prüfe eine Exportdatei')).toHaveAttribute('type', 'file');
  });
});
