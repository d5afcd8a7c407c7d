import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useEntryKeyboardNav, type EntryKeyboardActions } from '@/components/hooks/use-entry-keyboard-nav';

const ids = ['first', 'second', 'third'];

function Cards(actions: EntryKeyboardActions) {
  const listRef = useRef<HTMLUListElement>(null);
  useEntryKeyboardNav(listRef, actions);
  return (
    <>
      <label>
        Filter
        <input />
      </label>
      <ul ref={listRef} aria-label="Entries">
        {ids.map((id) => (
          <li key={id}>
            <article data-entry-id={id} tabIndex={-1} aria-labelledby={`${id}-headline`}>
              <h2 id={`${id}-headline`}>
                <a href={`#${id}`}>Entry {id}</a>
              </h2>
              <button type="button">Cite {id}</button>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}

function card(id: string): HTMLElement {
  return screen.getByRole('article', { name: `Entry ${id}` });
}

describe('useEntryKeyboardNav', () => {
  // jsdom does not implement scrolling; a focused card off screen is scrolled into view.
  const scrollIntoView = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
  beforeAll(() => {
    Element.prototype.scrollIntoView = () => {};
  });
  afterAll(() => {
    if (scrollIntoView) Object.defineProperty(Element.prototype, 'scrollIntoView', scrollIntoView);
    else delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('moves focus to the next card with j and the previous one with k, stopping at the ends', async () => {
    const user = userEvent.setup();
    render(<Cards />);
    await user.keyboard('j');
    expect(card('first')).toHaveFocus();
    await user.keyboard('jjj');
    expect(card('third')).toHaveFocus();
    await user.keyboard('k');
    expect(card('second')).toHaveFocus();
    await user.keyboard('kkk');
    expect(card('first')).toHaveFocus();
  });

  it('moves on from a control inside a card', async () => {
    const user = userEvent.setup();
    render(<Cards />);
    screen.getByRole('button', { name: 'Cite second' }).focus();
    await user.keyboard('j');
    expect(card('third')).toHaveFocus();
  });

  it('gives b and m the focused entry', async () => {
    const user = userEvent.setup();
    const onToggleBookmark = vi.fn();
    const onToggleRead = vi.fn();
    render(<Cards onToggleBookmark={onToggleBookmark} onToggleRead={onToggleRead} />);
    await user.keyboard('jj');
    await user.keyboard('b');
    expect(onToggleBookmark).toHaveBeenCalledExactlyOnceWith('second');
    screen.getByRole('button', { name: 'Cite third' }).focus();
    await user.keyboard('m');
    expect(onToggleRead).toHaveBeenCalledExactlyOnceWith('third');
  });

  it('leaves b and m alone outside the cards', async () => {
    const user = userEvent.setup();
    const onToggleBookmark = vi.fn();
    const onToggleRead = vi.fn();
    render(<Cards onToggleBookmark={onToggleBookmark} onToggleRead={onToggleRead} />);
    await user.keyboard('bm');
    expect(onToggleBookmark).not.toHaveBeenCalled();
    expect(onToggleRead).not.toHaveBeenCalled();
  });

  it('opens the focused card with Enter, through onOpen when given', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<Cards onOpen={onOpen} />);
    await user.keyboard('j{Enter}');
    expect(onOpen).toHaveBeenCalledExactlyOnceWith('first');
  });

  it('follows the headline link on Enter without onOpen', async () => {
    const user = userEvent.setup();
    render(<Cards />);
    const clicked = vi.fn((event: MouseEvent) => event.preventDefault());
    screen.getByRole('link', { name: 'Entry second' }).addEventListener('click', clicked);
    await user.keyboard('jj{Enter}');
    expect(clicked).toHaveBeenCalledOnce();
  });

  it('leaves Enter on a control inside a card to the control', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<Cards onOpen={onOpen} />);
    screen.getByRole('button', { name: 'Cite first' }).focus();
    await user.keyboard('{Enter}');
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('ignores keys typed in a field and keys pressed with a modifier', async () => {
    const user = userEvent.setup();
    const onToggleBookmark = vi.fn();
    const onToggleRead = vi.fn();
    render(<Cards onToggleBookmark={onToggleBookmark} onToggleRead={onToggleRead} />);
    const field = screen.getByRole('textbox', { name: 'Filter' });
    await user.click(field);
    await user.keyboard('jkbm');
    expect(field).toHaveValue('jkbm');
    expect(field).toHaveFocus();

    await user.keyboard('{Escape}');
    card('first').focus();
    await user.keyboard('{Control>}j{/Control}{Alt>}b{/Alt}{Meta>}m{/Meta}');
    expect(card('first')).toHaveFocus();
    expect(onToggleBookmark).not.toHaveBeenCalled();
    expect(onToggleRead).not.toHaveBeenCalled();
  });
});
