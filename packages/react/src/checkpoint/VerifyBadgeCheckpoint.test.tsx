import {
  checkpointKey,
  parseCheckpoint,
  type Checkpoint,
  type CheckpointStore,
} from '@getimmutable/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { emulatorUrl, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { VerifyBadge } from '../verify/VerifyBadge.js';
import { useStoredCheckpoint } from './useStoredCheckpoint.js';

/** A store in memory that records what the kit keeps. */
function memoryStore(initial: Checkpoint[] = []): CheckpointStore & { saved: Checkpoint[] } {
  const saved = [...initial];
  return {
    saved,
    get: async (scope) =>
      saved.findLast((c) => checkpointKey(c.scope) === checkpointKey(scope)) ?? null,
    set: async (checkpoint) => void saved.push(checkpoint),
  };
}

const badgeState = (container: HTMLElement) =>
  container.firstElementChild?.getAttribute('data-state');

afterEach(() => vi.restoreAllMocks());

describe('VerifyBadge with checkpoints', () => {
  it('keeps a checkpoint of the head in localStorage after a complete, valid verify', async () => {
    const { container } = renderWithViewer(<VerifyBadge />, viewerFor('org_acme'));
    const key = checkpointKey({ base_url: emulatorUrl(), tenant_id: 'org_acme', actor_id: null });
    await waitFor(() => expect(localStorage.getItem(key)).not.toBeNull());
    const kept = parseCheckpoint(JSON.parse(localStorage.getItem(key)!));
    const { data } = await viewerFor('org_acme').verifyAll();
    expect(kept.head).toEqual(data.head);
    expect(kept.event?.sequence).toBe(data.head?.sequence);
    expect(badgeState(container)).toBe('verified');
  });

  it('says the history is unchanged since the checkpoint on a later verify', async () => {
    const store = memoryStore();
    const first = renderWithViewer(<VerifyBadge />, viewerFor('org_acme'), {
      checkpointStore: store,
    });
    await waitFor(() => expect(store.saved).toHaveLength(1));
    first.unmount();
    renderWithViewer(<VerifyBadge />, viewerFor('org_acme'), { checkpointStore: store });
    expect(await screen.findByText(/^unchanged since /)).toBeInTheDocument();
    expect(store.saved).toHaveLength(2);
  });

  it('shows a rewritten history, naming the event and both hashes, until the user accepts it', async () => {
    const seen = parseCheckpoint(inject('rewrittenCheckpoint'));
    const store = memoryStore([seen]);
    const onHistoryChange = vi.fn();
    const { container } = renderWithViewer(<VerifyBadge />, viewerFor('org_rewritten'), {
      checkpointStore: store,
      onHistoryChange,
    });
    await waitFor(() => expect(badgeState(container)).toBe('changed'));
    expect(container.querySelector('[data-slot="verify-badge-status"]')).toHaveTextContent(
      /^History changed since you verified it on /,
    );
    await waitFor(() => expect(container.querySelector('dl')).not.toBeNull()); // loaded on demand
    const facts = container.querySelector('dl')!;
    expect(facts).toHaveTextContent(`${seen.event!.id} (#${seen.event!.sequence})`);
    expect(within(facts).getByText(seen.event!.event_hash)).toBeInTheDocument();
    const now = await viewerFor('org_rewritten').events.get(seen.event!.id);
    expect(now.data.integrity.event_hash).not.toBe(seen.event!.event_hash);
    expect(within(facts).getByText(now.data.integrity.event_hash)).toBeInTheDocument();

    // The server says valid, and verifying again does not clear it.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Verify again' }));
    await waitFor(() => expect(badgeState(container)).toBe('changed'));
    expect(store.saved).toEqual([seen]);

    // Accepting takes a confirmation; Cancel and Escape leave everything as it was.
    await user.click(screen.getByRole('button', { name: 'Accept current history…' }));
    expect(screen.getByRole('button', { name: 'Accept current history' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Accept current history…' })).toHaveFocus();
    expect(onHistoryChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Accept current history…' }));
    await user.click(screen.getByRole('button', { name: 'Accept current history' }));
    await waitFor(() => expect(badgeState(container)).toBe('verified'));
    expect(onHistoryChange).toHaveBeenCalledOnce();
    const [{ previous, current, change }] = onHistoryChange.mock.calls[0]!;
    expect(previous).toEqual(seen);
    expect(change).toMatchObject({ reason: 'event_changed', event_id: seen.event!.id });
    expect(current.event.event_hash).toBe(now.data.integrity.event_hash);
    expect(store.saved.at(-1)).toEqual(current);
  });

  it('shows a chain emptied since the checkpoint as changed, with nothing to accept', async () => {
    const seen = parseCheckpoint(inject('emptiedCheckpoint'));
    const { container } = renderWithViewer(<VerifyBadge />, viewerFor('org_emptied'), {
      checkpointStore: memoryStore([seen]),
    });
    await waitFor(() => expect(badgeState(container)).toBe('changed'));
    expect(await screen.findByText(/^The last event you verified is gone/)).toBeInTheDocument();
    expect(screen.getByText(/there is no history to accept/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept current history/ })).toBeNull();
  });

  it('compares nothing for a range that starts later and holds no events', async () => {
    const store = memoryStore([parseCheckpoint(inject('emptiedCheckpoint'))]);
    const { container } = renderWithViewer(
      <VerifyBadge from="2099-01-01" />,
      viewerFor('org_emptied'),
      {
        checkpointStore: store,
      },
    );
    await waitFor(() => expect(badgeState(container)).toBe('verified'));
    expect(store.saved).toHaveLength(1);
  });

  it('shows verify as usual when the store fails, and says the history was not compared', async () => {
    const failing: CheckpointStore = {
      get: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      set: () => undefined,
    };
    const { container } = renderWithViewer(<VerifyBadge />, viewerFor('org_acme'), {
      checkpointStore: failing,
    });
    expect(
      await screen.findByText(
        'Not compared with your last verification: The quota has been exceeded.',
      ),
    ).toBeInTheDocument();
    expect(badgeState(container)).toBe('verified');
  });

  it('shows verify as usual when localStorage itself throws', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { container } = renderWithViewer(<VerifyBadge />, viewerFor('org_acme'));
    expect(
      await screen.findByText(/^Not compared with your last verification/),
    ).toBeInTheDocument();
    expect(badgeState(container)).toBe('verified');
  });

  it('compares nothing when checkpoints are off, or for a range that ends before now', async () => {
    const store = memoryStore();
    const off = renderWithViewer(<VerifyBadge />, viewerFor('org_acme'), {
      checkpointStore: false,
    });
    await waitFor(() => expect(badgeState(off.container)).toBe('verified'));
    off.unmount();
    const bounded = renderWithViewer(<VerifyBadge to="2026-01-01" />, viewerFor('org_acme'), {
      checkpointStore: store,
    });
    await waitFor(() => expect(badgeState(bounded.container)).toBe('verified'));
    expect(store.saved).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('downloads the checkpoint as a receipt and checks receipts against the server', async () => {
    const store = memoryStore();
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (saved.push(blob), 'blob:receipt'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { container } = renderWithViewer(<VerifyBadge />, viewerFor('org_acme'), {
      checkpointStore: store,
    });
    await waitFor(() => expect(store.saved).toHaveLength(1));
    const user = userEvent.setup();
    await user.click(await screen.findByText('Receipt'));
    await user.click(screen.getByRole('button', { name: 'Download receipt' }));
    const receipt = parseCheckpoint(JSON.parse(await saved[0]!.text()));
    expect(receipt).toEqual(store.saved[0]);

    const picker = screen.getByLabelText('Check a receipt', { selector: 'input' });
    const file = (value: unknown) =>
      new File([JSON.stringify(value)], 'r.json', { type: 'application/json' });
    await user.upload(picker, file(receipt));
    const result = container.querySelector('[data-slot="verify-badge-receipt"] [role="status"]')!;
    await waitFor(() =>
      expect(result).toHaveTextContent(/^The receipt of .* matches the history now\.$/),
    );

    await user.upload(
      picker,
      file({
        ...receipt,
        head: { sequence: receipt.head.sequence + 5, event_hash: receipt.head.event_hash },
      }),
    );
    await waitFor(() =>
      expect(result).toHaveTextContent(/does not match the history now\. The chain is shorter/),
    );

    await user.upload(
      picker,
      file({ ...receipt, scope: { ...receipt.scope, tenant_id: 'org_globex' } }),
    );
    await waitFor(() =>
      expect(result).toHaveTextContent('This receipt is for another log (tenant org_globex).'),
    );
    // A receipt is a file anyone can send: rendered raw, this tenant reads "org_globex".
    await user.upload(
      picker,
      file({ ...receipt, scope: { ...receipt.scope, tenant_id: 'org_\u202Exebolg' } }),
    );
    await waitFor(() =>
      expect(result).toHaveTextContent(
        'This receipt is for another log (tenant org_U+202Exebolg).',
      ),
    );
    expect(result.querySelector('bdi')).toHaveTextContent('org_U+202Exebolg');

    await user.upload(picker, file({ kind: 'something else' }));
    await waitFor(() =>
      expect(result).toHaveTextContent('Not a receipt: Not a checkpoint receipt: kind must be'),
    );
  });

  it('has no axe violations in the changed state', async () => {
    const store = memoryStore([parseCheckpoint(inject('rewrittenCheckpoint'))]);
    const { container } = renderWithViewer(<VerifyBadge />, viewerFor('org_rewritten'), {
      checkpointStore: store,
    });
    await waitFor(() => expect(badgeState(container)).toBe('changed'));
    await userEvent
      .setup()
      .click(await screen.findByRole('button', { name: 'Accept current history…' }));
    const results = await axe.run(container);
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('useStoredCheckpoint', () => {
  function Shown() {
    const checkpoint = useStoredCheckpoint();
    return <output aria-label="kept">{checkpoint ? checkpoint.head.sequence : 'none'}</output>;
  }

  it('reads the kept checkpoint, and reads again once a verify keeps a new one', async () => {
    renderWithViewer(
      <>
        <Shown />
        <VerifyBadge />
      </>,
      viewerFor('org_acme'),
    );
    const { data } = await viewerFor('org_acme').verifyAll();
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'kept' })).toHaveTextContent(
        String(data.head!.sequence),
      ),
    );
  });
});
