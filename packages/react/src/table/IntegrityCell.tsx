import type { ChainLinkCheck, EventCheck } from '@getimmutable/client';
import type { Messages } from '../messages.js';

export interface IntegrityCellProps {
  hash: EventCheck;
  /** The link to the predecessor, or null when links are not shown (a filtered list). */
  link: ChainLinkCheck | null;
  messages: Messages;
}

interface MarkProps {
  state: 'ok' | 'bad' | 'unknown';
  label: string;
  slot: 'table-hash' | 'table-link';
  children: string;
}

function Mark({ state, label, slot, children }: MarkProps) {
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className="imv-table__mark"
      data-slot={slot}
      data-state={state}
    >
      {children}
    </span>
  );
}

/** ✓/✗ for the row's own hash and, when given, for its link to the previous event. */
export function IntegrityCell({ hash, link, messages }: IntegrityCellProps) {
  const linkMark =
    link === null ? null : link.status === 'linked' ? (
      <Mark state="ok" label={messages.linkOk} slot="table-link">
        ✓
      </Mark>
    ) : link.status === 'unknown' ? (
      <Mark state="unknown" label={messages.linkUnknown} slot="table-link">
        –
      </Mark>
    ) : (
      <Mark state="bad" label={messages.linkBad} slot="table-link">
        ✗
      </Mark>
    );
  return (
    <span
      className="imv-table__integrity"
      data-slot="table-integrity"
      data-state={hash.ok ? 'ok' : 'bad'}
    >
      {hash.ok ? (
        <Mark state="ok" label={messages.hashOk} slot="table-hash">
          ✓
        </Mark>
      ) : (
        <Mark state="bad" label={messages.hashBad} slot="table-hash">
          ✗
        </Mark>
      )}
      {linkMark}
    </span>
  );
}
