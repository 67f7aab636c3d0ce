import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useDismissableLayer, type DismissableLayerOptions } from './useDismissableLayer.js';

/** A layer (open until dismissed) with a trigger outside it, and some page around. */
function Layer({
  name,
  onDismiss,
  children,
  ...options
}: Partial<DismissableLayerOptions> & { name: string; children?: ReactNode }) {
  const [open, setOpen] = useState(true);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <div>
      <button ref={trigger} type="button">
        {name} trigger
      </button>
      {open ? (
        <Panel
          name={name}
          inside={[trigger]}
          {...options}
          onDismiss={() => {
            onDismiss?.();
            setOpen(false);
          }}
        >
          {children}
        </Panel>
      ) : null}
    </div>
  );
}

function Panel({
  name,
  children,
  ...options
}: DismissableLayerOptions & { name: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useDismissableLayer(ref, options);
  return (
    <div ref={ref} role="group" aria-label={name}>
      <input aria-label={`${name} field`} />
      {children}
    </div>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <>
      <p>Some page text</p>
      <button type="button">Elsewhere</button>
      {children}
    </>
  );
}

describe('useDismissableLayer', () => {
  it('dismisses on Escape, and marks the key handled', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(<Layer name="Menu" onDismiss={onDismiss} />);
    const seen = vi.fn();
    document.addEventListener('keydown', (e) => seen(e.defaultPrevented), { once: true });
    await user.keyboard('{Escape}');
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith(true);
    expect(screen.queryByRole('group', { name: 'Menu' })).toBeNull();
  });

  it('leaves Escape to whatever inside handled it first', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(<Layer name="Menu" onDismiss={onDismiss} />);
    screen.getByRole('textbox', { name: 'Menu field' }).addEventListener('keydown', (e) => {
      if (e.key === 'Escape') e.preventDefault();
    });
    screen.getByRole('textbox', { name: 'Menu field' }).focus();
    await user.keyboard('{Escape}');
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('dismisses on a press outside, but not inside nor on its trigger', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(
      <Page>
        <Layer name="Menu" onDismiss={onDismiss} />
      </Page>,
    );
    await user.click(screen.getByRole('textbox', { name: 'Menu field' }));
    await user.click(screen.getByRole('button', { name: 'Menu trigger' }));
    expect(onDismiss).not.toHaveBeenCalled();
    await user.click(screen.getByText('Some page text'));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('counts a press the page stops from propagating as outside', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(
      <Page>
        <Layer name="Menu" onDismiss={onDismiss} />
      </Page>,
    );
    const text = screen.getByText('Some page text');
    text.addEventListener('pointerdown', (e) => e.stopPropagation());
    await user.click(text);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('dismisses when focus moves outside only when asked to', async () => {
    const onDismiss = vi.fn();
    const { rerender } = render(
      <Page>
        <Layer name="Menu" onDismiss={onDismiss} />
      </Page>,
    );
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    expect(onDismiss).not.toHaveBeenCalled();
    rerender(
      <Page>
        <Layer name="Menu" onDismiss={onDismiss} dismissOnFocusOutside />
      </Page>,
    );
    act(() => screen.getByRole('textbox', { name: 'Menu field' }).focus());
    act(() => screen.getByRole('button', { name: 'Menu trigger' }).focus());
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('dismisses only the innermost of nested layers, one Escape at a time', async () => {
    const user = userEvent.setup();
    const outer = vi.fn();
    const inner = vi.fn();
    render(
      <Layer name="Drawer" onDismiss={outer}>
        <Layer name="Popover" onDismiss={inner} />
      </Layer>,
    );
    await user.keyboard('{Escape}');
    expect(inner).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: 'Drawer' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(outer).toHaveBeenCalledTimes(1);
  });

  it('takes a press inside the outer layer as outside the inner one only', async () => {
    const user = userEvent.setup();
    const outer = vi.fn();
    const inner = vi.fn();
    render(
      <Layer name="Drawer" onDismiss={outer}>
        <Layer name="Popover" onDismiss={inner} />
      </Layer>,
    );
    await user.click(screen.getByRole('textbox', { name: 'Drawer field' }));
    expect(inner).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
  });
});
