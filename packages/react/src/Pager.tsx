import type { ReactNode } from 'react';
import { useMessages } from './messages/useMessages.js';
import { coreMessages } from './messages/coreMessages.js';

export interface PagerProps {
  /** The navigation landmark's accessible name. */
  label: string;
  /** Zero-based page on screen. */
  pageIndex: number;
  /** Whether Previous / Next can go anywhere; otherwise they stay focusable but aria-disabled. */
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Class names of the bar and of the "Page N" text. */
  className: string;
  pageClassName: string;
  /** `data-slot` prefix of the parts: `${slot}-previous`, `${slot}-page`, `${slot}-next`. */
  slot: string;
  /** `data-slot` of the bar. */
  navSlot: string;
  /** Extra controls after Next (the table's page size). */
  children?: ReactNode;
}

/** Previous / "Page N" / Next over cursor pages, with the disabled ends still focusable. */
export function Pager({
  label,
  pageIndex,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
  className,
  pageClassName,
  slot,
  navSlot,
  children,
}: PagerProps) {
  const messages = useMessages(coreMessages);
  const button = (can: boolean, go: () => void, text: string, part: string) => (
    <button
      type="button"
      className="imv-button"
      data-slot={`${slot}-${part}`}
      aria-disabled={!can || undefined}
      onClick={() => {
        if (can) go();
      }}
    >
      {text}
    </button>
  );
  return (
    <nav className={className} data-slot={navSlot} aria-label={label}>
      {button(canPrevious, onPrevious, messages.previousPage, 'previous')}
      <span className={pageClassName} data-slot={`${slot}-page`} aria-live="polite">
        {messages.pageOf(pageIndex + 1)}
      </span>
      {button(canNext, onNext, messages.nextPage, 'next')}
      {children}
    </nav>
  );
}
