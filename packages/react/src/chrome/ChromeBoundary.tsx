import { Suspense, memo, useReducer, type CSSProperties } from 'react';
import { CHROME_PENDING_CLASS } from '../useChromeAfterRows.js';
import { usePresentation } from '../viewerContext.js';
import type { AuditLogChromeProps } from './AuditLogChrome.js';
import { loadChrome, loadedChrome } from './chromeModule.js';

/** The empty box that keeps the chrome's room until it renders (see useChromeAfterRows). */
export function ChromePlaceholder({ style }: { style: CSSProperties | undefined }) {
  return <div style={style} className={CHROME_PENDING_CLASS} aria-hidden="true" />;
}

/**
 * Where `<AuditLog />`'s filters and toolbar render: in a browser mount their code is here by
 * now; a server render or a hydration waits for it (Suspense), keeping the server's markup.
 * Memoized, and so given stable props: a hydrating boundary that receives an update (a re-render
 * of the log, as its first effects cause) before its code is here would be rendered anew by the
 * client, its server markup thrown away.
 */
export const ChromeBoundary = memo(function ChromeBoundary({
  placeholderStyle,
  ...props
}: AuditLogChromeProps & { placeholderStyle: CSSProperties | undefined }) {
  return (
    <Suspense fallback={<ChromePlaceholder style={placeholderStyle} />}>
      <LoadedChrome {...props} />
    </Suspense>
  );
});

/**
 * The filters and toolbar, from their own module (chromeModule.ts). If it could not load (a
 * network failure), the log keeps its rows and says so here, with Retry, instead of throwing the
 * whole log to an error boundary. Retry fetches it again where the browser does not keep a failed
 * import's error for the page's life (whatwg/html#10327: Firefox and Safari do not; Chromium
 * still does), so the message also says that reloading the page helps.
 */
function LoadedChrome(props: AuditLogChromeProps) {
  const { messages } = usePresentation();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const chrome = loadedChrome();
  if ('module' in chrome) return <chrome.module.AuditLogChrome {...props} />;
  const detail = chrome.error instanceof Error ? chrome.error.message : undefined;
  return (
    // The table's error box: the same look for the same kind of news.
    <div role="alert" className="imv-table__error" data-slot="audit-log-chrome-error">
      <p className="imv-table__error-title">{messages.chromeLoadFailed}</p>
      {detail ? <p className="imv-table__error-detail">{detail}</p> : null}
      <button
        type="button"
        className="imv-button"
        onClick={() => {
          loadChrome().catch(() => {}); // its outcome shows when this renders again
          rerender();
        }}
      >
        {messages.retry}
      </button>
    </div>
  );
}
