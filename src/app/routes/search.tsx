import { ArchiveGate } from '@/components/archive-gate';
import { BookmarkToggle } from '@/features/bookmarks/components/bookmark-toggle';
import { useBookmarkedIds } from '@/features/bookmarks/hooks/use-bookmarked-ids';
import { SearchPage } from '@/features/search/components/search-page';

export function Component() {
  const bookmarkedIds = useBookmarkedIds();
  return (
    // The worker loads the whole archive and sends each answer's entries; the page needs only the catalogue.
    <ArchiveGate issue="latest">
      {(archive) => (
        <SearchPage
          archive={archive}
          bookmarkedIds={bookmarkedIds}
          renderActions={(entry) => <BookmarkToggle entryId={entry.id} headline={entry.headline} />}
        />
      )}
    </ArchiveGate>
  );
}
