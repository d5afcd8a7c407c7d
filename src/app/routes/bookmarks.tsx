import { Page } from '@/components/layout/page';
import { BookmarksPage } from '@/features/bookmarks/components/bookmarks-page';
import { useReadIds } from '@/features/reading/hooks/use-read-state';
import { getReadStore } from '@/lib/read-state/read-store';

const toggleRead = (entryId: string) => {
  getReadStore().toggle(entryId);
};

export function Component() {
  const readIds = useReadIds();
  return (
    <Page title="Bookmarks">
      <BookmarksPage isRead={(entryId) => readIds.has(entryId)} onToggleRead={toggleRead} />
    </Page>
  );
}
