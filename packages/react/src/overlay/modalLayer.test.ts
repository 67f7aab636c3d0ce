import { afterEach, describe, expect, it } from 'vitest';
import { inertOthers, lockScroll, openModal } from './modalLayer.js';

/** <body>: header, main > (aside, section#container > (p, #layer)), footer[inert] (the page's own). */
function page() {
  document.body.innerHTML = `
    <header id="header"></header>
    <main id="main">
      <aside id="aside"></aside>
      <section id="container"><p id="text"></p><div id="layer"><button id="inside"></button></div></section>
    </main>
    <footer id="footer" inert></footer>`;
  const $ = (id: string) => document.getElementById(id)!;
  return { $, inert: () => [...document.querySelectorAll('[inert]')].map((el) => el.id) };
}

const html = document.documentElement;
/** jsdom has no layout: give <html> a width that a 15px classic scrollbar leaves over. */
function scrollbar(width: number) {
  Object.defineProperty(html, 'clientWidth', {
    configurable: true,
    get: () => (html.style.overflow === 'hidden' ? innerWidth : innerWidth - width),
  });
}

afterEach(() => {
  document.body.innerHTML = '';
  delete (html as { clientWidth?: number }).clientWidth;
  html.removeAttribute('style');
});

describe('inertOthers', () => {
  it('makes every sibling up to <body> inert, never the layer or its ancestors, and undoes exactly', () => {
    const { $, inert } = page();
    const undo = inertOthers($('layer'));
    expect(inert().sort()).toEqual(['aside', 'footer', 'header', 'text']);
    for (const id of ['layer', 'inside', 'container', 'main'])
      expect($(id)).not.toHaveAttribute('inert');
    undo();
    // The footer was inert before: the page's own, so it stays.
    expect(inert()).toEqual(['footer']);
  });

  it('is nested-safe: an element two layers want stays inert until both are gone, in any order', () => {
    const { $, inert } = page();
    const outer = inertOthers($('layer'));
    const second = document.createElement('div');
    document.body.append(second);
    const inner = inertOthers(second);
    expect($('main')).toHaveAttribute('inert'); // the first layer's branch, behind the second
    outer(); // the outer one closes first
    expect(inert().sort()).toEqual(['footer', 'header', 'main']);
    inner();
    expect(inert()).toEqual(['footer']);
  });
});

describe('lockScroll', () => {
  it('hides the overflow and keeps the scrollbar gutter, then restores the inline styles as they were', () => {
    html.style.overflow = 'scroll';
    scrollbar(15);
    const release = lockScroll();
    expect(html.style.overflow).toBe('hidden');
    expect(html.style.scrollbarGutter).toBe('stable');
    release();
    expect(html.style.overflow).toBe('scroll');
    expect(html.style.scrollbarGutter).toBe('');
  });

  it('reserves no gutter where the scrollbar takes no width (overlay scrollbars)', () => {
    scrollbar(0);
    const release = lockScroll();
    expect(html.style.overflow).toBe('hidden');
    expect(html.style.scrollbarGutter).toBe('');
    release();
    expect(html.getAttribute('style') ?? '').toBe('');
  });

  it('holds while any lock is held', () => {
    scrollbar(15);
    const first = lockScroll();
    const second = lockScroll();
    first();
    expect(html.style.overflow).toBe('hidden');
    second();
    expect(html.style.overflow).toBe('');
  });
});

describe('openModal', () => {
  it('does both, and its undo lifts both', () => {
    const { $, inert } = page();
    scrollbar(15);
    const close = openModal($('layer'));
    expect(inert().sort()).toEqual(['aside', 'footer', 'header', 'text']);
    expect(html.style.overflow).toBe('hidden');
    close();
    expect(inert()).toEqual(['footer']);
    expect(html.style.overflow).toBe('');
  });
});
