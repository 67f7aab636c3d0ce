import type { AuditEvent } from '@getimmutable/client';
import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react';
import { createPortal } from 'react-dom';
import { cx } from '../cx.js';
import type { Messages } from '../messages.js';
import { RelativeTime } from '../RelativeTime.js';
import { useAuditEvent } from '../useAuditEvent.js';
import { useEventIntegrity } from '../useEventIntegrity.js';
import { usePresentation } from '../viewerContext.js';
import { JsonTree } from './JsonTree.js';
import { useFocusTrap } from './useFocusTrap.js';

export interface EventDetailDrawerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The event to show. @default null */
  event?: AuditEvent | null;
  /** Fetches and shows this event when `event` is not given (needs the provider). @default null */
  eventId?: string | null;
  /** Whether the drawer is open (controlled). @default open while an `event` or `eventId` is given, until closed */
  open?: boolean;
  /** Called with `false` when the user closes the drawer: Esc, the Close button, or a click outside. */
  onOpenChange?: (open: boolean) => void;
  /** The event before this one in its chain (sequence − 1), to check the link between them. @default null */
  previousEvent?: AuditEvent | null;
  /** Where the drawer is portalled; pass a themed element to inherit its `data-theme`. @default document.body */
  container?: HTMLElement | null;
}

const noSubscribe = () => () => {};
/** False during server rendering and hydration, true once on the client: nothing touches `document` before. */
const useIsClient = () => useSyncExternalStore(noSubscribe, () => true, () => false);

/**
 * The details of one event in a modal side drawer: every field, targets, context, metadata as a
 * safe tree, and its integrity recomputed in the browser. Focus moves in on open, stays inside,
 * and returns to the opener on close.
 * @example
 * <EventDetailDrawer event={selected} onOpenChange={(open) => !open && setSelected(null)} />
 */
export const EventDetailDrawer = forwardRef<HTMLDivElement, EventDetailDrawerProps>(function EventDetailDrawer(
  { event = null, eventId = null, open: openProp, onOpenChange, previousEvent = null, container, ...rest },
  ref,
) {
  const subject: AuditEvent | string | null = event ?? eventId;
  // Uncontrolled: open while there is something to show, until the user closes it; a new subject reopens.
  const [dismissal, setDismissal] = useState<{ subject: AuditEvent | string | null; dismissed: boolean }>({
    subject,
    dismissed: false,
  });
  if (dismissal.subject !== subject) setDismissal({ subject, dismissed: false });
  const open = (openProp ?? !dismissal.dismissed) && subject !== null;
  const isClient = useIsClient();

  const close = useCallback(() => {
    if (openProp === undefined) setDismissal((d) => ({ ...d, dismissed: true }));
    onOpenChange?.(false);
  }, [openProp, onOpenChange]);

  if (!open || !isClient) return null;
  const target = container ?? document.body;
  return createPortal(
    <DrawerPanel {...rest} panelRef={ref} onClose={close}>
      {(announce) =>
        event ? (
          <EventDetails event={event} previousEvent={previousEvent} announce={announce} />
        ) : (
          <FetchedEvent id={eventId!} previousEvent={previousEvent} announce={announce} />
        )
      }
    </DrawerPanel>,
    target,
  );
});
EventDetailDrawer.displayName = 'EventDetailDrawer';

type Announce = (message: string) => void;

interface DrawerPanelProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  panelRef: Ref<HTMLDivElement>;
  onClose: () => void;
  children: (announce: Announce) => ReactNode;
}

