import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { HelpIcon } from '@/components/ui/icons';

const EXAMPLES: { syntax: string; meaning: string }[] = [
  { syntax: 'mixture experts', meaning: 'entries with every word, in any form (typos and word beginnings are fine)' },
  { syntax: '"exact phrase"', meaning: 'the words together, in this order' },
  { syntax: '-word', meaning: 'leave out entries that mention the word' },
  { syntax: 'org:Google', meaning: 'from an organisation (org:"UC Berkeley" for several words)' },
  { syntax: 'topic:agents', meaning: 'on a topic' },
  { syntax: 'issue:2024-10', meaning: 'in an issue, by date or its beginning' },
  { syntax: 'arXiv:2410.21647', meaning: 'the entries about a paper, by arXiv id, DOI or link' },
];

/** A small disclosure explaining the query syntax; closes on Escape or a click elsewhere. */
export function QueryHelp() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <Button
        ref={buttonRef}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="h-11"
      >
        <HelpIcon />
        Search tips
      </Button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-20 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-xl border border-stone-200 bg-white p-4 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900"
      >
        <p className="font-medium text-stone-900 dark:text-stone-50">Search syntax</p>
        <dl className="mt-2 space-y-2">
          {EXAMPLES.map(({ syntax, meaning }) => (
            <div key={syntax}>
              <dt>
                <code className="rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs text-stone-900 dark:bg-stone-800 dark:text-stone-100">
                  {syntax}
                </code>
              </dt>
              <dd className="mt-0.5 text-stone-700 dark:text-stone-300">{meaning}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-stone-700 dark:text-stone-300">
          Press <kbd className="rounded border border-stone-300 px-1 font-mono text-xs dark:border-stone-600">/</kbd>{' '}
          anywhere to search,{' '}
          <kbd className="rounded border border-stone-300 px-1 font-mono text-xs dark:border-stone-600">↓</kbd>{' '}
          <kbd className="rounded border border-stone-300 px-1 font-mono text-xs dark:border-stone-600">↑</kbd> to move
          through results,{' '}
          <kbd className="rounded border border-stone-300 px-1 font-mono text-xs dark:border-stone-600">Esc</kbd> to
          clear.
        </p>
      </div>
    </div>
  );
}
