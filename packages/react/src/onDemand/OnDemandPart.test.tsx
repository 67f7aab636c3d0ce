import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { onDemand } from './onDemand.js';
import { OnDemandPart } from './OnDemandPart.js';

/** A part whose first load fails and whose next one takes a task to settle, as a fetched chunk does. */
function slowPartAfterAFailure() {
  let attempts = 0;
  return onDemand(async () => {
    attempts++;
    if (attempts === 1) throw new Error('Failed to fetch dynamically imported module: /part.js');
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { Part: () => <p>The part</p> };
  });
}

describe('OnDemandPart', () => {
  it('keeps the failure on screen while Retry loads, then shows the part (no suspending inside the click)', async () => {
    const part = slowPartAfterAFailure();
    render(
      <OnDemandPart
        part={part}
        render={({ Part }) => <Part />}
        failure="This part could not load."
        failureSlot="part-error"
      />,
    );
    const alert = await screen.findByRole('alert');
    // A real click, outside act. Had it rendered the part at the click, the part would suspend
    // on the load in flight (the fallback, nothing, until it settles) and, inside a host app's
    // test's act, React would retry that render in a loop until the load settled.
    screen.getByRole('button', { name: 'Retry' }).click();
    await new Promise((resolve) => setTimeout(resolve, 15)); // the load takes 50 ms
    expect(screen.getByRole('alert')).toBe(alert);
    expect(await screen.findByText('The part')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
