import { useEffect, useId, useRef, useState } from 'react';

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
 * A disclosure button opening a panel of checkboxes, one per column. Native checkboxes keep it
 * keyboard-operable without a menu widget: Tab between them, Space toggles, Escape closes and
 * returns focus to the button. The last visible column cannot be hidden.
 */
export function ColumnsMenu({ label, legend, items, onToggle }: ColumnsMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLFieldSetElement>(null);
  const visibleCount = items.filter((item) => item.visible).length;

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector('input')?.focus();
    const outside = (target: EventTarget | null) =>
      target instanceof Node &&
      !panelRef.current?.contains(target) &&
      !buttonRef.current?.contains(target);
    const onMouseDown = (event: MouseEvent) => {
      if (outside(event.target)) setOpen(false);
    };
    const onFocusIn = (event: FocusEvent) => {
      if (outside(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', onMouseDown);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('mousedown', onMouseDown);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div
      className="imv-table-columns"
      data-slot="table-columns"
      data-state={open ? 'open' : 'closed'}
    >
      <button
        ref={buttonRef}
        type="button"
        className="imv-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open ? (
        <fieldset
          ref={panelRef}
          id={panelId}
          className="imv-table-columns-panel"
          data-slot="table-columns-panel"
        >
          <legend className="imv-table-columns-legend">{legend}</legend>
          {items.map((item) => (
            <label
              key={item.id}
              className="imv-table-columns-option"
              data-slot="table-columns-option"
            >
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
      ) : null}
    </div>
  );
}