/** Mounted only while open, so the focus trap's mount and unmount are the drawer's open and close. */
function DrawerPanel({ panelRef, onClose, children, className, ...rest }: DrawerPanelProps) {
  const { messages } = usePresentation();
  const headingId = useId();
  const panel = useRef<HTMLDivElement | null>(null);
  const overlay = useRef<HTMLDivElement | null>(null);
  const closeButton = useRef<HTMLButtonElement | null>(null);
  useFocusTrap(panel, { initialFocus: closeButton, onEscape: onClose });

  // The forwarded ref gets the dialog element (attached before this runs, in the same commit).
  useImperativeHandle(panelRef, () => panel.current!, []);

  // A press on the overlay closes, like Esc. Listened to here so the overlay stays a plain, non-interactive element.
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });
  useEffect(() => {
    const node = overlay.current;
    const onPointerDown = (e: Event) => {
      if (e.target === node) latestClose.current();
    };
    node?.addEventListener('pointerdown', onPointerDown);
    return () => node?.removeEventListener('pointerdown', onPointerDown);
  }, []);

  // Re-keying the message makes a repeated "Copied" a new announcement.
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const announce = useCallback<Announce>((text) => setAnnouncement((a) => ({ text, n: a.n + 1 })), []);
  useEffect(() => {
    if (!announcement.text) return;
    const timer = setTimeout(() => setAnnouncement((a) => ({ ...a, text: '' })), 5000);
    return () => clearTimeout(timer);
  }, [announcement]);

  return (
    <div className="imv-drawer-root" data-imv="" data-slot="drawer-root" data-state="open">
      <div ref={overlay} className="imv-drawer-overlay" data-slot="drawer-overlay" data-state="open" />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        className={cx('imv-drawer', className)}
        data-slot="drawer"
        data-state="open"
        {...rest}
      >
        <div className="imv-drawer-header" data-slot="drawer-header">
          <h2 id={headingId} className="imv-drawer-title">
            {messages.eventDetails}
          </h2>
          <button ref={closeButton} type="button" className="imv-button imv-drawer-close" data-slot="drawer-close" onClick={onClose}>
            {messages.close}
          </button>
        </div>
        <div className="imv-drawer-body" data-slot="drawer-body">
          {children(announce)}
        </div>
        <div role="status" aria-live="polite" aria-atomic="true" className="imv-visually-hidden" data-slot="drawer-announcer">
          {announcement.text ? <span key={announcement.n}>{announcement.text}</span> : null}
        </div>
      </div>
    </div>
  );
}

function FetchedEvent({ id, previousEvent, announce }: { id: string; previousEvent: AuditEvent | null; announce: Announce }) {
  const { messages } = usePresentation();
  const { status, event } = useAuditEvent(id);
  if (event) return <EventDetails event={event} previousEvent={previousEvent} announce={announce} />;
  return (
    <p className="imv-drawer-message" data-slot="drawer-message" data-state={status} role={status === 'error' ? 'alert' : undefined}>
      {status === 'error' ? messages.eventError : messages.loadingEvent}
    </p>
  );
}

const orNone = (value: string | number | null | undefined, messages: Messages) =>
  value === null || value === undefined || value === '' ? messages.none : String(value);

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="imv-drawer-field" data-slot="drawer-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ title, children, slot }: { title: string; children: ReactNode; slot: string }) {
  return (
    <section className="imv-drawer-section" data-slot={`drawer-${slot}`}>
      <h3 className="imv-drawer-section-title">{title}</h3>
      {children}
    </section>
  );
}

