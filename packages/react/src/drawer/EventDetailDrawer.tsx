import { readChanges, type AuditEvent } from '@getimmutable/client';
import {
  forwardRef,
  useCallback,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { RelativeTime } from '../RelativeTime.js';
import { useAuditEvent } from '../useAuditEvent.js';
import { useHydrating } from '../useHydrating.js';
import { useEventIntegrity } from '../useEventIntegrity.js';
import { UserText } from '../UserText.js';
import { DrawerPanel, type Announce } from './DrawerPanel.js';
import { ChangesDiff } from './ChangesDiff.js';
import { JsonTree } from './JsonTree.js';
import { TargetsList } from './TargetsList.js';
import { holdsHiddenText } from './holdsHiddenText.js';
import { useMessages } from '../messages/useMessages.js';
import { drawerMessages } from '../messages/drawerMessages.js';
import { coreMessages, type CoreMessages } from '../messages/coreMessages.js';

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

/**
 * The details of one event in a modal side drawer: every field, targets, context, metadata as a
 * safe tree, and its integrity recomputed in the browser. Focus moves in on open, stays inside,
 * and returns to the opener on close; the page behind is inert and does not scroll meanwhile.
 * @example
 * <EventDetailDrawer event={selected} onOpenChange={(open) => !open && setSelected(null)} />
 */
export const EventDetailDrawer = forwardRef<HTMLDivElement, EventDetailDrawerProps>(
  function EventDetailDrawer(
    {
      event = null,
      eventId = null,
      open: openProp,
      onOpenChange,
      previousEvent = null,
      container,
      ...rest
    },
    ref,
  ) {
    const subject: AuditEvent | string | null = event ?? eventId;
    // Uncontrolled: open while there is something to show, until the user closes it; a new subject reopens.
    const [dismissal, setDismissal] = useState<{
      subject: AuditEvent | string | null;
      dismissed: boolean;
    }>({
      subject,
      dismissed: false,
    });
    if (dismissal.subject !== subject) setDismissal({ subject, dismissed: false });
    const open = (openProp ?? !dismissal.dismissed) && subject !== null;
    // Nothing touches `document` while rendering on the server or hydrating.
    const hydrating = useHydrating();

    const close = useCallback(() => {
      if (openProp === undefined) setDismissal((d) => ({ ...d, dismissed: true }));
      onOpenChange?.(false);
    }, [openProp, onOpenChange]);

    if (!open || hydrating) return null;
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
  },
);
EventDetailDrawer.displayName = 'EventDetailDrawer';

function FetchedEvent({
  id,
  previousEvent,
  announce,
}: {
  id: string;
  previousEvent: AuditEvent | null;
  announce: Announce;
}) {
  const messages = useMessages(drawerMessages, coreMessages);
  const { status, event } = useAuditEvent({ id });
  if (event)
    return <EventDetails event={event} previousEvent={previousEvent} announce={announce} />;
  return (
    <p
      className="imv-drawer__message"
      data-slot="drawer-message"
      data-state={status}
      role={status === 'error' ? 'alert' : undefined}
    >
      {status === 'error' ? messages.eventError : messages.loadingEvent}
    </p>
  );
}

/** A field's value, isolated (it came from the event's writer), or the "none" mark. */
const orNone = (value: string | number | null | undefined, messages: CoreMessages): ReactNode =>
  value === null || value === undefined || value === '' ? (
    messages.none
  ) : (
    <UserText>{String(value)}</UserText>
  );

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="imv-drawer__field" data-slot="drawer-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ title, children, slot }: { title: string; children: ReactNode; slot: string }) {
  return (
    <section className="imv-drawer__section" data-slot={`drawer-${slot}`}>
      <h3 className="imv-drawer__section-title">{title}</h3>
      {children}
    </section>
  );
}

