import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultMessages } from './messages/defaultMessages.js';
import { UserText, userTextMessage } from './UserText.js';

const RLO = '\u202E';

describe('UserText', () => {
  it('renders the text alone in a <bdi>, with an override shown as its code point', () => {
    const { container } = render(
      <p>
        by <UserText>{`user${RLO}`}</UserText> today
      </p>,
    );
    const bdi = container.querySelector('bdi')!;
    expect(bdi.textContent).toBe('userU+202E');
    expect(bdi.querySelector('[data-slot="hidden-char"]')).toHaveTextContent('U+202E');
    expect(container.firstElementChild).toHaveTextContent('by userU+202E today');
  });

  it('leaves ordinary and right-to-left text as it is', () => {
    const { container } = render(<UserText>{'שלום, Mallory (user_1)'}</UserText>);
    expect(container.querySelector('bdi')!.textContent).toBe('שלום, Mallory (user_1)');
    expect(container.querySelector('[data-slot="hidden-char"]')).toBeNull();
  });
});

describe('userTextMessage', () => {
  it('isolates each value in the sentence and leaves the message text outside', () => {
    const { container } = render(
      <p>{userTextMessage((user) => defaultMessages.alertBy(user(`user${RLO}`)))}</p>,
    );
    const p = container.firstElementChild!;
    expect(p).toHaveTextContent('by userU+202E');
    expect(Array.from(p.querySelectorAll('bdi'), (el) => el.textContent)).toEqual(['userU+202E']);
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
