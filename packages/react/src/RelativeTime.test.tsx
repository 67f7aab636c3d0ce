import { render, screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatAbsolute } from './formatTime.js';
import { RelativeTime } from './RelativeTime.js';

const ISO = '2026-03-04T09:12:33.412Z';

describe('RelativeTime', () => {
  it('shows the relative time at once and the absolute time once its formatter is made, after paint', async () => {
    // A zone no other test here formats, so its formatter does not exist yet.
    render(<RelativeTime iso={ISO} timeZone="Asia/Kathmandu" deferAbsolute />);
    const time = screen.getByText(/ago$/);
    expect(time).toHaveAttribute('dateTime', ISO);
    expect(time).not.toHaveAttribute('title');
    await waitFor(() =>
      expect(time).toHaveAttribute(
        'title',
        `${formatAbsolute(ISO, 'Asia/Kathmandu')} (Asia/Kathmandu)`,
      ),
    );
  });

  it('formats the absolute time at once when its formatter exists (a remount: no second render)', () => {
    formatAbsolute(ISO, 'America/Lima');
    render(<RelativeTime iso={ISO} timeZone="America/Lima" deferAbsolute />);
    expect(screen.getByText(/ago$/)).toHaveAttribute('title', expect.stringMatching(/Lima\)$/));
  });

  it('formats the absolute time at once when not deferring', () => {
    render(<RelativeTime iso={ISO} timeZone="Asia/Kolkata" />);
    expect(screen.getByText(/ago$/)).toHaveAttribute(
      'title',
      `${formatAbsolute(ISO, 'Asia/Kolkata')} (Asia/Kolkata)`,
    );
  });

  it('formats the absolute time at once on the server, so hydration matches', () => {
    const html = renderToString(
      <RelativeTime iso={ISO} timeZone="Pacific/Chatham" deferAbsolute />,
    );
    expect(html).toContain(`title="${formatAbsolute(ISO, 'Pacific/Chatham')} (Pacific/Chatham)"`);
  });
});
