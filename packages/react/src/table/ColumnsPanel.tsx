import { useRef, type RefObject } from 'react';
import { useDismissableLayer } from '../overlay/useDismissableLayer.js';
import { useFocusScope } from '../overlay/useFocusScope.js';
import type { ColumnsMenuProps } from './ColumnsMenu.js';

export interface ColumnsPanelProps extends Omit<ColumnsMenuProps, 'label'> {
  id: string;
  button: RefObject<HTMLButtonElement | null>;
  onClose(): void;
}

/**
 * The Columns menu's panel (loaded when the menu first opens: see ColumnsMenu). Mounted only
 * while open, so the layer's mount and unmount are the menu's open and close.
 */
export function ColumnsPanel({ id, legend, items, onToggle, button, onClose }: ColumnsPanelProps) {
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
