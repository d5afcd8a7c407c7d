import { useEffect, useRef, type RefObject } from 'react';
import { isTyping } from '@/components/keyboard';

/** What the entry keys do besides moving focus; each gets the focused card's `data-entry-id`. */
export interface EntryKeyboardActions {
  /** Enter on a focused card. Without it, Enter follows the link in the card's headline. */
  onOpen?: (entryId: string) => void;
  /** `b` on a focused card (or a control inside it). Without it, the app-wide `b` shortcut handles the key. */
  onToggleBookmark?: (entryId: string) => void;
  /** `m` on a focused card (or a control inside it): mark read or unread. */
  onToggleRead?: (entryId: string) => void;
}

/** Space taken by the sticky header, so a focused card is not hidden under it. */
const HEADER_ALLOWANCE = 96;

function focusCard(card: HTMLElement) {
  card.focus({ preventScroll: true });
  const rect = card.getBoundingClientRect();
  const fullyVisible = rect.top >= HEADER_ALLOWANCE && rect.bottom <= window.innerHeight;
  if (!fullyVisible) card.scrollIntoView({ block: 'start' });
}

/** The card to move to on `j`/`k`, or undefined when there are no cards. */
function nextCard(cards: HTMLElement[], active: Element | null, forward: boolean): HTMLElement | undefined {
  const current = cards.findIndex((card) => card === active || card.contains(active));
  if (current !== -1) return cards[Math.min(cards.length - 1, Math.max(0, current + (forward ? 1 : -1)))];
  // Nothing focused yet: start from the first card on screen.
  const firstVisible = cards.findIndex((card) => card.getBoundingClientRect().bottom > HEADER_ALLOWANCE);
  if (firstVisible !== -1) return cards[firstVisible];
  // None on screen: scrolled past them all (take the last), or nothing is laid out yet (take the first).
  return cards[window.scrollY > 0 ? cards.length - 1 : 0];
}

/** The headline link of a card: the link inside the element that names it (`aria-labelledby`), else its first link. */
function headlineLink(card: HTMLElement): HTMLAnchorElement | null {
  const labelId = card.getAttribute('aria-labelledby');
  const heading = labelId ? document.getElementById(labelId) : null;
  return heading?.querySelector<HTMLAnchorElement>('a[href]') ?? card.querySelector<HTMLAnchorElement>('a[href]');
}

/**
 * Keys for a list of entry cards (elements with `data-entry-id`) inside the container: `j` focuses the next card,
 * `k` the previous one, Enter opens the focused card, `b` toggles its bookmark and `m` its read state.
 * Keys typed in a field or pressed with Ctrl, Alt or Meta are left alone.
 */
export function useEntryKeyboardNav(
  containerRef: RefObject<HTMLElement | null>,
  actions: EntryKeyboardActions = {},
): void {
  const actionsRef = useRef(actions);
  useEffect(() => {
    actionsRef.current = actions;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (!['j', 'k', 'Enter', 'b', 'm'].includes(event.key)) return;
      const container = containerRef.current;
      const active = document.activeElement;
      if (!container || isTyping(event.target) || isTyping(active)) return;
      // An open dialog keeps its focus.
      if (active?.closest('dialog[open], [aria-modal="true"]')) return;

      if (event.key === 'j' || event.key === 'k') {
        const card = nextCard(
          Array.from(container.querySelectorAll<HTMLElement>('[data-entry-id]')),
          active,
          event.key === 'j',
        );
        if (!card) return;
        event.preventDefault();
        focusCard(card);
        return;
      }

      const card = active instanceof HTMLElement ? active.closest<HTMLElement>('[data-entry-id]') : null;
      const entryId = card?.dataset.entryId;
      if (!card || !entryId || !container.contains(card)) return;
      const { onOpen, onToggleBookmark, onToggleRead } = actionsRef.current;
      if (event.key === 'Enter') {
        // Enter on a button or link inside the card keeps its own meaning.
        if (active !== card) return;
        const link = onOpen ? null : headlineLink(card);
        if (!onOpen && !link) return;
        event.preventDefault();
        // The card may handle Enter itself too; one navigation is enough.
        event.stopPropagation();
        if (onOpen) onOpen(entryId);
        else link?.click();
        return;
      }
      if (event.repeat) return;
      const toggle = event.key === 'b' ? onToggleBookmark : onToggleRead;
      if (!toggle) return;
      event.preventDefault();
      toggle(entryId);
    };
    // Capture, so the list's own keys come before app-wide shortcuts for the same key.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [containerRef]);
}
