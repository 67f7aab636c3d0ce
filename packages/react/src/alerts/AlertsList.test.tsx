import { createViewerClient, type Alert, type ViewerClient } from '@getimmutable/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, inject, it, vi } from 'vitest';
import { emulatorUrl, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { formatAbsolute } from '../formatTime.js';
import { AlertsList } from './AlertsList.js';

async function allAlerts(client: ViewerClient, rule_type?: Alert['rule_type']): Promise<Alert[]> {
  const { data, pagination } = await client.alerts.list({
    limit: 100,
    ...(rule_type ? { rule_type } : {}),
  });
  expect(pagination.has_more).toBe(false);
  return data;
}

const items = () => within(screen.getByRole('list', { name: 'Alerts' })).getAllByRole('listitem');

describe('AlertsList', () => {
  it("lists the tenant's alerts, newest first, with severity, rule, reason, actor and time", async () => {
    const expected = await allAlerts(viewerFor('org_acme'));
    expect(expected.length).toBeGreaterThan(0);
    const { container } = renderWithViewer(
      <AlertsList onEventSelect={vi.fn()} />,
      viewerFor('org_acme'),
      {
        timeZone: 'UTC',
      },
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading alerts…');
    await waitFor(() => expect(items()).toHaveLength(expected.length));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
    items().forEach((li, i) => expect(li).toHaveTextContent(expected[i]!.reason));
    const first = expected[0]!;
    const item = items()[0]!;
    expect(item).toHaveTextContent(first.reason);
    expect(item).toHaveTextContent(`by ${first.actor_id}`);
    expect(item).toHaveTextContent(
      first.rule_type === 'new_country' ? 'New country' : 'Sensitive action',
    );
    expect(item).toHaveTextContent(`Severity: ${first.severity === 'high' ? 'High' : 'Medium'}`);
    const time = within(item).getByText(/ago$/);
    expect(time).toHaveAttribute('dateTime', first.created_at);
    expect(time).toHaveAttribute('title', `${formatAbsolute(first.created_at, 'UTC')} (UTC)`);
  });

  it('narrows to the chosen rule', async () => {
    const expected = await allAlerts(viewerFor('org_acme'), 'sensitive_action');
    const all = await allAlerts(viewerFor('org_acme'));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const onRuleTypeChange = vi.fn();
    renderWithViewer(<AlertsList onRuleTypeChange={onRuleTypeChange} />, viewerFor('org_acme'));
    await waitFor(() => expect(items()).toHaveLength(all.length));
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Rule' }),
      'Sensitive action',
    );
    expect(onRuleTypeChange).toHaveBeenCalledWith('sensitive_action');
    await waitFor(() => expect(items()).toHaveLength(expected.length));
    for (const item of items()) expect(item).toHaveTextContent('Sensitive action');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rule' }), 'All rules');
    expect(onRuleTypeChange).toHaveBeenLastCalledWith(null);
    await waitFor(() => expect(items()).toHaveLength(all.length));
  });

  it('pages next and previous', async () => {
    const all = await allAlerts(viewerFor('org_acme'));
    expect(all.length).toBeGreaterThan(3);
    renderWithViewer(<AlertsList pageSize={3} />, viewerFor('org_acme'));
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(items()[0]).toHaveTextContent(all[0]!.reason);
    const previous = screen.getByRole('button', { name: 'Previous' });
    const next = screen.getByRole('button', { name: 'Next' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Page 1')).toBeInTheDocument();

    await userEvent.click(next);
    await waitFor(() => expect(items()[0]).toHaveTextContent(all[3]!.reason));
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(previous).not.toHaveAttribute('aria-disabled');

    await userEvent.click(previous);
    await waitFor(() => expect(items()[0]).toHaveTextContent(all[0]!.reason));
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('names its paging landmark from paginationLabel, so two lists on one page differ', async () => {
    renderWithViewer(
      <>
        <AlertsList pageSize={3} />
        <AlertsList
          pageSize={3}
          paginationLabel="Sensitive alert pages"
          defaultRuleType="sensitive_action"
        />
      </>,
      viewerFor('org_acme'),
    );
    expect(await screen.findByRole('navigation', { name: 'Alert pages' })).toBeInTheDocument();
    expect(
      await screen.findByRole('navigation', { name: 'Sensitive alert pages' }),
    ).toBeInTheDocument();
  });

  it("calls onEventSelect with the alert's event id from View event", async () => {
    const [first] = await allAlerts(viewerFor('org_acme'));
    const onEventSelect = vi.fn();
    renderWithViewer(<AlertsList onEventSelect={onEventSelect} />, viewerFor('org_acme'));
    await waitFor(() => expect(items().length).toBeGreaterThan(0));
    const button = within(items()[0]!).getByRole('button', { name: 'View event' });
    expect(button).toHaveAccessibleDescription(expect.stringContaining(`by ${first!.actor_id}`));
    await userEvent.click(button);
    expect(onEventSelect).toHaveBeenCalledExactlyOnceWith(first!.event_id);
  });

  it('says so when a rule has no alerts', async () => {
    const { container } = renderWithViewer(
      <AlertsList defaultRuleType="sensitive_action" />,
      viewerFor('org_broken'),
    );
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByRole('status')).toHaveTextContent('No Sensitive action alerts.');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows an error with a retry when the server refuses', async () => {
    const broken = createViewerClient({ baseUrl: emulatorUrl(), token: 'not.a.jwt', retry: false });
    const list = vi.spyOn(broken.alerts, 'list');
    const { container } = renderWithViewer(<AlertsList />, broken);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load alerts.');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    expect(list).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('forwards its ref and merges className and other props onto its element', () => {
    const ref = { current: null as HTMLDivElement | null };
    renderWithViewer(
      <AlertsList ref={ref} className="mine" data-testid="alerts" />,
      viewerFor('org_acme'),
    );
    const root = screen.getByTestId('alerts');
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('imv-alerts', 'mine');
    expect(root).toHaveAttribute('data-slot', 'alerts');
  });

  it("isolates the actor and the reason in <bdi>, an actor's right-to-left override shown as its code point", async () => {
    const actor = 'user_\u202Emallory';
    const res = await fetch(`${emulatorUrl()}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('apiKey')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        tenant_id: 'org_bidi_alerts',
        actor_id: actor,
        action: 'document.deleted',
      }),
    });
    expect(res.status).toBe(201);
    const [alert] = await allAlerts(viewerFor('org_bidi_alerts'));
    renderWithViewer(<AlertsList onEventSelect={vi.fn()} />, viewerFor('org_bidi_alerts'));
    await waitFor(() => expect(items()).toHaveLength(1));
    const item = items()[0]!;
    const isolates = Array.from(item.querySelectorAll('bdi'));
    const shown = actor.replace('\u202E', 'U+202E');
    // "by user_U+202Emallory": "by " is the kit's sentence, outside; only the actor id is inside.
    const byActor = isolates.find((el) => el.textContent === shown);
    expect(byActor, 'a <bdi> holding exactly the actor id').toBeDefined();
    expect(byActor!.parentElement).toHaveTextContent(`by ${shown}`);
    // The server's reason quotes the actor too: isolated whole, so it cannot reach the rest of the row.
    expect(
      isolates.some((el) => el.textContent === alert!.reason.replace('\u202E', 'U+202E')),
    ).toBe(true);
    expect(item.textContent).not.toContain('\u202E');
    expect(within(item).getByRole('button', { name: 'View event' })).toHaveAccessibleDescription(
      expect.stringContaining(`by ${shown}`),
    );
  });

  it('has no axe violations with alerts and when empty', async () => {
    const a = renderWithViewer(<AlertsList onEventSelect={vi.fn()} />, viewerFor('org_acme'));
    await waitFor(() =>
      expect(a.container.firstElementChild).toHaveAttribute('data-state', 'ready'),
    );
    const r1 = await axe.run(a.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(r1.violations).toEqual([]);
    a.unmount();
    const b = renderWithViewer(<AlertsList />, viewerFor('org_broken'));
    await waitFor(() =>
      expect(b.container.firstElementChild).toHaveAttribute('data-state', 'empty'),
    );
    const r2 = await axe.run(b.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(r2.violations).toEqual([]);
  });
});
