import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { JsonTree } from './JsonTree.js';

/** `{"k49":{"k48":…{"k0":{"leaf":"bottom"}}}}`: 51 levels, parsed from text as metadata would be. */
function deepJson(levels: number): unknown {
  let text = '{"leaf":"bottom"}';
  for (let i = 0; i < levels; i++) text = `{"k${i}":${text}}`;
  return JSON.parse(text);
}

const nodes = (container: HTMLElement) => container.querySelectorAll('li');

/** A node's toggle: named by its visible text, described by its path. */
const toggleAt = (path: string) => screen.getByRole('button', { description: path });

describe('JsonTree', () => {
  it('opens 50 levels of nesting lazily, one level at a time, down to the leaf', async () => {
    // jsdom's getComputedStyle is slow on deep ancestries; the pointer-events check adds nothing here.
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const { container } = render(<JsonTree data={deepJson(50)} />);
    // Depth 1 and 2 start open, depth 3 starts closed: only three nodes exist so far.
    expect(nodes(container)).toHaveLength(3);
    expect(toggleAt('metadata.k49')).toHaveAttribute('aria-expanded', 'true');
    expect(toggleAt('metadata.k49.k48.k47')).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('"bottom"')).toBeNull();
    for (let i = 0; i < 60; i++) {
      const closed = container.querySelector<HTMLElement>('button[aria-expanded="false"]');
      if (!closed) break;
      await user.click(closed);
    }
    expect(screen.getByText('"bottom"')).toBeInTheDocument();
    expect(nodes(container)).toHaveLength(51);
    const deepest = Array.from({ length: 50 }, (_, i) => `k${49 - i}`).join('.');
    expect(toggleAt(`metadata.${deepest}`)).toHaveAttribute('aria-expanded', 'true');
  });

  it('renders 10,000 keys as the first 100 nodes, with "Show 100 more"', async () => {
    const user = userEvent.setup();
    const huge = JSON.parse(
      JSON.stringify(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i]))),
    );
    const { container } = render(<JsonTree data={huge} />);
    expect(nodes(container)).toHaveLength(100);
    expect(screen.getByText('key99')).toBeInTheDocument();
    expect(screen.queryByText('key100')).toBeNull();
    const more = screen.getByRole('button', { name: 'Show 100 more in metadata' });
    expect(more).toHaveTextContent('Show 100 more');
    await user.click(more);
    expect(nodes(container)).toHaveLength(200);
    expect(screen.getByText('key199')).toBeInTheDocument();
  });

  it('shows __proto__, constructor and prototype as ordinary keys and never pollutes Object.prototype', async () => {
    const user = userEvent.setup();
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted2":"yes"}},"prototype":{"__proto__":{"polluted3":1}}}',
    );
    const { container } = render(<JsonTree data={hostile} expandDepth={1} />);
    for (const name of ['metadata.__proto__', 'metadata.constructor', 'metadata.prototype']) {
      await user.click(toggleAt(name));
    }
    await user.click(toggleAt('metadata.constructor.prototype'));
    await user.click(toggleAt('metadata.prototype.__proto__'));
    const tree = within(container);
    expect(tree.getAllByText('__proto__')).toHaveLength(2);
    expect(tree.getAllByText('prototype')).toHaveLength(2);
    expect(tree.getByText('constructor')).toBeInTheDocument();
    // The values under __proto__ are the JSON's own data, not Object.prototype's members.
    expect(tree.getByText('polluted')).toBeInTheDocument();
    expect(tree.getByText('polluted3')).toBeInTheDocument();
    expect(tree.queryByText('hasOwnProperty')).toBeNull();
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(probe.polluted2).toBeUndefined();
    expect(probe.polluted3).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('links only http(s) URLs, with a safe rel; javascript:, data: and markup stay plain text', () => {
    const { container } = render(
      <JsonTree
        data={{
          site: 'https://example.com',
          evil: 'javascript:alert(1)',
          evilCase: 'JaVaScRiPt:alert(1)',
          blob: 'data:text/html,<script>alert(1)</script>',
          vb: 'vbscript:msgbox(1)',
          relative: '/admin',
          markup: '<img src=x onerror=alert(1)>',
        }}
      />,
    );
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    const link = links[0]!;
    expect(link).toHaveAccessibleName('"https://example.com"');
    expect(link).toHaveAttribute('href', 'https://example.com/');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByText('"javascript:alert(1)"').closest('a')).toBeNull();
    expect(screen.getByText('"<img src=x onerror=alert(1)>"')).toBeInTheDocument();
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('expands and collapses from the keyboard, named by its visible text and described by its path', async () => {
    const user = userEvent.setup();
    render(
      <JsonTree data={{ 'a b': { c: [1, { d: true }] } }} rootName="metadata" expandDepth={1} />,
    );
    const toggle = toggleAt('metadata["a b"]');
    // WCAG 2.5.3: the accessible name is the visible label; the state is aria-expanded, not the name.
    expect(toggle).toHaveAccessibleName('a b {1 key}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.tab();
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('a b {1 key}');
    await user.tab();
    const c = screen.getByRole('button', { name: 'c [2 items]', description: 'metadata["a b"].c' });
    expect(c).toHaveFocus();
    await user.keyboard(' ');
    expect(toggleAt('metadata["a b"].c[1]')).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard(' ');
    expect(screen.queryByRole('button', { description: 'metadata["a b"].c[1]' })).toBeNull();
  });

  it('shows scalars and empty containers as plain values', () => {
    render(<JsonTree data={{ n: 1.5, t: false, z: null, e: {}, a: [] }} />);
    for (const text of ['1.5', 'false', 'null', '{}', '[]'])
      expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('has no axe violations, expanded, collapsed and paged', async () => {
    const data = JSON.parse(
      JSON.stringify({
        list: Array.from({ length: 150 }, (_, i) => i),
        nested: deepJson(5),
        url: 'https://example.com',
      }),
    );
    const { container } = render(
      <main>
        <JsonTree data={data} />
      </main>,
    );
    const result = await act(() =>
      axe.run(container, { rules: { 'color-contrast': { enabled: false } } }),
    );
    expect(result.violations).toEqual([]);
  });
});
