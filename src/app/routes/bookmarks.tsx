import { Page } from '@/components/layout/page';
import { BookmarksPage } from '@/features/bookmarks/components/bookmarks-page';

export function Component() {
  return (
    <Page title="Bookmarks">
      <BookmarksPage />
    </Page>
  );
}
