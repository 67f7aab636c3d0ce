// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('AuditLogFilters on the server', () => {
  it('imports and renders without a window, with no filters from the URL', async () => {
    expect(typeof window).toBe('undefined');
    const { AuditLogFilters } = await import('./AuditLogFilters.js');
    const { useFiltersInUrl } = await import('./useFiltersInUrl.js');
    function Page() {
      const [filters, setFilters] = useFiltersInUrl();
      return <AuditLogFilters filters={filters} onFiltersChange={setFilters} />;
    }
    const html = renderToString(<Page />);
    expect(html).toContain('role="search"');
    expect(html).toContain('aria-label="Filter events"');
    expect(html).toContain('Use * as a wildcard');
  });
});
