import { useId, useRef, useState, type RefObject } from 'react';
import { useDismissableLayer } from '../overlay/useDismissableLayer.js';
import { useFocusScope } from '../overlay/useFocusScope.js';

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
      >
        {label}
      </button>
      {open ? (
        <ColumnsPanel
          id={panelId}
          legend={legend}
          items={items}
          onToggle={onToggle}
          button={button}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}

interface ColumnsPanelProps extends Omit<ColumnsMenuProps, 'label'> {
  id: string;
  button: RefObject<HTMLButtonElement | null>;
  onClose(): void;
}

/** Mounted only while open, so the layer's mount and unmount are the menu's open and close. */
function ColumnsPanel({ id, legend, items, onToggle, button, onClose }: ColumnsPanelProps) {
  const panel = useRef<HTMLFieldSetElement>(null);
  const visibleCount = items.filter((item) => item.visible).length;
  // The button is part of the popover: pressing it toggles (its own click), focusing it is no exit.
  useFocusScope(panel, { returnFocus: button });
  useDismissableLayer(panel, { onDismiss: onClose, inside: [button], dismissOnFocusOutside: true });

  return (
    <fieldset
      ref={panel}
      id={id}
      className="imv-table__columns-panel"
      data-slot="table-columns-panel"
    >
      <legend className="imv-table__columns-legend">{legend}</legend>
      {items.map((item) => (
        <label key={item.id} className="imv-table__columns-option" data-slot="table-columns-option">
          <input
            type="checkbox"
            checked={item.visible}
            disabled={item.visible && visibleCount <= 1}
            onChange={(event) => onToggle(item.id, event.target.checked)}
          />
          {item.label}
        </label>
      ))}
    </fieldset>
  );
}
