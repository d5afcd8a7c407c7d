import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Button } from '@/components/ui/button';
import { CloseIcon } from '@/components/ui/icons';

export interface KeyboardHelpDialogProps {
  /** Called on Escape, Close or a click outside the panel; the caller unmounts the dialog and restores focus. */
  onClose: () => void;
}

interface KeyGroup {
  title: string;
  keys: { keys: string[]; does: string }[];
}

const GROUPS: KeyGroup[] = [
  {
    title: 'Anywhere',
    keys: [
      { keys: ['/'], does: 'Search' },
      { keys: ['Ctrl', 'K'], does: 'Search (⌘ K on a Mac)' },
      { keys: ['?'], does: 'Show this list of keys' },
      { keys: ['Esc'], does: 'Close a dialog or message' },
    ],
  },
  {
    title: 'Lists of entries: issues, search results, bookmarks',
    keys: [
      { keys: ['j'], does: 'Next entry' },
      { keys: ['k'], does: 'Previous entry' },
      { keys: ['Enter'], does: 'Open the focused entry' },
      { keys: ['b'], does: 'Bookmark the focused entry, or remove its bookmark (with Undo on Bookmarks)' },
      { keys: ['m'], does: 'Mark the focused entry read or unread' },
    ],
  },
  {
    title: 'Search',
    keys: [
      { keys: ['↓'], does: 'From the search box to the first result' },
      { keys: ['Esc'], does: 'Clear the search box' },
    ],
  },
];

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The modal list of keys; lazily loaded by KeyboardHelp. Rendered over the page, which is inert meanwhile. */
export function KeyboardHelpDialog({ onClose }: KeyboardHelpDialogProps) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [host] = useState(() => document.createElement('div'));

  useEffect(() => {
    document.body.append(host);
    // The rest of the page is out of reach for keyboard and screen reader while the dialog is open.
    const made = Array.from(document.body.children).filter(
      (child): child is HTMLElement => child !== host && child instanceof HTMLElement && !child.inert,
    );
    for (const element of made) element.inert = true;
    closeRef.current?.focus();
    return () => {
      for (const element of made) element.inert = false;
      host.remove();
    };
  }, [host]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      // Keep Tab inside the dialog.
      const focusable = Array.from(panelRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return createPortal(
    <div
      className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-stone-950/50 p-4 sm:items-center print:hidden"
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="w-full max-w-lg rounded-xl border border-stone-200 bg-white p-5 text-stone-800 shadow-xl sm:p-6 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200"
      >
        <div className="flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold text-stone-900 dark:text-stone-50">
            Keyboard shortcuts
          </h2>
          <Button
            ref={closeRef}
            variant="ghost"
            size="icon"
            aria-label="Close"
            onClick={onClose}
            className="-mt-1 -mr-2"
          >
            <CloseIcon />
          </Button>
        </div>
        {GROUPS.map((group) => (
          <section key={group.title} className="mt-4">
            <h3 className="text-sm font-semibold text-stone-700 dark:text-stone-300">{group.title}</h3>
            <dl className="mt-2 flex flex-col gap-1.5 text-sm">
              {group.keys.map((item) => (
                <div key={`${item.keys.join('+')} ${item.does}`} className="flex items-baseline gap-3">
                  <dt className="flex w-20 shrink-0 gap-1">
                    {item.keys.map((key) => (
                      <Kbd key={key}>{key}</Kbd>
                    ))}
                  </dt>
                  <dd>{item.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="mt-4 text-xs text-stone-600 dark:text-stone-400">Keys are ignored while you type in a field.</p>
      </div>
    </div>,
    host,
  );
}

function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-stone-300 bg-stone-50 px-1.5 py-0.5 font-mono text-xs text-stone-800 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100">
      {children}
    </kbd>
  );
}
