import { memo, type CSSProperties } from 'react';
import { CHROME_PENDING_CLASS } from '../useChromeAfterRows.js';
import type { AuditLogChromeProps } from './AuditLogChrome.js';
import { OnDemandPart } from '../onDemand/OnDemandPart.js';
import { chromePart } from './chromeModule.js';
import { useMessages } from '../messages/useMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

/** The empty box that keeps the chrome's room until it renders (see useChromeAfterRows). */
export function ChromePlaceholder({ style }: { style: CSSProperties | undefined }) {
  return <div style={style} className={CHROME_PENDING_CLASS} aria-hidden="true" />;
}

/**
 * Where `<AuditLog />`'s filters and toolbar render: in a browser mount their code is here by
 * now; a server render or a hydration waits for it (Suspense), keeping the server's markup. If it
 * could not load (a network failure), the log keeps its rows and says so here, with Retry.
 * Memoized, and so given stable props: a hydrating boundary that receives an update (a re-render
 * of the log, as its first effects cause) before its code is here would be rendered anew by the
 * client, its server markup thrown away.
 */
export const ChromeBoundary = memo(function ChromeBoundary({
  placeholderStyle,
  ...props
}: AuditLogChromeProps & { placeholderStyle: CSSProperties | undefined }) {
  const messages = useMessages(coreMessages);
  return (
    <OnDemandPart
      part={chromePart}
      render={(chrome) => <chrome.AuditLogChrome {...props} />}
      fallback={<ChromePlaceholder style={placeholderStyle} />}
      failure={messages.chromeLoadFailed}
      failureSlot="audit-log-chrome-error"
    />
  );
});
