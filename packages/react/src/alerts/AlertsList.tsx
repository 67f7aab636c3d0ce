import { ALERT_RULE_TYPES, type Alert, type AlertRuleType } from '@getimmutable/client';
import { forwardRef, useId, type HTMLAttributes } from 'react';
import { cx } from '../cx.js';
import { formatAbsolute, zoneLabel } from '../formatTime.js';
import { Pager } from '../Pager.js';
import { RelativeTime } from '../RelativeTime.js';
import { useAlerts } from '../useAlerts.js';
import { useControllableState } from '../useControllableState.js';
import { UserText, userTextMessage } from '../UserText.js';
import { usePresentation } from '../viewerContext.js';
import { useMessages } from '../messages/useMessages.js';
import { alertMessages } from '../messages/alertMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

export type AlertsListState = 'loading' | 'error' | 'empty' | 'ready';

const SEVERITY_ICONS: Record<Alert['severity'], string> = { low: '•', medium: '▲', high: '⬤' };

export interface AlertsListProps extends HTMLAttributes<HTMLDivElement> {
  /** The rule to show alerts of, when controlled; `null` shows every rule. @default undefined (uncontrolled) */
  ruleType?: AlertRuleType | null;
  /** The rule shown at first, when uncontrolled; `null` shows every rule. @default null */
  defaultRuleType?: AlertRuleType | null;
  /** Called when the user picks another rule (`null` for all). @default undefined */
  onRuleTypeChange?: (ruleType: AlertRuleType | null) => void;
  /** Alerts per page, 1..100. @default 25 */
  pageSize?: number;
  /** Called with the alert's event id when the user asks to view it; without it there is no "View event" button. @default undefined */
  onEventSelect?: (eventId: string) => void;
  /** The paging landmark's accessible name, over the message; give each list on a page its own. @default messages.alertsPages */
  paginationLabel?: string;
}

/**
 * The tenant's security alerts, newest first: filter by rule, page through, open the event.
 * @example <AlertsList onEventSelect={(id) => setSelectedEvent(id)} />
 */
