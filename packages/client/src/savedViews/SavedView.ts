import { normalizeFilters, type AuditFilters } from '../normalizeFilters.js';
import { isRecord } from '@getimmutable/contract';

/** A named view of the log: its filters, which columns show, and paged or infinite. */
export interface SavedView {
  id: string;
  name: string;
  filters: AuditFilters;
  /** Columns by id, false where hidden (the table's `columnVisibility`). */
  columnVisibility?: Record<string, boolean>;
  mode?: 'pages' | 'infinite';
  /** When it was last saved (ISO 8601). */
  saved_at: string;
}

/** The longest view name, in characters: a name is a label in a list, not a description. */
export const MAX_VIEW_NAME = 80;

/**
 * A view's name as it will be kept: trimmed, 1..80 characters, unlike the others' names (case
 * aside). Returns the name, or an error sentence naming the field.
 */
export function checkViewName(
  name: string,
  others: readonly SavedView[],
): { name: string } | { error: string } {
  const trimmed = name.trim();
  if (trimmed === '') return { error: 'Name: give the view a name.' };
  if (trimmed.length > MAX_VIEW_NAME)
    return { error: `Name: at most ${MAX_VIEW_NAME} characters (this has ${trimmed.length}).` };
  const taken = others.some((v) => v.name.toLowerCase() === trimmed.toLowerCase());
  if (taken) return { error: `Name: a view called "${trimmed}" exists already.` };
  return { name: trimmed };
}

/** A kept view read back, or null when it is not one (edited by hand, another format). */
export function readSavedView(value: unknown): SavedView | null {
  if (!isRecord(value)) return null;
  const { id, name, filters, columnVisibility, mode, saved_at } = value;
  if (typeof id !== 'string' || id === '' || typeof name !== 'string' || name.trim() === '')
    return null;
  if (!isRecord(filters) || typeof saved_at !== 'string') return null;
  const view: SavedView = {
    id,
    name,
    filters: normalizeFilters(
      Object.fromEntries(Object.entries(filters).filter(([, v]) => typeof v === 'string')),
    ),
    saved_at,
  };
  if (isRecord(columnVisibility))
    view.columnVisibility = Object.fromEntries(
      Object.entries(columnVisibility).filter(([, v]) => typeof v === 'boolean'),
    ) as Record<string, boolean>;
  if (mode === 'pages' || mode === 'infinite') view.mode = mode;
  return view;
}
