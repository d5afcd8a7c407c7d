import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';
import type { SearchNavigationState } from '@/features/search/lib/search-focus';
import { afterFrameShown } from '@/lib/after-frame-shown';

/**
 * The text in the search box, which is not a controlled input: a keystroke changes only the box, and the rest of the
 * page follows once the keystroke's frame is on screen (`type`), so that frame waits for no React or search work.
 * Back, Forward and links set the box and the draft from the URL; the URL catching up with typing (a replace marked
 * `typing`) must not overwrite newer keystrokes, and a keystroke still waiting for its frame must not overwrite such a
 * navigation.
 */
export function useDraftQuery(urlQuery: string): {
  draft: string;
  type: (value: string) => void;
  /** The search box, which the page attaches. */
  box: RefObject<HTMLInputElement | null>;
} {
  const box = useRef<HTMLInputElement>(null);
  const location = useLocation();
  const navigationType = useNavigationType();
  const [draft, setDraft] = useState(urlQuery);
  const [seenLocation, setSeenLocation] = useState(location.key);
  // Counts the times the URL set the draft; a keystroke scheduled before one of them is dropped.
  const [synced, setSynced] = useState(0);
  if (location.key !== seenLocation) {
    setSeenLocation(location.key);
    const typing =
      navigationType === NavigationType.Replace && (location.state as SearchNavigationState | null)?.typing;
    if (!typing) {
      setDraft(urlQuery);
      setSynced((count) => count + 1);
    }
  }

  const syncedNow = useRef(synced);
  const pending = useRef<(() => void) | null>(null);
  // Only when the URL set the draft (the draft trails the box while typing); before paint, so no frame shows old text.
  useLayoutEffect(() => {
    if (syncedNow.current === synced) return;
    syncedNow.current = synced;
    const input = box.current;
    if (input && input.value !== draft) input.value = draft;
  }, [synced, draft]);
  useEffect(() => () => pending.current?.(), []);

  const type = useCallback((value: string) => {
    pending.current?.();
    const at = syncedNow.current;
    pending.current = afterFrameShown(() => {
      pending.current = null;
      if (syncedNow.current === at) startTransition(() => setDraft(value));
    });
  }, []);
  return { draft, type, box };
}
