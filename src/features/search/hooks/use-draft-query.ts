import { useState } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';
import type { SearchNavigationState } from '@/features/search/lib/search-focus';

/**
 * The text in the search box. It shows what is typed at once while the URL follows; Back, Forward and links set it
 * from the URL, but the URL catching up with typing (a replace marked `typing`) must not overwrite newer keystrokes.
 */
export function useDraftQuery(urlQuery: string): [string, (value: string) => void] {
  const location = useLocation();
  const navigationType = useNavigationType();
  const [draft, setDraft] = useState(urlQuery);
  const [seenLocation, setSeenLocation] = useState(location.key);
  if (location.key !== seenLocation) {
    setSeenLocation(location.key);
    const typing =
      navigationType === NavigationType.Replace && (location.state as SearchNavigationState | null)?.typing;
    if (!typing) setDraft(urlQuery);
  }
  return [draft, setDraft];
}
