import type { Target } from '@getimmutable/client';
import { useLayoutEffect, useRef, useState } from 'react';
import { UserText } from '../UserText.js';
import { JsonTree } from './JsonTree.js';
import { useMessages } from '../messages/useMessages.js';
import { drawerMessages } from '../messages/drawerMessages.js';

export interface TargetsListProps {
  /** The event's targets, in order. */
  targets: readonly Target[];
  /** How many targets are shown at first, and added by each "Show more". @default 50 */
  pageSize?: number;
}

const hasKeys = (value: unknown) =>
  value !== null && typeof value === 'object' && Object.keys(value).length > 0;

/**
 * An event's targets, a page at a time (as the JSON tree pages keys): 20,000 targets cost 50 list
 * items until the user asks for more. "Show more" keeps focus while more remain; the last one
 * hands focus to the first target it revealed, so focus never drops to the page.
 */
export function TargetsList({ targets, pageSize = 50 }: TargetsListProps) {
  const messages = useMessages(drawerMessages);
  const page = Math.max(1, Math.floor(pageSize));
  const [shown, setShown] = useState(page);
  const visible = Math.min(shown, targets.length);
  const hidden = targets.length - visible;
  const more = Math.min(hidden, page);

  // The first target the last "Show more" revealed: it takes focus from the button that goes away.
  const [landing, setLanding] = useState<number | null>(null);
  const landingItem = useRef<HTMLLIElement | null>(null);
  useLayoutEffect(() => {
    if (landing !== null) landingItem.current?.focus();
  }, [landing]);

  if (targets.length === 0) return <p className="imv-drawer__empty">{messages.noTargets}</p>;

  const showMore = () => {
    if (more === hidden) setLanding(visible);
    setShown(visible + page);
  };

  return (
    <>
      <ul className="imv-drawer__targets" data-slot="drawer-targets">
        {targets.slice(0, visible).map((t, i) => (
          <li
            key={i}
            ref={i === landing ? landingItem : undefined}
            tabIndex={i === landing ? -1 : undefined}
            className="imv-drawer__target"
            data-slot="drawer-target"
          >
            <span className="imv-drawer__tag">
              <UserText>{t.type}</UserText>
            </span>{' '}
            {t.id ? (
              <code>
                <UserText>{t.id}</UserText>
              </code>
            ) : null}
            {t.name ? (
              <span>
                {' '}
                <UserText>{t.name}</UserText>
              </span>
            ) : null}
            {hasKeys(t.metadata) ? (
              <JsonTree
                data={t.metadata}
                rootName={`targets[${i}].metadata`}
                aria-label={messages.targetMetadata}
                role="group"
              />
            ) : null}
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <button
          type="button"
          className="imv-button imv-drawer__more"
          data-slot="drawer-targets-more"
          aria-label={messages.showMoreTargets(more, hidden)}
          onClick={showMore}
        >
          {messages.showMore(more)}
        </button>
      ) : null}
    </>
  );
}
