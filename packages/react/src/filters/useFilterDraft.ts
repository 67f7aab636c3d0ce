import { useEffect, useRef, useState, type InputHTMLAttributes, type RefObject } from 'react';
import { normalizeFilters, sameFilters, type AuditFilters } from '../auditFilters.js';
import type { DatePreset } from './datePresets.js';
import {
  filterDraftReducer,
  initialFilterDraft,
  pendingEdits,
  type DraftKey,
  type FilterDraft,
  type FilterDraftAction,
} from './filterDraftReducer.js';

/** How an input of the bar reports typing, Enter and leaving. */
export type DraftInputHandlers = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'onKeyDown' | 'onBlur'
>;

export interface UseFilterDraftOptions {
  /** The applied filters, and how to change them (controlled or not: useControllableState). */
  filters: AuditFilters;
  setFilters: (next: (previous: AuditFilters) => AuditFilters) => void;
  timeZone: string;
  debounceMs: number;
  /** Leaving a field for this button does not apply the field (Clear is about to empty it). */
  clearButton: RefObject<HTMLButtonElement | null>;
}

export interface FilterDraftControls {
  /** The draft as of this render: what the inputs show. */
  draft: FilterDraft;
  /** Typing (debounced), Enter and leaving, for the input of `key`. */
  handlers(key: DraftKey): DraftInputHandlers;
  /** Applies every pending edit that can go, e.g. on submit. */
  apply(): void;
  choosePreset(preset: DatePreset): void;
  /** Empties these inputs and their filters (others, set by the host, stay). */
  clear(keys: readonly DraftKey[]): void;
}

/**
 * The React side of the filter draft: holds `filterDraftReducer`'s state, keeps it in line with
 * filters changed from outside, and turns input events into actions and filter changes. The
 * timing (debounce, apply on Enter or blur) lives here; the rules live in the reducer.
 */
export function useFilterDraft({
  filters,
  setFilters,
  timeZone,
  debounceMs,
  clearButton,
}: UseFilterDraftOptions): FilterDraftControls {
  const [draft, setDraft] = useState<FilterDraft>(() => initialFilterDraft(filters, timeZone));
  // Filters or zone changed from outside: adjust during render (the reducer returns the same
  // state when nothing changed), so the inputs never show a stale frame.
  const current = filterDraftReducer(draft, { type: 'sync', filters, zone: timeZone });
  if (current !== draft) setDraft(current);
  // Handlers and the debounce timer read the latest draft here (state lags inside one event).
  const draftRef = useRef(current);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  const dispatch = (action: FilterDraftAction) => {
    const next = filterDraftReducer(draftRef.current, action);
    draftRef.current = next;
    setDraft(next);
    return next;
  };

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  /** Changes the filters once, and not at all when they would stay the same. */
  const change = (patch: AuditFilters) =>
    setFilters((prev) => {
      const next = normalizeFilters({ ...prev, ...patch });
      return sameFilters(prev, next) ? prev : next;
    });

  /** Applies every pending edit that is valid, plus `patch`, in one change. */
  const apply = (patch: AuditFilters = {}) => {
    clearTimeout(timer.current);
    const edits = pendingEdits(draftRef.current, Object.keys(patch) as DraftKey[]);
    dispatch({ type: 'applied', edits });
    change({ ...edits.values, ...patch });
  };

  return {
    draft: current,
    handlers: (key) => ({
      onChange: (event) => {
        dispatch({ type: 'edit', key, text: event.target.value });
        clearTimeout(timer.current);
        timer.current = setTimeout(() => apply(), debounceMs);
      },
      onKeyDown: (event) => {
        if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
          event.preventDefault();
          apply();
        }
      },
      onBlur: (event) => {
        // Leaving a field for Clear would apply text that is about to be cleared: one wasted request.
        if (event.relatedTarget && event.relatedTarget === clearButton.current) return;
        if (draftRef.current.dirty.includes(key)) apply();
      },
    }),
    apply: () => apply(),
    choosePreset: (preset) => {
      if (preset === 'custom') {
        // The current bounds become the custom range's starting point; nothing new to fetch.
        dispatch({ type: 'custom' });
        return apply();
      }
      const { range } = dispatch({ type: 'preset', preset, now: Date.now() });
      apply({ from: range.from, to: undefined });
    },
    clear: (keys) => {
      clearTimeout(timer.current);
      dispatch({ type: 'clear', keys });
      change(Object.fromEntries(keys.map((key) => [key, undefined])));
    },
  };
}
