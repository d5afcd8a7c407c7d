import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `url` to the clipboard; where that is not allowed, shows the link selected for copying by hand. */
export function CopyLinkButton({ url }: { url: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const fallbackRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state === 'failed') fallbackRef.current?.select();
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        onClick={() => void copy()}
        className="inline-flex h-10 items-center gap-2 self-start rounded-md border border-stone-300 bg-white px-3 text-sm font-medium text-stone-800 hover:bg-stone-50 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
        </svg>
        {state === 'copied' ? 'Link copied' : 'Copy link'}
      </button>
      <p role="status" className="text-sm text-stone-700 dark:text-stone-300">
        {state === 'copied' && 'Link copied to the clipboard.'}
        {state === 'failed' && 'Couldn’t copy automatically. The link is selected below; press Ctrl+C (⌘C on a Mac) to copy it.'}
      </p>
      {state === 'failed' && (
        <input
          ref={fallbackRef}
          readOnly
          value={url}
          aria-label="Link to this entry"
          onFocus={(event) => event.currentTarget.select()}
          className="w-full max-w-md rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-sm text-stone-900 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
        />
      )}
    </div>
  );
}
