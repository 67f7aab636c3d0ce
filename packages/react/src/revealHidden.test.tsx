import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hasHidden, revealHidden } from './revealHidden.js';

const RLO = '\u202E';
const RLI = '\u2067';
const PDI = '\u2069';

/** The text as a reader sees it, and the code points shown in marks. */
function shown(text: string) {
  const { container } = render(<p>{revealHidden(text)}</p>);
  const p = container.firstElementChild!;
  return {
    text: p.textContent,
    marks: Array.from(p.querySelectorAll('[data-slot="hidden-char"]'), (el) => el.textContent),
  };
}

describe('revealHidden', () => {
  it('shows an override as its code point, so a spoofed action reads as written', () => {
    // Rendered raw, "document." + RLO + "detaerc" reads "document.created".
    expect(shown(`document.${RLO}detaerc`)).toEqual({
      text: 'document.U+202Edetaerc',
      marks: ['U+202E'],
    });
  });

  it('shows every bidi control, so none can reorder the value or end its isolate', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', RLO, '\u2066', RLI, '\u2068', PDI];
    expect(shown(controls.join('x')).marks).toEqual([
      'U+202A',
      'U+202B',
      'U+202C',
      'U+202D',
      'U+202E',
      'U+2066',
      'U+2067',
      'U+2068',
      'U+2069',
    ]);
    // The paragraph separators a browser does not turn into spaces end an isolate too.
    expect(shown('a\u2029b\u001Cc\u001Dd\u001Ee\u0085f').marks).toEqual([
      'U+2029',
      'U+001C',
      'U+001D',
      'U+001E',
      'U+0085',
    ]);
  });

  it('shows invisible characters, so two names that differ do not look the same', () => {
    expect(shown('ad\u200Bmin').text).toBe('adU+200Bmin');
    expect(shown('\uFEFFadmin\u00AD\u2060').marks).toEqual(['U+FEFF', 'U+00AD', 'U+2060']);
    expect(shown('a\u0000b\u0007c\u001B[31m').marks).toEqual(['U+0000', 'U+0007', 'U+001B']);
  });

  it('leaves ordinary text, right-to-left text and what writing needs as they are', () => {
    for (const text of [
      'Mallory (user_1)',
      'שלום, עולם',
      'مرحبا\u200F!', // a right-to-left mark
      'می\u200Cخواهم', // Persian needs the zero-width non-joiner
      '👩\u200D💻', // an emoji sequence needs the joiner
      'line one\nline two\ttabbed\r\n',
    ]) {
      expect(hasHidden(text)).toBe(false);
      expect(revealHidden(text)).toBe(text);
    }
  });

  it('keeps the text around and between the marks, in order', () => {
    expect(shown(`${RLI}${PDI}x${RLO}`)).toEqual({
      text: 'U+2067U+2069xU+202E',
      marks: ['U+2067', 'U+2069', 'U+202E'],
    });
  });
});
