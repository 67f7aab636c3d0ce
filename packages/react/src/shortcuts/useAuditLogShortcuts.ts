import { useEffect, useRef } from 'react';

/** The keys `<AuditLog />` answers, in the order the help lists them. */
export const AUDIT_LOG_SHORTCUTS = [
  'focusSearch',
  'nextRow',
  'previousRow',
  'open',
  'close',
  'previousPage',
  'nextPage',
  'help',
] as const;
export type AuditLogShortcut = (typeof AUDIT_LOG_SHORTCUTS)[number];

/** The key of each shortcut (Enter and Escape are the rows' and drawer's own). */
export const SHORTCUT_KEYS: Record<AuditLogShortcut, string> = {
  focusSearch: '/',
  nextRow: 'j',
  previousRow: 'k',
  open: 'Enter',
  close: 'Escape',
  previousPage: '[',
  nextPage: ']',
  help: '?',
};

export interface AuditLogShortcutsOptions {
  /** False switches every shortcut off. @default true */
  enabled?: boolean;
  /** Shows the list of shortcuts (`?`). */
  onShowHelp(): void;
}

/** Typing in a field, or a key meant for a widget that reads keys itself. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))
    return true;
  return (
    target.closest('[role="combobox"], [role="listbox"], [role="menu"], [role="dialog"]') !== null
  );
}

/** Presses a part of the log (a pager button), unless it says it cannot act now. */
function press(root: HTMLElement, slot: string): void {
  const button = root.querySelector<HTMLElement>(`[data-slot="${slot}"]`);
  if (button && button.getAttribute('aria-disabled') !== 'true') button.click();
}

/**
 * Single-key shortcuts for one audit log: `/` search, `j`/`k` next and previous row, `[`/`]`
 * pages, `?` help (Enter opens and Escape closes as they always do). They act only while focus
 * is in the log or on nothing in particular (the page's body), never while typing in a field or
 * inside a dialog, never with Ctrl, Alt or Meta held — and `enabled: false` turns them off
 * (WCAG 2.1.4: character-key shortcuts can be switched off).
 */
export function useAuditLogShortcuts(
  log: HTMLElement | null,
  { enabled = true, onShowHelp }: AuditLogShortcutsOptions,
): void {
  const showHelp = useRef(onShowHelp);
  useEffect(() => {
    showHelp.current = onShowHelp;
  });

  useEffect(() => {
    if (!enabled || !log) return;
    const doc = log.ownerDocument;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      const inLog = target instanceof Node && log.contains(target);
      if (!inLog && target !== doc.body && target !== doc.documentElement) return;
      if (isTyping(target)) return;
      const row = target instanceof Element ? target.closest('[data-slot="table-row"]') : null;
      switch (event.key) {
        case '/': {
          const search = log.querySelector<HTMLElement>(
            '[data-slot="query-input"], [data-field="search"] input',
          );
          if (!search) return;
          search.focus();
          break;
        }
        case 'j':
        case 'k': {
          if (row) {
            // The table's own roving focus moves the row (and scrolls a virtualized list).
            const arrow = event.key === 'j' ? 'ArrowDown' : 'ArrowUp';
            row.dispatchEvent(new KeyboardEvent('keydown', { key: arrow, bubbles: true }));
          } else {
            log
              .querySelector<HTMLElement>(
                '[data-slot="table-row"][tabindex="0"], [data-slot="table-row"]',
              )
              ?.focus();
          }
          break;
        }
        case '[':
          press(log, 'table-previous');
          break;
        case ']':
          press(log, 'table-next');
          break;
        case '?':
          showHelp.current();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, [log, enabled]);
}