function EventDetails({
  event,
  previousEvent,
  announce,
}: {
  event: AuditEvent;
  previousEvent: AuditEvent | null;
  announce: Announce;
}) {
  const messages = useMessages(drawerMessages, coreMessages);
  const { hash, link } = useEventIntegrity({ event, previous: previousEvent });
  const { integrity, context, metadata } = event;
  const changes = readChanges(metadata);
  // Walks every string of the event: once per event, not per render (a copy says "Copied").
  const hidden = useMemo(() => holdsHiddenText(event), [event]);
  const hasMetadata =
    metadata !== null && typeof metadata === 'object' && Object.keys(metadata).length > 0;
  const none = (value: string | number | null | undefined) => orNone(value, messages);

  return (
    <>
      {hidden ? (
        <section className="imv-drawer__section" data-slot="drawer-hidden-characters">
          <p className="imv-drawer__message" role="note">
            {messages.hiddenCharacters}
          </p>
        </section>
      ) : null}
      <section className="imv-drawer__section" data-slot="drawer-fields">
        <dl className="imv-drawer__fields">
          <Field label={messages.fieldId}>
            <code>{event.id}</code>
          </Field>
          <Field label={messages.fieldTenant}>{none(event.tenant_id)}</Field>
          <Field label={messages.fieldActor}>
            {event.actor_name ? (
              <span>
                <UserText>{event.actor_name}</UserText>{' '}
              </span>
            ) : null}
            <code>
              <UserText>{event.actor_id}</UserText>
            </code>
            {event.actor_type ? (
              <span className="imv-drawer__tag">
                {' '}
                <UserText>{event.actor_type}</UserText>
              </span>
            ) : null}
          </Field>
          <Field label={messages.fieldAction}>
            <code>
              <UserText>{event.action}</UserText>
            </code>
          </Field>
          <Field label={messages.fieldCategory}>{none(event.action_category)}</Field>
          <Field label={messages.fieldResource}>
            {event.resource || event.resource_id || event.resource_name ? (
              <>
                {event.resource ? (
                  <span className="imv-drawer__tag">
                    <UserText>{event.resource}</UserText>{' '}
                  </span>
                ) : null}
                {event.resource_id ? (
                  <code>
                    <UserText>{event.resource_id}</UserText>
                  </code>
                ) : null}
                {event.resource_name ? (
                  <span>
                    {' '}
                    <UserText>{event.resource_name}</UserText>
                  </span>
                ) : null}
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
                  <span className="imv-drawer__relative"> · {relative}</span>
                </>
              )}
            </RelativeTime>
          </Field>
        </dl>
      </section>

      <Section title={messages.targets} slot="targets">
        <TargetsList key={event.id} targets={event.targets} />
      </Section>

      <Section title={messages.context} slot="context">
        <dl className="imv-drawer__fields">
          <Field label={messages.ipAddress}>{none(context?.ip_address)}</Field>
          <Field label={messages.userAgent}>{none(context?.user_agent)}</Field>
          <Field label={messages.country}>{none(context?.country)}</Field>
        </dl>
      </Section>

      {changes && changes.length > 0 ? (
        <Section title={messages.changesTitle} slot="changes">
          <ChangesDiff changes={changes} />
        </Section>
      ) : null}

      <Section title={messages.metadata} slot="metadata">
        {hasMetadata ? (
          <JsonTree data={metadata} rootName="metadata" />
        ) : (
          <p className="imv-drawer__empty">{messages.noMetadata}</p>
        )}
      </Section>

      <Section title={messages.integrity} slot="integrity">
        <dl className="imv-drawer__fields">
          <Field label={messages.eventHash}>
            <CopyValue value={integrity.event_hash} what={messages.eventHash} announce={announce} />
          </Field>
          <Field label={messages.previousHash}>
            {integrity.previous_event_hash ? (
              <CopyValue
                value={integrity.previous_event_hash}
                what={messages.previousHash}
                announce={announce}
              />
            ) : (
              messages.none
            )}
          </Field>
          <Field label={messages.sequence}>
            <CopyValue
              value={String(integrity.sequence)}
              what={messages.sequence}
              announce={announce}
            />
          </Field>
          {hash && !hash.ok && hash.expected ? (
            <Field label={messages.recomputedHash}>
              <code className="imv-drawer__hash">{hash.expected}</code>
            </Field>
          ) : null}
          {previousEvent && link ? (
            <Field label={messages.chainLink}>
              <span data-slot="drawer-link" data-state={link.status}>
                {link.status === 'linked'
                  ? messages.linkOk
                  : link.status === 'broken'
                    ? messages.linkBad
                    : messages.linkUnknown}
              </span>
            </Field>
          ) : null}
        </dl>
        {hash ? (
          <p
            className="imv-drawer__recomputed"
            data-slot="drawer-recomputed"
            data-state={hash.ok ? 'valid' : 'invalid'}
          >
            {hash.ok ? messages.recomputedMatches : messages.recomputedDiffers}
          </p>
        ) : null}
      </Section>
    </>
  );
}

/** A value in monospace with a Copy button; without a clipboard, the text is selected for the user instead. */
function CopyValue({ value, what, announce }: { value: string; what: string; announce: Announce }) {
  const messages = useMessages(drawerMessages, coreMessages);
  const text = useRef<HTMLElement | null>(null);
  const copy = async () => {
    try {
      if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText)
        throw new Error('no clipboard');
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
    <span className="imv-drawer__copy" data-slot="drawer-copy">
      <code ref={text} className="imv-drawer__hash">
        {value}
      </code>
      <button
        type="button"
        className="imv-button imv-drawer__copy-button"
        onClick={() => void copy()}
      >
        {messages.copy(what)}
      </button>
    </span>
  );
}