function EventDetails({ event, previousEvent, announce }: { event: AuditEvent; previousEvent: AuditEvent | null; announce: Announce }) {
  const { messages } = usePresentation();
  const { hash, link } = useEventIntegrity(event, previousEvent);
  const { integrity, context, targets, metadata } = event;
  const hasMetadata = metadata !== null && typeof metadata === 'object' && Object.keys(metadata).length > 0;
  const none = (value: string | number | null | undefined) => orNone(value, messages);

  return (
    <>
      <section className="imv-drawer-section" data-slot="drawer-fields">
        <dl className="imv-drawer-fields">
          <Field label={messages.fieldId}>
            <code>{event.id}</code>
          </Field>
          <Field label={messages.fieldTenant}>{none(event.tenant_id)}</Field>
          <Field label={messages.fieldActor}>
            {event.actor_name ? <span>{event.actor_name} </span> : null}
            <code>{event.actor_id}</code>
            {event.actor_type ? <span className="imv-drawer-tag"> {event.actor_type}</span> : null}
          </Field>
          <Field label={messages.fieldAction}>
            <code>{event.action}</code>
          </Field>
          <Field label={messages.fieldCategory}>{none(event.action_category)}</Field>
          <Field label={messages.fieldResource}>
            {event.resource || event.resource_id || event.resource_name ? (
              <>
                {event.resource ? <span className="imv-drawer-tag">{event.resource} </span> : null}
                {event.resource_id ? <code>{event.resource_id}</code> : null}
                {event.resource_name ? <span> {event.resource_name}</span> : null}
              </>
            ) : (
              messages.none
            )}
          </Field>
          <Field label={messages.fieldSession}>{none(event.session_id)}</Field>
          <Field label={messages.fieldVersion}>{none(event.version)}</Field>
          <Field label={messages.fieldIdempotencyKey}>{none(event.idempotency_key)}</Field>
          <Field label={messages.fieldCreatedAt}>
            <RelativeTime iso={event.created_at}>
              {(relative, absolute) => (
                <>
                  {absolute}
                  <span className="imv-drawer-relative"> · {relative}</span>
                </>
              )}
            </RelativeTime>
          </Field>
        </dl>
      </section>

      <Section title={messages.targets} slot="targets">
        {targets.length === 0 ? (
          <p className="imv-drawer-empty">{messages.noTargets}</p>
        ) : (
          <ul className="imv-drawer-targets">
            {targets.map((t, i) => (
              <li key={i} className="imv-drawer-target" data-slot="drawer-target">
                <span className="imv-drawer-tag">{t.type}</span> {t.id ? <code>{t.id}</code> : null}
                {t.name ? <span> {t.name}</span> : null}
                {t.metadata && typeof t.metadata === 'object' && Object.keys(t.metadata).length > 0 ? (
                  <JsonTree data={t.metadata} rootName={`targets[${i}].metadata`} aria-label={messages.targetMetadata} role="group" />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={messages.context} slot="context">
        <dl className="imv-drawer-fields">
          <Field label={messages.ipAddress}>{none(context?.ip_address)}</Field>
          <Field label={messages.userAgent}>{none(context?.user_agent)}</Field>
          <Field label={messages.country}>{none(context?.country)}</Field>
        </dl>
      </Section>

      <Section title={messages.metadata} slot="metadata">
        {hasMetadata ? <JsonTree data={metadata} rootName="metadata" /> : <p className="imv-drawer-empty">{messages.noMetadata}</p>}
      </Section>

      <Section title={messages.integrity} slot="integrity">
        <dl className="imv-drawer-fields">
          <Field label={messages.eventHash}>
            <CopyValue value={integrity.event_hash} what={messages.eventHash} announce={announce} />
          </Field>
          <Field label={messages.previousHash}>
            {integrity.previous_event_hash ? (
              <CopyValue value={integrity.previous_event_hash} what={messages.previousHash} announce={announce} />
            ) : (
              messages.none
            )}
          </Field>
          <Field label={messages.sequence}>
            <CopyValue value={String(integrity.sequence)} what={messages.sequence} announce={announce} />
          </Field>
          {hash && !hash.ok && hash.expected ? (
            <Field label={messages.recomputedHash}>
              <code className="imv-drawer-hash">{hash.expected}</code>
            </Field>
          ) : null}
          {previousEvent && link ? (
            <Field label={messages.chainLink}>
              <span data-slot="drawer-link" data-state={link.status}>
                {link.status === 'linked' ? messages.linkOk : link.status === 'broken' ? messages.linkBad : messages.linkUnknown}
              </span>
            </Field>
          ) : null}
        </dl>
        {hash ? (
          <p className="imv-drawer-recomputed" data-slot="drawer-recomputed" data-state={hash.ok ? 'valid' : 'invalid'}>
            {hash.ok ? messages.recomputedMatches : messages.recomputedDiffers}
          </p>
        ) : null}
      </Section>
    </>
  );
}

/** A value in monospace with a Copy button; without a clipboard, the text is selected for the user instead. */
function CopyValue({ value, what, announce }: { value: string; what: string; announce: Announce }) {
  const { messages } = usePresentation();
  const text = useRef<HTMLElement | null>(null);
  const copy = async () => {
    try {
      if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      announce(messages.copied);
    } catch {
      const node = text.current;
      const selection = node ? node.ownerDocument.getSelection() : null;
      if (node && selection) selection.selectAllChildren(node);
      announce(messages.copyFailed);
    }
  };
  return (
    <span className="imv-drawer-copy" data-slot="drawer-copy">
      <code ref={text} className="imv-drawer-hash">
        {value}
      </code>
      <button type="button" className="imv-button imv-drawer-copy-button" onClick={() => void copy()}>
        {messages.copy(what)}
      </button>
    </span>
  );
}
