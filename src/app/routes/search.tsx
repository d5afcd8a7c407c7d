import { useCallback } from 'react';
import { ArchiveGate } from '@/components/archive-gate';
import { BookmarkToggle } from '@/features/bookmarks/components/bookmark-toggle';
import { useBookmarkedIds } from '@/features/bookmarks/hooks/use-bookmarked-ids';
import { useReadIds } from '@/features/reading/hooks/use-read-state';
import { watchFirstScreen } from '@/features/search/components/first-screen';
import { SearchPage } from '@/features/search/components/search-page';
import { getReadStore } from '@/lib/read-state/read-store';
import type { Entry } from '@/shared/bundle';

const toggleRead = (entryId: string) => {
  getReadStore().toggle(entryId);
};

// One function for the page's life, so results whose content is unchanged are not rendered again.
const renderActions = (entry: Entry) => <BookmarkToggle entryId={entry.id} headline={entry.headline} />;

/**
 * How long a first page at /search holds the app's first render for the search worker's early answer: drawn at once
 * (first-screen.ts), it is on screen before that render, which then shows it too instead of an empty page.
 */
const FIRST_SCREEN_WAIT_MS = 500;

export function beforeFirstRender(): Promise<void> {
  return watchFirstScreen().settle(FIRST_SCREEN_WAIT_MS);
}

export function Component() {
  const bookmarkedIds = useBookmarkedIds();
  const readIds = useReadIds();
  const isRead = useCallback((entryId: string) => readIds.has(entryId), [readIds]);
  return (
    // The worker loads the whole archive and sends each answer's entries; the page needs only the catalogue.
    <ArchiveGate issue="latest">
      {(archive) => (
        <SearchPage
          archive={archive}
          bookmarkedIds={bookmarkedIds}
          readIds={readIds}
          isRead={isRead}
          onToggleRead={toggleRead}
          renderActions={renderActions}
        />
      )}
    </ArchiveGate>
  );
}
