import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { fetchConfig, fetchUsers, type DemoUser } from './api.js';
import { AlertsPage } from './pages/AlertsPage.js';
import { DocumentsPage } from './pages/DocumentsPage.js';
import { MyActivityPage } from './pages/MyActivityPage.js';
import { OrganisationLogPage } from './pages/OrganisationLogPage.js';
import {
  TIME_ZONES,
  isTheme,
  isTimeZone,
  localZone,
  systemTheme,
  useStoredState,
  type Theme,
} from './preferences.js';
import { PAGES, linkClick, usePagePath, type PagePath } from './router.js';
import { SessionContext } from './session.js';

const PAGE_COMPONENTS: Record<PagePath, () => React.JSX.Element> = {
  '/audit-log': OrganisationLogPage,
  '/my-activity': MyActivityPage,
  '/alerts': AlertsPage,
  '/documents': DocumentsPage,
};

const zoneName = (zone: string) =>
  zone === 'local' ? `Local (${localZone()})` : zone.replace(/_/g, ' ');

/** Groups the users by organisation for the sign-in picker. */
function byTenant(users: DemoUser[]): Array<[string, DemoUser[]]> {
  const groups = new Map<string, DemoUser[]>();
  for (const user of users) {
    const list = groups.get(user.tenant_name) ?? [];
    list.push(user);
    groups.set(user.tenant_name, list);
  }
  return [...groups.entries()];
}

export function App() {
  const config = useQuery({
    queryKey: ['demo', 'config'],
    queryFn: fetchConfig,
    staleTime: Infinity,
  });
  const users = useQuery({ queryKey: ['demo', 'users'], queryFn: fetchUsers, staleTime: Infinity });
  const [theme, setTheme] = useStoredState<Theme>('acme-docs.theme', systemTheme, isTheme);
  const [timeZone, setTimeZone] = useStoredState('acme-docs.time-zone', () => 'local', isTimeZone);
  const [userId, setUserId] = useStoredState(
    'acme-docs.user',
    () => '',
    (v): v is string => v !== '',
  );
  const [themeRoot, setThemeRoot] = useState<HTMLDivElement | null>(null);
  const path = usePagePath();
  const id = useId();

  const user = users.data?.find((u) => u.id === userId) ?? users.data?.[0] ?? null;
  const page = PAGES.find((p) => p.path === path)!;
  const Page = PAGE_COMPONENTS[path];

  useEffect(() => {
    document.title = `${page.label} · Acme Docs`;
  }, [page.label]);

  const immutableUrl = config.data?.immutableUrl;
  const session = useMemo(
    () => (user && immutableUrl ? { user, immutableUrl, timeZone, themeRoot } : null),
    [user, immutableUrl, timeZone, themeRoot],
  );
  // After an in-app navigation, move focus to the new page's heading (not on the first load) —
  // when it shows: a page opened while the app is still loading has none yet.
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef<string>(path);
  const headingFocusDue = useRef(false);
  useEffect(() => {
    if (firstPath.current !== path) {
      firstPath.current = '';
      headingFocusDue.current = true;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (headingFocusDue.current && heading) {
      headingFocusDue.current = false;
      heading.focus();
    }
  }, [path, session]);

  const failed = config.error ?? users.error;
  return (
    <div ref={setThemeRoot} className="imv-root demo-app" data-theme={theme}>
      <a className="demo-skip imv-button" href="#main">
        Skip to content
      </a>
      <header className="demo-header">
        <a className="demo-brand" href="/audit-log" onClick={linkClick}>
          <svg
            className="demo-brand__logo"
            viewBox="0 0 32 32"
            aria-hidden="true"
            focusable="false"
          >
            <rect width="32" height="32" rx="7" />
            <path d="M9 23 16 8l7 15h-4l-3-7-3 7z" />
          </svg>
          Acme Docs
        </a>
        <div className="demo-header__controls">
          <div className="demo-control">
            <label htmlFor={`${id}-user`}>Signed in as</label>
            <select
              id={`${id}-user`}
              className="imv-select"
              value={user?.id ?? ''}
              disabled={!users.data}
              onChange={(e) => setUserId(e.currentTarget.value)}
            >
              {!users.data ? <option value="">Loading users…</option> : null}
              {byTenant(users.data ?? []).map(([tenant, members]) => (
                <optgroup key={tenant} label={tenant}>
                  {members.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="demo-control">
            <label htmlFor={`${id}-zone`}>Time zone</label>
            <select
              id={`${id}-zone`}
              className="imv-select"
              value={timeZone}
              onChange={(e) => setTimeZone(e.currentTarget.value)}
            >
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone}>
                  {zoneName(zone)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="imv-button demo-theme-toggle"
            aria-pressed={theme === 'dark'}
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          >
            <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> Dark theme
          </button>
        </div>
      </header>

      <div className="demo-layout">
        <nav className="demo-nav" aria-label="Main">
          {user ? (
            <p className="demo-nav__org">
              <span className="demo-nav__org-label">Organisation</span>
              <span className="demo-nav__org-name">{user.tenant_name}</span>
            </p>
          ) : null}
          <ul>
            {PAGES.map((p) => (
              <li key={p.path}>
                <a
                  href={p.path}
                  className="demo-nav__link"
                  aria-current={p.path === path ? 'page' : undefined}
                  onClick={linkClick}
                >
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <main id="main" ref={mainRef} className="demo-main" tabIndex={-1}>
          {failed ? (
            <div role="alert" className="demo-panel demo-error">
              <h1>Acme Docs could not start</h1>
              <p>{failed.message}</p>
              <p>
                Is the demo backend running? Start everything with <code>pnpm dev</code>.
              </p>
            </div>
          ) : !session ? (
            <p role="status" className="demo-loading">
              Loading Acme Docs…
            </p>
          ) : (
            <SessionContext.Provider value={session}>
              {/* A new user gets fresh pages: no state from the previous one survives. */}
              <Page key={session.user.id} />
            </SessionContext.Provider>
          )}
        </main>
      </div>
    </div>
  );
}
