import { forwardRef, type HTMLAttributes } from 'react';
import { cx } from '../cx.js';
import type { LiveTailState } from './useLiveTail.js';
import { useMessages } from '../messages/useMessages.js';
import { liveTailMessages } from '../messages/liveTailMessages.js';

export interface LiveTailNoticeProps extends HTMLAttributes<HTMLDivElement> {
  live: LiveTailState;
  /** Puts the new events in the list (the reader asked). */
  onShow(): void;
}

/**
 * "3 new events · Show": a polite live region, so a screen reader hears that events arrived
 * without losing its place, and a button that inserts them only when asked.
 */
export const LiveTailNotice = forwardRef<HTMLDivElement, LiveTailNoticeProps>(
  function LiveTailNotice({ live, onShow, className, ...rest }, ref) {
    const messages = useMessages(liveTailMessages);
    const count = live.events.length;
    return (
      <div
        ref={ref}
        className={cx('imv-live', className)}
        data-slot="live-tail"
        data-state={count > 0 ? 'new' : live.status}
        {...rest}
      >
        <span role="status" className="imv-live__text">
          {count > 0 ? messages.newEvents(count, live.hasMore) : ''}
        </span>
        {count > 0 ? (
          <button type="button" className="imv-button imv-live__show" onClick={onShow}>
            {messages.showNewEvents}
          </button>
        ) : null}
      </div>
    );
  },
);
