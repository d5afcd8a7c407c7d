import { ArchiveGate } from '@/components/archive-gate';
import { BookmarkToggle } from '@/features/bookmarks/components/bookmark-toggle';
import { useBookmarkedIds } from '@/features/bookmarks/hooks/use-bookmarked-ids';
import { useReadIds } from '@/features/reading/hooks/use-read-state';
import { SearchPage } from '@/features/search/components/search-page';
import { getReadStore } from '@/lib/read-state/read-store';

const toggleRead = (entryId: string) => {
  getReadStore().toggle(entryId);
};

export function Component() {
  const bookmarkedIds = useBookmarkedIds();
  const readIds = useReadIds();
  return (
    // The worker loads the whole archive and sends each answer's entries; the page needs only the catalogue.
    <ArchiveGate issue="latest">
      {(archive) => (
        <SearchPage
          archive={archive}
          bookmarkedIds={bookmarkedIds}
          readIds={readIds}
          isRead={(entryId) => readIds.has(entryId)}
          onToggleRead={toggleRead}
          renderActions={(entry) => <BookmarkToggle entryId={entry.id} headline={entry.headline} />}
        />
      )}
    </ArchiveGate>
  );
}
