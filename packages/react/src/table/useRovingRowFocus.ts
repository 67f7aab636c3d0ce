import {
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';

/** A click on one of these inside a row operates that control, not the row. */
const INTERACTIVE =
  'a, button, input, select, textarea, summary, [role="button"], [role="link"], [tabindex]';
/** PageUp / PageDown move this many rows. */
const PAGE_ROWS = 10;

export interface RovingRowFocusOptions {
  /** The rows in order, and the same rows by id (TanStack Table's row model has both). */
  rows: ReadonlyArray<{ id: string }>;
  rowsById: Readonly<Record<string, unknown>>;
  /**
   * A row element's id is `rowIdPrefix + row id`. Focus moves by element id because the target row
   * of a virtualized list may not be rendered yet.
   */
  rowIdPrefix: string;
  /**
   * The row shown in a detail view: the tab stop until the user moves, and where focus returns
   * when it goes back to null. `undefined` when the table tracks no selection.
   */
  selectedEventId?: string | null | undefined;
  /** Brings a row into the DOM before it is focused (virtualized rows). */
  scrollToIndex?(index: number): void;
  /** A row activated by click, Enter or Space. */
  onActivate?(index: number): void;
}

/** Spread on a row element. */
export interface RowFocusProps {
  id: string;
  tabIndex: 0 | -1;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onClick(event: MouseEvent<HTMLElement>): void;
  onFocus(event: FocusEvent<HTMLElement>): void;
}

/**
 * Rows as one tab stop (roving tabindex): Up/Down, PageUp/PageDown, Home/End move focus between
 * rows, Enter/Space or a click activate one. The tab stop is the row last focused or activated,
 * else the selected row, else the first, so Tab returns where the user was.
 */
export function useRovingRowFocus({
  rows,
  rowsById,
  rowIdPrefix,
  selectedEventId,
  scrollToIndex,
  onActivate,
}: RovingRowFocusOptions): { getRowProps(index: number): RowFocusProps } {
  const [activeId, setActiveId] = useState<string | null>(null);
  // A row that no longer exists (new page, new filters) is no tab stop.
  const tabStopId =
    activeId !== null && Object.hasOwn(rowsById, activeId)
      ? activeId
      : selectedEventId != null && Object.hasOwn(rowsById, selectedEventId)
        ? selectedEventId
        : (rows[0]?.id ?? null);

  // A virtualized row out of view renders only after the scroll: it is focused after that render.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const element = document.getElementById(rowIdPrefix + id);
    if (element) {
      pendingFocus.current = null;
      element.focus();
    }
  });

  // When the detail view closes and focus fell to the page (the view was removed), give it back
  // to the row; focus the user moved elsewhere stays there.
  const previousSelected = useRef(selectedEventId);
  useEffect(() => {
    const previous = previousSelected.current;
    previousSelected.current = selectedEventId;
    if (!previous || selectedEventId) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById(rowIdPrefix + previous)?.focus();
  }, [selectedEventId, rowIdPrefix]);

  const focusIndex = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows[clamped];
    if (!row) return;
    setActiveId(row.id);
    scrollToIndex?.(clamped);
    const element = document.getElementById(rowIdPrefix + row.id);
    if (element) element.focus();
    else pendingFocus.current = row.id;
  };

  const activate = (index: number) => {
    setActiveId(rows[index]!.id);
    onActivate?.(index);
  };

  const getRowProps = (index: number): RowFocusProps => {
    const id = rows[index]!.id;
    return {
      id: rowIdPrefix + id,
      tabIndex: id === tabStopId ? 0 : -1,
      onKeyDown(event) {
        // Keys pressed in a custom cell's controls are theirs.
        if (event.target !== event.currentTarget) return;
        const moves: Record<string, number> = {
          ArrowDown: index + 1,
          ArrowUp: index - 1,
          PageDown: index + PAGE_ROWS,
          PageUp: index - PAGE_ROWS,
          Home: 0,
          End: rows.length - 1,
        };
        const target = moves[event.key];
        if (target !== undefined) {
          event.preventDefault();
          focusIndex(target);
        } else if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          activate(index);
        }
      },
      onClick(event) {
        const control = (event.target as Element).closest(INTERACTIVE);
        // The row itself matches `[tabindex]`: a click on plain cell content activates it.
        if (control && control !== event.currentTarget && event.currentTarget.contains(control)) {
          return;
        }
        activate(index);
      },
      onFocus(event) {
        // Focus on a control inside the row leaves the tab stop where it is.
        if (event.target === event.currentTarget) setActiveId(id);
      },
    };
  };

  return { getRowProps };
}
