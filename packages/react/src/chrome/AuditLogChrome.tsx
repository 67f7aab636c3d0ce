import type { SavedView } from '@getimmutable/client';
import type { ReactNode } from 'react';
import type { AuditFilters } from '../auditFilters.js';
import { ExportButton } from '../export/ExportButton.js';
import { AuditLogFilters, type AuditLogFilterField } from '../filters/AuditLogFilters.js';
import { VerifyBadge } from '../verify/VerifyBadge.js';
import { SavedViews } from '../views/SavedViews.js';
import type { ViewContent } from '../views/useSavedViews.js';

export interface AuditLogChromeProps {
  filters: AuditFilters;
  onFiltersChange(filters: AuditFilters): void;
  filterFields: readonly AuditLogFilterField[] | undefined;
  showVerify: boolean;
  showExport: boolean;
  showSavedViews: boolean;
  toolbarExtra: ReactNode;
  /** What a saved view keeps: the filters, column visibility and mode on screen. */
  current: ViewContent;
  onViewApply(view: SavedView): void;
  /** Opens an event a verify break names. */
  onEventSelect(eventId: string): void;
}

/**
 * `<AuditLog />`'s filters and toolbar (saved views, the verify badge, export and the app's
 * extras). A module of its own, loaded with import() (see chromeModule.ts): it is about a
 * quarter of what the log ships and comes after the first rows, so it is not part of what must
 * load before they paint.
 */
export function AuditLogChrome({
  filters,
  onFiltersChange,
  filterFields,
  showVerify,
  showExport,
  showSavedViews,
  toolbarExtra,
  current,
  onViewApply,
  onEventSelect,
}: AuditLogChromeProps) {
  return (
    <>
      <AuditLogFilters
        className="imv-audit-log__filters"
        filters={filters}
        onFiltersChange={onFiltersChange}
        fields={filterFields}
      />
      {(showVerify || showExport || showSavedViews || toolbarExtra) && (
        <div className="imv-audit-log__toolbar" data-slot="audit-log-toolbar">
          {showSavedViews && <SavedViews current={current} onApply={onViewApply} />}
          {showVerify && (
            // Its room is kept from the start (see .imv-audit-log__verify), so the toolbar wraps
            // the same way while it verifies as once it says "Verified: …".
            <div className="imv-audit-log__verify" data-slot="audit-log-verify">
              <VerifyBadge from={filters.from} to={filters.to} onBreakSelect={onEventSelect} />
            </div>
          )}
          {showExport && <ExportButton filters={filters} />}
          {toolbarExtra}
        </div>
      )}
    </>
  );
}
