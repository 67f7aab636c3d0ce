import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react';
import { cx } from '../cx.js';
import { usePresentation } from '../viewerContext.js';
import { useFocusTrap } from './useFocusTrap.js';

/** Says something through the drawer's polite live region. */
export type Announce = (message: string) => void;

export interface DrawerPanelProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  panelRef: Ref<HTMLDivElement>;
  onClose: () => void;
  children: (announce: Announce) => ReactNode;
}

/** Mounted only while open, so the focus trap's mount and unmount are the drawer's open and close. */
export function DrawerPanel({ panelRef, onClose, children, className, ...rest }: DrawerPanelProps) {
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
    <div className="imv-drawer-root" data-imv="" data-slot="drawer-root" data-state="open">
      <div
        ref={overlay}
        className="imv-drawer-overlay"
        data-slot="drawer-overlay"
        data-state="open"
      />
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
          <button
            ref={closeButton}
            type="button"
            className="imv-button imv-drawer-close"
            data-slot="drawer-close"
            onClick={onClose}
          >
            {messages.close}
          </button>
        </div>
        <div className="imv-drawer-body" data-slot="drawer-body">
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
