import type { ReactNode } from 'react';

/** A page's title (focused after navigation) and a sentence about it. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="demo-page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children ? <p className="demo-page-header__lead">{children}</p> : null}
    </div>
  );
}
