import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { LinkIcon } from '@/components/ui/icons';

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
      <Button className="self-start" onClick={() => void copy()}>
        <LinkIcon />
        {state === 'copied' ? 'Link copied' : 'Copy link'}
      </Button>
      <p role="status" className="text-sm text-stone-700 dark:text-stone-300">
        {state === 'copied' && 'Link copied to the clipboard.'}
        {state === 'failed' &&
          'Couldn’t copy automatically. The link is selected below; press Ctrl+C (⌘C on a Mac) to copy it.'}
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
