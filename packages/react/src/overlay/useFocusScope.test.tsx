import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusScope, type FocusScopeOptions } from './useFocusScope.js';

/** A scope with what Tab can and cannot reach: a heading, a disabled and a hidden button. */
function Scope({ trapped }: { trapped?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusScope(ref, { trapped });
  return (
    <div ref={ref} tabIndex={-1} role="group" aria-label="Scope">
      <h2>Not tabbable</h2>
      <button type="button">First</button>
      <button type="button" disabled>
        Disabled
      </button>
      <span hidden>
        <button type="button">Hidden</button>
      </span>
      <button type="button">Last</button>
    </div>
  );
}

/** An opener, a way to close that is not inside the scope, and something else to focus. */
function Harness(props: { trapped?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Opener
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Close it
      </button>
      <input aria-label="Elsewhere" />
      {open ? <Scope {...props} /> : null}
    </>
  );
}

const named = (name: string) => screen.getByRole('button', { name });
/** Lets the scope's deferred return of focus run. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve)));

describe('useFocusScope', () => {
  it('moves focus to the first tabbable element on mount and back to the opener on unmount', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(named('Opener'));
    expect(named('First')).toHaveFocus();
    act(() => named('First').blur()); // focus on the body: nowhere, as when a press outside closes
    act(() => named('Close it').click());
    await settle();
    expect(named('Opener')).toHaveFocus();
  });

  it('does not take focus back from where the user put it meanwhile', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(named('Opener'));
    await user.click(screen.getByRole('textbox', { name: 'Elsewhere' }));
    act(() => named('Close it').click());
    await settle();
    expect(screen.getByRole('textbox', { name: 'Elsewhere' })).toHaveFocus();
  });

  it('gives focus to returnFocus instead of the opener when asked', async () => {
    const user = userEvent.setup();
    function WithButton() {
      const [open, setOpen] = useState(true);
      const back = useRef<HTMLButtonElement>(null);
      return (
        <>
          <button ref={back} type="button">
            Menu button
          </button>
          {open ? <Inner back={back} close={() => setOpen(false)} /> : null}
        </>
      );
    }
    function Inner({ back, close }: { back: FocusScopeOptions['returnFocus']; close(): void }) {
      const ref = useRef<HTMLDivElement>(null);
      useFocusScope(ref, { returnFocus: back });
      return (
        <div ref={ref}>
          <button type="button" onClick={close}>
            Done
          </button>
        </div>
      );
    }
    render(<WithButton />);
    expect(named('Done')).toHaveFocus();
    await user.click(named('Done'));
    await settle();
    expect(named('Menu button')).toHaveFocus();
  });

  it('when trapped, wraps Tab and Shift+Tab at the ends and skips what Tab cannot reach', async () => {
    const user = userEvent.setup();
    render(<Harness trapped />);
    await user.click(named('Opener'));
    expect(named('First')).toHaveFocus();
    await user.tab();
    expect(named('Last')).toHaveFocus();
    await user.tab();
    expect(named('First')).toHaveFocus();
    await user.tab({ shift: true });
    expect(named('Last')).toHaveFocus();
    // From something Tab skips (the container itself), Tab goes on from its place.
    act(() => screen.getByRole('group', { name: 'Scope' }).focus());
    await user.tab();
    expect(named('First')).toHaveFocus();
    act(() => screen.getByRole('group', { name: 'Scope' }).focus());
    await user.tab({ shift: true });
    expect(named('Last')).toHaveFocus();
  });

  it('when trapped, pulls focus that lands outside back in', async () => {
    const user = userEvent.setup();
    render(<Harness trapped />);
    await user.click(named('Opener'));
    await user.tab(); // Last
    act(() => screen.getByRole('textbox', { name: 'Elsewhere' }).focus());
    expect(named('Last')).toHaveFocus();
  });

  it('lets focus leave when not trapped', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(named('Opener'));
    act(() => screen.getByRole('textbox', { name: 'Elsewhere' }).focus());
    expect(screen.getByRole('textbox', { name: 'Elsewhere' })).toHaveFocus();
  });

  it('keeps focus inside, and the opener to return to, under StrictMode', async () => {
    const user = userEvent.setup();
    render(
      <StrictMode>
        <Harness trapped />
      </StrictMode>,
    );
    await user.click(named('Opener'));
    await settle();
    expect(named('First')).toHaveFocus();
    act(() => named('First').blur());
    act(() => named('Close it').click());
    await settle();
    expect(named('Opener')).toHaveFocus();
  });
});
