import type { Locale } from 'date-fns';
import {
  forwardRef,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from 'react';
import type { SavedView } from '@getimmutable/client';
import type { AuditFilters } from './auditFilters.js';
import { loadChrome } from './chrome/chromeModule.js';
import { ChromeBoundary, ChromePlaceholder } from './chrome/ChromeBoundary.js';
import { cx } from './cx.js';
import type { AuditLogFilterField } from './filters/AuditLogFilters.js';
import { layerOverrides, mergeMessages, type Messages } from './messages/Messages.js';
import { coreMessages } from './messages/coreMessages.js';
import { useMessages } from './messages/useMessages.js';
import { onDemand } from './onDemand/onDemand.js';
import { OnDemandPart } from './onDemand/OnDemandPart.js';
import { AuditLogTable, type AuditLogTableProps } from './table/AuditLogTable.js';
import { useAuditEvent } from './useAuditEvent.js';
import { useCachedEvent } from './useCachedEvent.js';
import { useControllableState } from './useControllableState.js';
import { useAuditLogShortcuts } from './shortcuts/useAuditLogShortcuts.js';
import { useChromeAfterRows } from './useChromeAfterRows.js';
import { ViewerContext, useViewerConfig } from './viewerContext.js';

// The drawer (with its JSON tree, targets list and modal layer) is code no first paint needs: it
// loads when an event is first selected, or earlier when the pointer or focus enters the log (the
// intent to open one), so it is usually there by the click.
const drawerPart = onDemand(() => import('./drawer/EventDetailDrawer.js'));
// The shortcuts' list shows only on `?`.
const shortcutsHelpPart = onDemand(() => import('./shortcuts/ShortcutsHelp.js'));

export interface AuditLogProps
  extends
    Omit<ComponentPropsWithoutRef<'div'>, 'children'>,
    Pick<
      AuditLogTableProps,
      | 'mode'
      | 'live'
      | 'columns'
      | 'extraColumns'
      | 'renderCell'
      | 'columnVisibility'
      | 'defaultColumnVisibility'
      | 'onColumnVisibilityChange'
    > {
  /** The applied filters (controlled); pair with `onFiltersChange` (see `useFiltersInUrl`). */
  filters?: AuditFilters;
  /** The filters to start from when uncontrolled. @default {} */
  defaultFilters?: AuditFilters;
  /** Called when the user changes the filters. */
  onFiltersChange?: (filters: AuditFilters) => void;
  /** The event open in the detail drawer (controlled; `null` for none). */
  selectedEventId?: string | null;
  /** The event open at first when uncontrolled. @default null */
  defaultSelectedEventId?: string | null;
  /** Called when the user opens or closes an event. */
  onSelectedEventChange?: (eventId: string | null) => void;
  /** Which filter fields show. @default all but tenant */
  filterFields?: readonly AuditLogFilterField[];
  /** Events per page. @default 25 */
  pageSize?: number;
  /** Show the verify badge for the current date range. @default true */
  showVerify?: boolean;
  /** Show the export button for the current filters. @default true */
  showExport?: boolean;
  /** More parts for the toolbar, after Export (e.g. a check of the files it downloads). @default none */
  toolbarExtra?: ReactNode;
  /** Show saved views (name, apply, share the current filters, columns and mode). @default true */
  showSavedViews?: boolean;
  /** Single-key shortcuts (`/`, `j`/`k`, `[`/`]`, `?`) while focus is in the log; false turns them off. @default true */
  keyboardShortcuts?: boolean;
  /** The mode to start in when `mode` is not set (a saved view can change it). @default 'pages' */
  defaultMode?: AuditLogTableProps['mode'];
  /** Called when the mode changes (a saved view applied). */
  onModeChange?: (mode: NonNullable<AuditLogTableProps['mode']>) => void;
  /** `'local'`, `'UTC'` or an IANA zone. @default the provider's */
  timeZone?: string;
  /** A date-fns Locale. @default the provider's */
  locale?: Locale;
  /** Replaces UI strings (merged over the provider's). @default the provider's */
  messages?: Partial<Messages>;
}

/**
 * The drop-in audit log: filters, the verify badge, export, the event table and the detail
 * drawer, composed from the kit's parts. Needs an `<ImmutableViewerProvider>` above it.
 * @example
 * <ImmutableViewerProvider client={client}>
 *   <AuditLog timeZone="UTC" />
 * </ImmutableViewerProvider>
 */
export const AuditLog = forwardRef<HTMLDivElement, AuditLogProps>(function AuditLog(
  {
    filters: filtersProp,
    defaultFilters = {},
    onFiltersChange,
    selectedEventId: selectedProp,
    defaultSelectedEventId = null,
    onSelectedEventChange,
    filterFields,
    pageSize,
    showVerify = true,
    showExport = true,
    showSavedViews = true,
    toolbarExtra,
    keyboardShortcuts = true,
    defaultMode = 'pages',
    onModeChange,
    timeZone,
    locale,
    messages,
    mode,
    live,
    columns,
    extraColumns,
    renderCell,
    columnVisibility,
    defaultColumnVisibility,
    onColumnVisibilityChange,
    className,
    ...rest
  },
  ref,
) {
  const parent = useViewerConfig('AuditLog');
  const config = useMemo(
    () => ({
      ...parent,
      timeZone: timeZone ?? parent.timeZone,
      locale: locale ?? parent.locale,
      messageOverrides: layerOverrides(parent.messageOverrides, messages),
    }),
    [parent, timeZone, locale, messages],
  );
  const [filters, setFilters] = useControllableState<AuditFilters>({
    prop: filtersProp,
    defaultProp: defaultFilters,
    onChange: onFiltersChange,
  });
  const [selectedId, setSelectedId] = useControllableState<string | null>({
    prop: selectedProp,
    defaultProp: defaultSelectedEventId,
    onChange: onSelectedEventChange,
  });
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  // Controllable here (not only in the table) so that applying a saved view can set them.
  const [currentMode, setMode] = useControllableState({
    prop: mode,
    defaultProp: defaultMode,
    onChange: onModeChange,
  });
  const [visibility, setVisibility] = useControllableState({
    prop: columnVisibility,
    defaultProp: defaultColumnVisibility ?? {},
    onChange: onColumnVisibilityChange,
  });
  const [showHelp, setShowHelp] = useState(false);
  // The rows first: the filters and the toolbar render once the first rows have painted.
  const { chromeReady, placeholderStyle } = useChromeAfterRows(root, loadChrome);
  // Stable, as ChromeBoundary needs them.
  const currentView = useMemo(
    () => ({ filters, columnVisibility: visibility, mode: currentMode }),
    [filters, visibility, currentMode],
  );
  const applyView = useCallback(
    (view: SavedView) => {
      setFilters(view.filters);
      if (view.columnVisibility) setVisibility(view.columnVisibility);
      if (view.mode) setMode(view.mode);
    },
    [setFilters, setVisibility, setMode],
  );
  useAuditLogShortcuts(root, { enabled: keyboardShortcuts, onShowHelp: () => setShowHelp(true) });

  // The first pointer or focus inside the log starts loading the drawer's code.
  useEffect(() => {
    if (!root) return;
    const events = ['pointerover', 'focusin'] as const;
    const preload = () => {
      for (const type of events) root.removeEventListener(type, preload);
      drawerPart.preload();
    };
    for (const type of events) root.addEventListener(type, preload);
    return () => {
      for (const type of events) root.removeEventListener(type, preload);
    };
  }, [root]);

  // The same element while its props are: React then skips the table when only the log itself
  // renders again — as it does once at mount, when the root element is stored (setRoot) before
  // the rows have even loaded, and when the chrome comes in.
  const table = useMemo(
    () => (
      <AuditLogTable
        className="imv-audit-log__table"
        filters={filters}
        mode={currentMode}
        live={live}
        defaultPageSize={pageSize}
        columns={columns}
        extraColumns={extraColumns}
        renderCell={renderCell}
        columnVisibility={visibility}
        onColumnVisibilityChange={setVisibility}
        selectedEventId={selectedId}
        onEventSelect={(event) => setSelectedId(event.id)}
      />
    ),
    [
      filters,
      currentMode,
      live,
      pageSize,
      columns,
      extraColumns,
      renderCell,
      visibility,
      setVisibility,
      selectedId,
      setSelectedId,
    ],
  );

  const setRootRef = useCallback(
    (node: HTMLDivElement | null) => {
      setRoot(node);
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );

  return (
    <ViewerContext.Provider value={config}>
      <div
        {...rest}
        ref={setRootRef}
        data-imv=""
        data-slot="audit-log"
        className={cx('imv-root imv-audit-log', className)}
      >
        {chromeReady ? (
          <ChromeBoundary
            placeholderStyle={placeholderStyle}
            filters={filters}
            onFiltersChange={setFilters}
            filterFields={filterFields}
            showVerify={showVerify}
            showExport={showExport}
            showSavedViews={showSavedViews}
            toolbarExtra={toolbarExtra}
            current={currentView}
            onViewApply={applyView}
            onEventSelect={setSelectedId}
          />
        ) : (
          <ChromePlaceholder style={placeholderStyle} />
        )}
        {table}
        {selectedId === null ? null : (
          <SelectedEvent id={selectedId} onClose={() => setSelectedId(null)} container={root} />
        )}
        {showHelp ? (
          <OnDemandPart
            part={shortcutsHelpPart}
            render={({ ShortcutsHelp }) => <ShortcutsHelp onClose={() => setShowHelp(false)} />}
            failure={mergeMessages(coreMessages, config.messageOverrides).panelLoadFailed}
            failureSlot="shortcuts-help-error"
            onClose={() => setShowHelp(false)}
            focusOnFailure
          />
        ) : null}
      </div>
    </ViewerContext.Provider>
  );
});

/**
 * The selected event in the drawer, mounted only while one is selected (no query observer or
 * cache subscription before). From the data layer, not the table's rows: the event from its
 * list's cached copy (else it is fetched), and its predecessor in the chain wherever a loaded
 * list holds it, to check the link.
 */
function SelectedEvent({
  id,
  onClose,
  container,
}: {
  id: string;
  onClose(): void;
  container: HTMLElement | null;
}) {
  const { client } = useViewerConfig('AuditLog');
  const { event: selected } = useAuditEvent({ id });
  const previous = useCachedEvent(
    client,
    selected
      ? (e) =>
          e.tenant_id === selected.tenant_id &&
          e.integrity.sequence === selected.integrity.sequence - 1
      : null,
  );
  const messages = useMessages(coreMessages);
  return (
    // A portalled overlay: its fallback (nothing) takes no room in the layout.
    <OnDemandPart
      part={drawerPart}
      render={({ EventDetailDrawer }) => (
        <EventDetailDrawer
          event={selected}
          eventId={id}
          previousEvent={previous}
          open
          onOpenChange={(open) => {
            if (!open) onClose();
          }}
          container={container}
        />
      )}
      failure={messages.drawerLoadFailed}
      failureSlot="event-detail-error"
      onClose={onClose}
      focusOnFailure
    />
  );
}
