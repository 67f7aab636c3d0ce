import type { FieldChange } from '@getimmutable/client';
import { UserText } from '../UserText.js';
import { JsonTree } from './JsonTree.js';
import { useMessages } from '../messages/useMessages.js';
import { drawerMessages } from '../messages/drawerMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

/** Marks that say the kind of change in text, so it is never told by colour alone. */
const SIGNS: Record<FieldChange['kind'], string> = { changed: '~', added: '+', removed: '−' };

function Value({ value, present, path }: { value: unknown; present: boolean; path: string }) {
  const messages = useMessages(drawerMessages, coreMessages);
  if (!present) return <span className="imv-diff__absent">{messages.diffAbsent}</span>;
  if (typeof value === 'object' && value !== null)
    return <JsonTree data={value} rootName={path} expandDepth={2} />;
  return (
    <code className="imv-diff__scalar">
      <UserText>{typeof value === 'string' ? value : JSON.stringify(value)}</UserText>
    </code>
  );
}

/**
 * An update's changes field by field: before and after side by side, long values wrapped,
 * nested values as JSON trees, each row saying in words (and a sign) whether the field was
 * changed, added or removed.
 */
export function ChangesDiff({ changes }: { changes: FieldChange[] }) {
  const messages = useMessages(drawerMessages, coreMessages);
  return (
    <table className="imv-diff" data-slot="drawer-changes-diff">
      <caption className="imv-visually-hidden">{messages.changesCount(changes.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{messages.diffField}</th>
          <th scope="col">{messages.diffBefore}</th>
          <th scope="col">{messages.diffAfter}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, i) => (
          <tr key={`${i}:${change.field}`} className="imv-diff__row" data-kind={change.kind}>
            <th scope="row" className="imv-diff__field">
              <span className="imv-diff__sign" aria-hidden="true">
                {SIGNS[change.kind]}
              </span>{' '}
              <UserText>{change.field}</UserText>{' '}
              <span className="imv-diff__kind">{messages.diffKinds[change.kind]}</span>
            </th>
            <td>
              <Value
                value={change.before}
                present={change.kind !== 'added'}
                path={`${change.field} ${messages.diffBefore.toLowerCase()}`}
              />
            </td>
            <td>
              <Value
                value={change.after}
                present={change.kind !== 'removed'}
                path={`${change.field} ${messages.diffAfter.toLowerCase()}`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
