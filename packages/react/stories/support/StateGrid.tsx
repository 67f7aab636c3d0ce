/**
 * "All states" sheets: the same part rendered several times side by side, each under its own
 * provider, client and token, so each panel gets its own scenario from the story server.
 */
import { createViewerClient, type ViewerClient } from '@getimmutable/client';
import { ImmutableViewerProvider, type Messages } from '@getimmutable/react';
import { useId, useState, type ReactNode } from 'react';
import { API_BASE, STALE_JTI, viewerToken } from './fixtures.js';
import { SCENARIO_JTI } from './handlers.js';

export type Scenario = 'default' | 'loading' | 'empty' | 'error' | 'broken' | 'expired';

export const SCENARIO_TITLES: Record<Scenario, string> = {
  default: 'Default',
  loading: 'Loading',
  empty: 'Empty',
  error: 'Error (HTTP 500)',
  broken: 'Broken chain',
  expired: 'Expired token, refreshed',
};

/** A client whose token selects the scenario on the story server. */
function scenarioClient(scenario: Scenario): ViewerClient {
  const token =
    scenario === 'empty'
      ? viewerToken({ tenant_id: 'org_empty' })
      : scenario === 'expired'
        ? viewerToken({ jti: STALE_JTI })
        : scenario === 'default'
          ? viewerToken()
          : viewerToken({ jti: SCENARIO_JTI[scenario] });
  return createViewerClient({
    baseUrl: API_BASE,
    token,
    retry: false,
    ...(scenario === 'expired' ? { getToken: async () => viewerToken({ jti: 'refreshed' }) } : {}),
  });
}

function Panel({
  scenario,
  messages,
  children,
}: {
  scenario: Scenario;
  messages?: Partial<Messages>;
  children: ReactNode;
}) {
  const [client] = useState(() => scenarioClient(scenario));
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      data-scenario={scenario}
      style={{ border: '1px dashed var(--imv-border)', borderRadius: 8, padding: 16, minWidth: 0 }}
    >
      <h2
        id={headingId}
        style={{
          margin: '0 0 12px',
          fontSize: 13,
          fontWeight: 600,
          color: 'var(--imv-fg-muted)',
          textTransform: 'uppercase',
          letterSpacing: '0.04em',
        }}
      >
        {SCENARIO_TITLES[scenario]}
      </h2>
      <ImmutableViewerProvider client={client} timeZone="UTC" messages={messages}>
        {children}
      </ImmutableViewerProvider>
    </section>
  );
}

export interface StateGridProps {
  scenarios: readonly Scenario[];
  /** The narrowest a panel gets before the grid wraps. @default 320 */
  minWidth?: number;
  /** Per-panel strings, e.g. distinct landmark names so the sheet has no duplicates. */
  messages?: Partial<Record<Scenario, Partial<Messages>>>;
  children: (scenario: Scenario) => ReactNode;
}

export function StateGrid({ scenarios, minWidth = 320, messages, children }: StateGridProps) {
  return (
    <div
      style={{
        display: 'grid',
        gap: 16,
        gridTemplateColumns: `repeat(auto-fill, minmax(min(${minWidth}px, 100%), 1fr))`,
        alignItems: 'start',
      }}
    >
      {scenarios.map((scenario) => (
        <Panel key={scenario} scenario={scenario} messages={messages?.[scenario]}>
          {children(scenario)}
        </Panel>
      ))}
    </div>
  );
}

/** Distinct landmark names for each panel of a sheet: "Pagination (Loading)", … */
export function panelLabels(
  label: (title: string) => Partial<Messages>,
): Record<Scenario, Partial<Messages>> {
  const entries = (Object.keys(SCENARIO_TITLES) as Scenario[]).map((s) => [
    s,
    label(SCENARIO_TITLES[s]),
  ]);
  return Object.fromEntries(entries) as Record<Scenario, Partial<Messages>>;
}