export const AlertsList = forwardRef<HTMLDivElement, AlertsListProps>(function AlertsList(
  {
    ruleType: ruleTypeProp,
    defaultRuleType = null,
    onRuleTypeChange,
    pageSize,
    onEventSelect,
    paginationLabel,
    className,
    ...rest
  },
  ref,
) {
  const messages = useMessages(alertMessages, coreMessages);
  const { locale, timeZone } = usePresentation();
  const [ruleType, setRuleType] = useControllableState<AlertRuleType | null>({
    prop: ruleTypeProp,
    defaultProp: defaultRuleType,
    onChange: onRuleTypeChange,
  });
  const alerts = useAlerts({
    ...(ruleType ? { ruleType } : {}),
    ...(pageSize ? { pageSize } : {}),
  });
  const id = useId();

  let state: AlertsListState;
  if (alerts.status === 'pending') state = 'loading';
  else if (alerts.status === 'error') state = 'error';
  else state = alerts.alerts.length === 0 ? 'empty' : 'ready';

  const zone = messages.timeZoneSuffix(zoneLabel(timeZone));
  const ruleName = (rule: string) => messages.ruleNames[rule] ?? rule;
  const showPaging = state === 'ready' || alerts.pageIndex > 0;

  return (
    <div
      ref={ref}
      className={cx('imv-alerts', className)}
      data-slot="alerts"
      data-state={state}
      {...rest}
    >
      <div className="imv-alerts__toolbar" data-slot="alerts-toolbar">
        <label
          htmlFor={`${id}-rule`}
          className="imv-alerts__rule-label"
          data-slot="alerts-rule-label"
        >
          {messages.ruleType}
        </label>
        <select
          id={`${id}-rule`}
          className="imv-select imv-alerts__rule"
          data-slot="alerts-rule"
          value={ruleType ?? ''}
          onChange={(e) => setRuleType((e.currentTarget.value || null) as AlertRuleType | null)}
        >
          <option value="">{messages.allRules}</option>
          {ALERT_RULE_TYPES.map((rule) => (
            <option key={rule} value={rule}>
              {ruleName(rule)}
            </option>
          ))}
        </select>
      </div>

      {state === 'loading' ? (
        <p className="imv-alerts__message" data-slot="alerts-loading" role="status">
          {messages.alertsLoading}
        </p>
      ) : null}
      {state === 'error' ? (
        <div className="imv-alerts__message" data-slot="alerts-error" role="alert">
          <span>{messages.alertsError}</span>
          {alerts.error?.message ? (
            <span className="imv-alerts__error-detail">
              {' '}
              <UserText>{alerts.error.message}</UserText>
            </span>
          ) : null}{' '}
          <button
            type="button"
            className="imv-button"
            data-slot="alerts-retry"
            onClick={() => alerts.refetch()}
          >
            {messages.retry}
          </button>
        </div>
      ) : null}
      {state === 'empty' ? (
        <p className="imv-alerts__message" data-slot="alerts-empty" role="status">
          {ruleType ? messages.noAlertsForRule(ruleName(ruleType)) : messages.noAlerts}
        </p>
      ) : null}

      {state === 'ready' ? (
        <ul
          className="imv-alerts__list"
          data-slot="alerts-list"
          aria-label={messages.alertsLabel}
          aria-busy={alerts.isFetching || undefined}
        >
          {alerts.alerts.map((alert) => {
            const itemId = `${id}-${alert.id}`;
            const absolute = `${formatAbsolute(alert.created_at, timeZone, locale)} ${zone}`;
            const severity = messages.severityNames[alert.severity] ?? alert.severity;
            return (
              <li
                key={alert.id}
                className="imv-alerts__item"
                data-slot="alert"
                data-severity={alert.severity}
                data-rule-type={alert.rule_type}
              >
                <span
                  className="imv-alerts__severity"
                  data-slot="alert-severity"
                  data-severity={alert.severity}
                >
                  <span aria-hidden="true">
                    <span className="imv-alerts__severity-icon">
                      {SEVERITY_ICONS[alert.severity]}
                    </span>{' '}
                    {severity}
                  </span>
                  <span className="imv-visually-hidden">{messages.severityIs(severity)}</span>
                </span>
                <span
                  id={`${itemId}-rule`}
                  className="imv-alerts__rule-name"
                  data-slot="alert-rule"
                >
                  {ruleName(alert.rule_type)}
                </span>
                <p className="imv-alerts__reason" data-slot="alert-reason">
                  {/* The server's sentence quotes the actor and the event: isolated whole. */}
                  <UserText>{alert.reason}</UserText>
                </p>
                <span className="imv-alerts__meta" data-slot="alert-meta">
                  <span
                    id={`${itemId}-actor`}
                    className="imv-alerts__actor"
                    data-slot="alert-actor"
                  >
                    {userTextMessage((user) => messages.alertBy(user(alert.actor_id)))}
                  </span>{' '}
                  <span className="imv-alerts__time" data-slot="alert-time">
                    <RelativeTime iso={alert.created_at} />{' '}
                    <span className="imv-alerts__absolute" data-slot="alert-time-absolute">
                      {absolute}
                    </span>
                  </span>
                </span>
                {onEventSelect ? (
                  <button
                    type="button"
                    className="imv-button imv-alerts__view"
                    data-slot="alert-view-event"
                    aria-describedby={`${itemId}-rule ${itemId}-actor`}
                    onClick={() => onEventSelect(alert.event_id)}
                  >
                    {messages.viewEvent}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}

      {showPaging ? (
        <Pager
          label={paginationLabel ?? messages.alertsPages}
          pageIndex={alerts.pageIndex}
          canPrevious={alerts.hasPrevious}
          canNext={alerts.hasNext}
          onPrevious={alerts.previousPage}
          onNext={alerts.nextPage}
          className="imv-alerts__paging"
          pageClassName="imv-alerts__page"
          slot="alerts"
          navSlot="alerts-paging"
        />
      ) : null}
    </div>
  );
});
