import type { ReactNode } from 'react';
import type { AuditFilters } from '../auditFilters.js';
import { FILTER_LABELS } from '../filterLabels.js';
import type { CoreMessages } from '../messages/coreMessages.js';
import { userTextMessage } from '../UserText.js';
import type { AuditLogTableState } from './useTableStatus.js';

export interface TableLiveStatusProps {
  state: AuditLogTableState;
  isLoadingMore: boolean;
  /** The filters the (empty) result answers, named in the empty state. */
  filters: AuditFilters;
  messages: CoreMessages;
}

/** "No events match action "document.*" and search "foo"." (each value isolated) or "No events yet.". */
function emptyMessage(filters: AuditFilters, messages: CoreMessages): ReactNode {
  const fields = Object.keys(filters) as Array<keyof AuditFilters>;
  if (fields.length === 0) return messages.empty;
  return userTextMessage((user) =>
    messages.emptyFiltered(
      messages.joinTerms(
        fields.map((field) =>
          messages.filterTerm(messages[FILTER_LABELS[field]], user(filters[field] ?? '')),
        ),
      ),
    ),
  );
}

/**
 * The table's live region: announces loading, loading more and the empty state. It is always in
 * the DOM (a live region added with its text is often not read); the empty state is its visible
 * form, otherwise it is visually hidden.
 */
export function TableLiveStatus({ state, isLoadingMore, filters, messages }: TableLiveStatusProps) {
  const text =
    state === 'loading'
      ? messages.loading
      : state === 'empty'
        ? emptyMessage(filters, messages)
        : isLoadingMore
          ? messages.loadingMore
          : '';
  return (
    <div
      role="status"
      className={state === 'empty' ? 'imv-table__empty' : 'imv-visually-hidden'}
      data-slot={state === 'empty' ? 'table-empty' : 'table-status'}
    >
      {text}
    </div>
  );
}
