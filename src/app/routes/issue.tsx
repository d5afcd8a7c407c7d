import { useLocation, useParams } from 'react-router';
import { ArchiveGate } from '@/components/archive-gate';
import { NotFoundView } from '@/components/not-found-view';
import { BookmarkToggle } from '@/features/bookmarks/components/bookmark-toggle';
import { IssueView } from '@/features/issues/components/issue-view';
import { ReadStorageNotice } from '@/features/reading/components/read-storage-notice';
import { ReadToggle } from '@/features/reading/components/read-toggle';
import { useReadIds } from '@/features/reading/hooks/use-read-state';
import { getReadStore } from '@/lib/read-state/read-store';

const toggleRead = (entryId: string) => getReadStore().toggle(entryId);

export function Component() {
  const { issueId = '' } = useParams();
  const { pathname } = useLocation();
  const readIds = useReadIds();
  return (
    <ArchiveGate issue={issueId}>
      {(archive) => {
        const issue = archive.issueById.get(issueId);
        if (!issue) return <NotFoundView thing="Issue" pathname={pathname} />;
        return (
          <IssueView
            key={issue.id}
            archive={archive}
            issue={issue}
            readIds={readIds}
            onToggleRead={toggleRead}
            notice={<ReadStorageNotice />}
            renderEntryActions={(entry) => <BookmarkToggle entryId={entry.id} headline={entry.headline} />}
            renderEntryFooter={(entry) => <ReadToggle entryId={entry.id} headline={entry.headline} />}
          />
        );
      }}
    </ArchiveGate>
  );
}
