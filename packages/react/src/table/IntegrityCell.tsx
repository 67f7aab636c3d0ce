import type { IntegrityCheck } from '@getimmutable/client';
import type { Messages } from '../messages.js';

export interface IntegrityCellProps {
  /** The row's checks; undefined while they are pending (they are computed after paint). */
  checks: IntegrityCheck | undefined;
  /** Whether to show the link to the predecessor (not for a filtered list). */
  showLink: boolean;
  messages: Messages;
}

interface MarkProps {
  state: 'ok' | 'bad' | 'unknown' | 'pending';
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

/**
 * ✓/✗ for the row's own hash and, when shown, for its link to the previous event; one pending
 * mark until they are computed. The marks sit in the cell itself (no wrapper: one node fewer a row).
 */
export function IntegrityCell({ checks, showLink, messages }: IntegrityCellProps) {
  if (!checks)
    return (
      <Mark state="pending" label={messages.verifying} slot="table-hash">
        …
      </Mark>
    );
  const { hash, link } = checks;
  return (
    <>
      {hash.ok ? (
        <Mark state="ok" label={messages.hashOk} slot="table-hash">
          ✓
        </Mark>
      ) : (
        <Mark state="bad" label={messages.hashBad} slot="table-hash">
          ✗
        </Mark>
      )}
      {!showLink ? null : link.status === 'linked' ? (
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
      )}
    </>
  );
}
