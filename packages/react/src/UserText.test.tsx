import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultMessages } from './messages/defaultMessages.js';
import { UserText, containBidi, userTextMessage } from './UserText.js';

const RLO = '\u202E';
const RLI = '\u2067';
const PDI = '\u2069';

describe('UserText', () => {
  it('renders the text alone in a <bdi>', () => {
    const { container } = render(
      <p>
        by <UserText>{`user${RLO}`}</UserText> today
      </p>,
    );
    const bdi = container.querySelector('bdi')!;
    expect(bdi.textContent).toBe(`user${RLO}`);
    expect(container.firstElementChild).toHaveTextContent(`by user${RLO} today`);
  });

  it('drops a PDI that would close the isolate around the text, and keeps matched isolates', () => {
    // In Chromium a stray PDI ends the <bdi>'s isolate and lets the override after it reverse the page.
    expect(containBidi(`user${PDI}${RLO}evil`)).toBe(`user${RLO}evil`);
    expect(containBidi(`${RLI}name${PDI}${PDI}`)).toBe(`${RLI}name${PDI}`);
    expect(containBidi(`${PDI}${RLI}x${PDI}`)).toBe(`${RLI}x${PDI}`);
  });

  it('turns bidi paragraph separators into spaces, since they end the isolate too', () => {
    expect(containBidi(`a\u2029${RLO}b\u001Cc\u001Dd\u001Ee`)).toBe(`a ${RLO}b c d e`);
  });

  it('leaves ordinary and right-to-left text as it is', () => {
    expect(containBidi('שלום, Mallory (user_1)')).toBe('שלום, Mallory (user_1)');
  });
});

describe('userTextMessage', () => {
  it('isolates each value in the sentence and leaves the message text outside', () => {
    const { container } = render(
      <p>{userTextMessage((user) => defaultMessages.alertBy(user(`user${RLO}`)))}</p>,
    );
    const p = container.firstElementChild!;
    expect(p).toHaveTextContent(`by user${RLO}`);
    expect(Array.from(p.querySelectorAll('bdi'), (el) => el.textContent)).toEqual([`user${RLO}`]);
    expect(p.firstChild?.textContent).toBe('by ');
  });

  it('keeps an overridden message working, even one that changes case or repeats the value', () => {
    const { container } = render(
      <p>{userTextMessage((user) => `${user('a')} et ${user('b')}; `.repeat(2).toUpperCase())}</p>,
    );
    expect(container.firstElementChild).toHaveTextContent('a ET b; a ET b;');
    expect(Array.from(container.querySelectorAll('bdi'), (el) => el.textContent)).toEqual([
      'a',
      'b',
      'a',
      'b',
    ]);
  });

  it('isolates the whole sentence when an overridden message cut a value', () => {
    const { container } = render(
      <p>{userTextMessage((user) => `by ${user('mallory').slice(0, 2)}`)}</p>,
    );
    // The override saw the raw value the second time: its own output, isolated as a whole.
    expect(Array.from(container.querySelectorAll('bdi'), (el) => el.textContent)).toEqual([
      'by ma',
    ]);
  });
});
