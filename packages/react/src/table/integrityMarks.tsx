import type { IntegrityCheck } from '@getimmutable/client';
import type { CoreMessages } from '../messages/coreMessages.js';

const mark = (
  state: 'ok' | 'bad' | 'unknown' | 'pending',
  label: string,
  slot: 'table-hash' | 'table-link',
  sign: string,
) => (
  <span
    role="img"
    aria-label={label}
    title={label}
    className="imv-table__mark"
    data-slot={slot}
    data-state={state}
  >
    {sign}
  </span>
);

/**
 * A row's integrity marks: ✓/✗ for its own hash and, when shown, for its link to the previous
 * event; one pending mark until they are computed (after paint). The marks sit in the cell itself,
 * with no wrapper, and this is a plain function, not a component: it runs for every row.
 * @param checks the row's checks; undefined while pending
 * @param showLink whether to show the link to the predecessor (not for a filtered list)
 * @param unavailable the checks' code could not load: a row without its checks is not checked
 */
export function integrityMarks(
  checks: IntegrityCheck | undefined,
  showLink: boolean,
  messages: CoreMessages,
  unavailable: boolean,
) {
  if (!checks) {
    return unavailable
      ? mark('unknown', messages.integrityUnavailable, 'table-hash', '–')
      : mark('pending', messages.verifying, 'table-hash', '…');
  }
  const { hash, link } = checks;
  return (
    <>
      {hash.ok
        ? mark('ok', messages.hashOk, 'table-hash', '✓')
        : mark('bad', messages.hashBad, 'table-hash', '✗')}
      {!showLink
        ? null
        : link.status === 'linked'
          ? mark('ok', messages.linkOk, 'table-link', '✓')
          : link.status === 'unknown'
            ? mark('unknown', messages.linkUnknown, 'table-link', '–')
            : mark('bad', messages.linkBad, 'table-link', '✗')}
    </>
  );
}
