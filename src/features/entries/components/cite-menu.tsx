import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ExternalLinkIcon } from '@/components/ui/icons';
import { toBibtexEntry } from '@/lib/citation/bibtex';
import { citationArxivId, citationDoi, isHttpUrl, type CitationSource } from '@/lib/citation/citation-source';
import { arxivAbsUrl } from '@/shared/arxiv';

/** One thing the menu offers: text to copy, or a page to open in a new tab. */
type CiteAction =
  | { kind: 'copy'; label: string; detail?: string; what: string; text: string }
  | { kind: 'open'; label: string; href: string };

type CopyState = { what: string; text: string; ok: boolean } | null;

/** Copy BibTeX, copy the arXiv id (else the DOI), open the paper: what a reader who cites needs, identifiers only when undisputed. */
function citeActions(source: CitationSource): CiteAction[] {
  const arxivId = citationArxivId(source);
  const doi = citationDoi(source);
  const actions: CiteAction[] = [{ kind: 'copy', label: 'Copy BibTeX', what: 'BibTeX', text: toBibtexEntry(source) }];
  if (arxivId) {
    const id = `arXiv:${arxivId}`;
    actions.push({ kind: 'copy', label: 'Copy arXiv id', detail: id, what: 'arXiv id', text: id });
  }
  if (doi) actions.push({ kind: 'copy', label: 'Copy DOI', detail: doi, what: 'DOI', text: doi });
  if (arxivId) actions.push({ kind: 'open', label: 'Open on arXiv', href: arxivAbsUrl(arxivId) });
  else if (!source.disputed && source.paper && isHttpUrl(source.paper.url))
    actions.push({ kind: 'open', label: 'Open the paper', href: source.paper.url });
  return actions;
}

const itemClass =
  'flex w-full min-h-10 items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-stone-800 outline-none hover:bg-stone-100 focus:bg-indigo-50 focus:text-indigo-900 dark:text-stone-100 dark:hover:bg-stone-800 dark:focus:bg-indigo-950 dark:focus:text-indigo-100';

/**
 * The Cite button and its menu (WAI-ARIA menu button): Enter, Space or ↓ opens it on the first item, ↑ on the last;
 * ↑/↓, Home and End move; Escape closes it and returns focus to the button, as does choosing an item. A live region
 * confirms each copy; where the clipboard refuses, the text is shown selected for copying by hand.
 */
export function CiteMenu({ source }: { source: CitationSource }) {
  const actions = citeActions(source);
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const [copied, setCopied] = useState<CopyState>(null);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLElement | null)[]>([]);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const buttonId = useId();

  useLayoutEffect(() => {
    const element = menu.current;
    if (!open || !element) return;
    // On a narrow screen the button may sit too far right for the menu: move it left, before it is painted, to fit.
    const margin = 16;
    const overflow = element.getBoundingClientRect().right - (document.documentElement.clientWidth - margin);
    element.style.translate = overflow > 0 ? `${-Math.ceil(overflow)}px 0` : '';
  }, [open]);

  useEffect(() => {
    if (open) items.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (copied?.ok !== false) return;
    fallback.current?.focus();
    fallback.current?.select();
  }, [copied]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !container.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const show = (index: number) => {
    setFocusIndex((index + actions.length) % actions.length);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const copy = async (action: Extract<CiteAction, { kind: 'copy' }>) => {
    close(true);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(action.text);
      setCopied({ what: action.what, text: action.text, ok: true });
    } catch {
      setCopied({ what: action.what, text: action.text, ok: false });
    }
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 0 : actions.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: focusIndex + 1,
      ArrowUp: focusIndex - 1,
      Home: 0,
      End: actions.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      show(target);
    } else if (event.key === 'Escape') {
      // Handled here, so the page's own Escape handlers (a toast's) leave it alone.
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div ref={container} className="relative flex flex-col gap-2">
      <Button
        ref={button}
        id={buttonId}
        className="self-start"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={onButtonKeyDown}
      >
        Cite
        <span aria-hidden="true" className="text-xs">
          ▾
        </span>
      </Button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          onKeyDown={onMenuKeyDown}
          className="absolute top-11 left-0 z-30 flex w-64 max-w-[calc(100vw-2rem)] flex-col gap-0.5 rounded-lg border border-stone-200 bg-white p-1 shadow-lg dark:border-stone-700 dark:bg-stone-900"
        >
          {actions.map((action, index) => (
            <li key={action.label} role="none">
              {action.kind === 'copy' ? (
                <button
                  ref={(element) => {
                    items.current[index] = element;
                  }}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={itemClass}
                  onClick={() => void copy(action)}
                >
                  <span>{action.label}</span>
                  {action.detail && (
                    <span className="ml-auto truncate font-mono text-xs text-stone-600 dark:text-stone-400">
                      {action.detail}
                    </span>
                  )}
                </button>
              ) : (
                <a
                  ref={(element) => {
                    items.current[index] = element;
                  }}
                  role="menuitem"
                  tabIndex={-1}
                  href={action.href}
                  target="_blank"
                  rel="noopener noreferrer"
                  className={itemClass}
                  onClick={() => close(true)}
                >
                  <span>{action.label}</span>
                  <ExternalLinkIcon className="size-3" />
                  <span className="sr-only">, opens in a new tab</span>
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={copied ? 'text-sm text-stone-700 dark:text-stone-300' : 'sr-only'}>
        {copied?.ok === true && `${copied.what} copied to the clipboard.`}
        {copied?.ok === false &&
          `Couldn’t copy automatically. The ${copied.what} is selected below; press Ctrl+C (⌘C on a Mac) to copy it.`}
      </p>
      {copied?.ok === false && (
        <textarea
          ref={fallback}
          readOnly
          rows={Math.min(12, copied.text.split('\n').length)}
          value={copied.text}
          aria-label={`${copied.what} to copy`}
          className="w-full max-w-md rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-xs text-stone-900 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
        />
      )}
    </div>
  );
}
