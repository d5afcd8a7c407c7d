import { useEffect, type RefObject } from 'react';

/** True when the key press belongs to a text field, not to page shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Space taken by the sticky header, so a focused card is not hidden under it. */
const HEADER_ALLOWANCE = 96;

function focusCard(card: HTMLElement) {
  card.focus({ preventScroll: true });
  const rect = card.getBoundingClientRect();
  const fullyVisible = rect.top >= HEADER_ALLOWANCE && rect.bottom <= window.innerHeight;
  if (!fullyVisible) card.scrollIntoView({ block: 'start' });
}

/**
 * `j` focuses the next entry (an element with `data-entry-id`) inside the container, `k` the previous one.
 * Enter on a focused entry is handled by the entry card itself.
 */
export function useEntryKeyboardNav(containerRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key !== 'j' && event.key !== 'k') return;
      if (isTypingTarget(event.target)) return;
      const container = containerRef.current;
      if (!container) return;
      const cards = Array.from(container.querySelectorAll<HTMLElement>('[data-entry-id]'));
      if (cards.length === 0) return;
      event.preventDefault();
      const active = document.activeElement;
      const current = cards.findIndex((card) => card === active || card.contains(active));
      let next: number;
      if (current === -1) {
        // Nothing focused yet: start from the first card on screen.
        const firstVisible = cards.findIndex((card) => card.getBoundingClientRect().bottom > HEADER_ALLOWANCE);
        // None on screen: scrolled past them all (take the last), or nothing is laid out yet (take the first).
        if (firstVisible !== -1) next = firstVisible;
        else next = window.scrollY > 0 ? cards.length - 1 : 0;
      } else {
        next = Math.min(cards.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)));
      }
      const card = cards[next];
      if (card) focusCard(card);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [containerRef]);
}
