import { useId, useRef, useState } from 'react';
import { onDemand } from '../onDemand/onDemand.js';
import { OnDemandPart } from '../onDemand/OnDemandPart.js';
import { useMessages } from '../messages/useMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

// The panel and its layer behaviour (focus scope, dismissal) load when the menu is first
// opened, or when the pointer or focus reaches its button: no first paint needs them.
const panelPart = onDemand(() => import('./ColumnsPanel.js'));

export interface ColumnsMenuItem {
  id: string;
  label: string;
  visible: boolean;
}

export interface ColumnsMenuProps {
  /** The button's text. */
  label: string;
  /** The checkbox group's legend. */
  legend: string;
  items: readonly ColumnsMenuItem[];
  onToggle(id: string, visible: boolean): void;
}

/**
 * A disclosure button opening a panel of checkboxes, one per column: a non-modal popover. Native
 * checkboxes keep it keyboard-operable without a menu widget: Tab between them, Space toggles.
 * Escape or a press outside closes it and returns focus to the button; Tab out of it closes it
 * and leaves focus where Tab went. The last visible column cannot be hidden.
 */
export function ColumnsMenu({ label, legend, items, onToggle }: ColumnsMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const messages = useMessages(coreMessages);

  return (
    <div
      className="imv-table__columns"
      data-slot="table-columns"
      data-state={open ? 'open' : 'closed'}
    >
      <button
        ref={button}
        type="button"
        className="imv-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
        onPointerEnter={panelPart.preload}
        onFocus={panelPart.preload}
      >
        {label}
      </button>
      {open ? (
        // An absolutely placed popover: its fallback (nothing) moves nothing in the layout.
        <OnDemandPart
          part={panelPart}
          render={({ ColumnsPanel }) => (
            <ColumnsPanel
              id={panelId}
              legend={legend}
              items={items}
              onToggle={onToggle}
              button={button}
              onClose={() => setOpen(false)}
            />
          )}
          failure={messages.panelLoadFailed}
          failureSlot="table-columns-error"
          failureClassName="imv-table__columns-panel"
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
          focusOnFailure
        />
      ) : null}
    </div>
  );
}
