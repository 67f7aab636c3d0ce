/** A very small router: the page is the path; links push history entries. */
import { useSyncExternalStore, type MouseEvent } from 'react';

export const PAGES = [
  { path: '/audit-log', label: 'Organisation audit log' },
  { path: '/my-activity', label: 'My activity' },
  { path: '/alerts', label: 'Alerts' },
  { path: '/documents', label: 'Documents' },
] as const;

export type PagePath = (typeof PAGES)[number]['path'];

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentPath = (): PagePath => {
  const path = window.location.pathname.replace(/\/+$/, '');
  return PAGES.find((p) => p.path === path)?.path ?? '/audit-log';
};

export const usePagePath = () =>
  useSyncExternalStore(subscribe, currentPath, () => '/audit-log' as PagePath);

/** Goes to `href` (a path with an optional query) without a reload. */
function navigate(href: string) {
  window.history.pushState(null, '', href);
  for (const listener of [...listeners]) listener();
}

/** onClick for an in-app `<a href>`: plain clicks navigate in place; modified clicks open a tab. */
export function linkClick(event: MouseEvent<HTMLAnchorElement>) {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href')!);
}
