import { startTransition, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * How many items of a long list to render: the first `initial` at once, all of them in a later, interruptible render,
 * and all of them before the page is printed. Splitting the work keeps the page's first commit (and its long task) small.
 */
export function useProgressiveCount(total: number, initial: number): number {
  const [showAll, setShowAll] = useState(total <= initial);
  useEffect(() => {
    if (showAll) return;
    // A new task, so the browser can paint the first items before React renders the rest.
    const timer = setTimeout(() => startTransition(() => setShowAll(true)), 0);
    // Printing must never miss entries, however early it starts.
    const onBeforePrint = () => flushSync(() => setShowAll(true));
    window.addEventListener('beforeprint', onBeforePrint);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('beforeprint', onBeforePrint);
    };
  }, [showAll]);
  return showAll ? total : Math.min(total, initial);
}
