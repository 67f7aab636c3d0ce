import type { AuditFilters, FilterField, QueryError, QueryTerm } from '@getimmutable/client';
import { useEffect, useRef, useState } from 'react';
import { normalizeFilters, sameFilters } from '../auditFilters.js';
import {
  applyQueryText,
  clearQueryDraft,
  editQueryDraft,
  initialQueryDraft,
  syncQueryDraft,
  withoutTerm,
  type QueryContext,
  type QueryDraft,
} from './queryDraft.js';

export interface UseQueryDraftOptions {
  /** The applied filters, and how to change them (controlled or not: useControllableState). */
  filters: AuditFilters;
  setFilters: (next: (previous: AuditFilters) => AuditFilters) => void;
  timeZone: string;
  /** The filters the query covers: the fields the bar shows. */
  fields: readonly FilterField[];
  /** Spellings to keep besides the user's, e.g. the date range preset's `after:-7d`. */
  extraSpelling?: readonly QueryTerm[];
}

export interface QueryDraftControls {
  /** What the box shows. */
  text: string;
  /** Typed into since last applied. */
  dirty: boolean;
  /** The terms of the applied query: the chips. */
  terms: readonly QueryTerm[];
  /** Why the last try to apply was refused (empty when it was not). */
  errors: readonly QueryError[];
  edit(text: string): void;
  /** Applies the text typed; a refused term shows an error and nothing is sent. */
  apply(): void;
  /** Applies the query without one of its terms. */
  removeTerm(term: QueryTerm): void;
  /** Empties the box (Clear is emptying the filters it stands for). */
  clear(): void;
}

/**
 * The React side of the query draft: holds `queryDraft`'s state, keeps it in line with filters
 * changed from outside (adjusted during render, as useFilterDraft does, so no stale frame shows),
 * and applies the query's filters over the others (filters of fields the bar does not show stay).
 */
export function useQueryDraft({
  filters,
  setFilters,
  timeZone,
  fields,
  extraSpelling,
}: UseQueryDraftOptions): QueryDraftControls {
  const context = (): QueryContext => ({ timeZone, fields, now: Date.now(), extraSpelling });
  const [draft, setDraft] = useState<QueryDraft>(() => initialQueryDraft(filters, context()));
  const current = syncQueryDraft(draft, filters, context());
  if (current !== draft) setDraft(current);
  // Handlers read the latest draft here (state lags inside one event).
  const draftRef = useRef(current);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  const update = (next: QueryDraft) => {
    draftRef.current = next;
    setDraft(next);
  };

  const applyText = (text: string, keepTyping: boolean) => {
    const result = applyQueryText(draftRef.current, text, context(), { keepTyping });
    update(result.draft);
    const queried = result.filters;
    if (!queried) return;
    setFilters((previous) => {
      const others = Object.fromEntries(
        Object.entries(previous).filter(([field]) => !fields.includes(field as FilterField)),
      );
      const next = normalizeFilters({ ...others, ...queried });
      return sameFilters(previous, next) ? previous : next;
    });
  };

  return {
    text: current.text,
    dirty: current.dirty,
    terms: current.applied.terms,
    errors: current.errors,
    edit: (text) => update(editQueryDraft(draftRef.current, text)),
    apply: () => {
      // Nothing typed since: the filters already say it (and a relative date keeps its window,
      // so the date range still shows "Last 7 days" rather than a custom range a moment later).
      if (draftRef.current.dirty) applyText(draftRef.current.text, false);
    },
    removeTerm: (term) => {
      const { applied, dirty } = draftRef.current;
      // A chip of a query applied since (by another path) no longer stands where it did.
      if (applied.text.slice(term.start, term.end) !== term.raw) return;
      applyText(withoutTerm(applied.text, term), dirty);
    },
    clear: () => update(clearQueryDraft(draftRef.current)),
  };
}
