import { ArchiveGate } from '@/components/archive-gate';
import { Page } from '@/components/layout/page';
import { BookmarkToggle } from '@/features/bookmarks/components/bookmark-toggle';
import { useBookmarkedIds } from '@/features/bookmarks/hooks/use-bookmarked-ids';
import { ReadToggle } from '@/features/reading/components/read-toggle';
import { useReadIds } from '@/features/reading/hooks/use-read-state';
import { ForYouPage } from '@/features/search/components/for-you-page';

export function Component() {
  const bookmarkedIds = useBookmarkedIds();
  const readIds = useReadIds();
  return (
    // The worker loads the whole archive and sends each suggestion's entry; the page needs only the catalogue.
    <ArchiveGate issue="latest">
      {(archive) => (
        <Page title="For you">
          <ForYouPage
            archive={archive}
            bookmarkedIds={bookmarkedIds}
            readIds={readIds}
            renderActions={(entry) => <BookmarkToggle entryId={entry.id} headline={entry.headline} />}
            renderFooter={(entry) => <ReadToggle entryId={entry.id} headline={entry.headline} />}
          />
        </Page>
      )}
    </ArchiveGate>
  );
}
