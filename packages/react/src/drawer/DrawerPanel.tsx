import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react';
import { cx } from '../cx.js';
import { useDismissableLayer } from '../overlay/useDismissableLayer.js';
import { useFocusScope } from '../overlay/useFocusScope.js';
import { openModal } from '../overlay/modalLayer.js';
import { useMessages } from '../messages/useMessages.js';
import { drawerMessages } from '../messages/drawerMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

/** Says something through the drawer's polite live region. */
export type Announce = (message: string) => void;

export interface DrawerPanelProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  panelRef: Ref<HTMLDivElement>;
  onClose: () => void;
  children: (announce: Announce) => ReactNode;
}

/**
 * The open drawer, mounted only while open: the overlay primitives' mount and unmount are the
 * drawer's open and close. The page behind is inert and does not scroll; focus moves to Close,
 * stays inside and returns to the opener; Esc or a press outside the panel (the overlay) closes.
 */
export function DrawerPanel({ panelRef, onClose, children, className, ...rest }: DrawerPanelProps) {
  const messages = useMessages(drawerMessages, coreMessages);
  const headingId = useId();
  const root = useRef<HTMLDivElement | null>(null);
  const panel = useRef<HTMLDivElement | null>(null);
  const closeButton = useRef<HTMLButtonElement | null>(null);
  // The portal's root is what stays reachable: the overlay must take the press that closes.
  // (Only rendered on the client, so the layout effect never runs on a server.)
  useLayoutEffect(() => openModal(root.current!), []);
  useFocusScope(panel, { trapped: true, initialFocus: closeButton });
  useDismissableLayer(panel, { onDismiss: onClose });

  // The forwarded ref gets the dialog element (attached before this runs, in the same commit).
  useImperativeHandle(panelRef, () => panel.current!, []);

  // Re-keying the message makes a repeated "Copied" a new announcement.
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const announce = useCallback<Announce>(
    (text) => setAnnouncement((a) => ({ text, n: a.n + 1 })),
    [],
  );
  useEffect(() => {
    if (!announcement.text) return;
    const timer = setTimeout(() => setAnnouncement((a) => ({ ...a, text: '' })), 5000);
    return () => clearTimeout(timer);
  }, [announcement]);

  return (
    <div
      ref={root}
      className="imv-drawer__layer"
      data-imv=""
      data-slot="drawer-root"
      data-state="open"
    >
      <div className="imv-drawer__overlay" data-slot="drawer-overlay" data-state="open" />
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
        <div className="imv-drawer__header" data-slot="drawer-header">
          <h2 id={headingId} className="imv-drawer__title">
            {messages.eventDetails}
          </h2>
          <button
            ref={closeButton}
            type="button"
            className="imv-button imv-drawer__close"
            data-slot="drawer-close"
            onClick={onClose}
          >
            {messages.close}
          </button>
        </div>
        <div className="imv-drawer__body" data-slot="drawer-body">
          {children(announce)}
        </div>
        <div
          role="status"
          aria-live="polite"
          aria-atomic="true"
          className="imv-visually-hidden"
          data-slot="drawer-announcer"
        >
          {announcement.text ? <span key={announcement.n}>{announcement.text}</span> : null}
        </div>
      </div>
    </div>
  );
}
