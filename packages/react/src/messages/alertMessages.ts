/**
 * The alerts list's strings.
 * Replace any of them through the `messages` prop (see `Messages`).
 */
export const alertMessages = {
  alertsLabel: 'Alerts',
  ruleType: 'Rule',
  allRules: 'All rules',
  ruleNames: {
    new_country: 'New country',
    high_volume: 'High volume',
    sensitive_action: 'Sensitive action',
  } as Record<string, string>,
  severity: 'Severity',
  noAlerts: 'No alerts.',
  alertsError: 'Could not load alerts.',
  viewEvent: 'View event',
  alertsLoading: 'Loading alerts…',
  noAlertsForRule: (rule: string) => `No ${rule} alerts.`,
  alertsPages: 'Alert pages',
  severityNames: { low: 'Low', medium: 'Medium', high: 'High' } as Record<string, string>,
  severityIs: (level: string) => `Severity: ${level}`,
  alertBy: (actor: string) => `by ${actor}`,
};

export type AlertMessages = typeof alertMessages;
