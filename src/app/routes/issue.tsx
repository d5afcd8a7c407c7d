import { useLocation, useParams } from 'react-router';
import { ArchiveGate } from '@/components/archive-gate';
import { NotFoundView } from '@/components/not-found-view';
import { BookmarkToggle } from '@/features/bookmarks/components/bookmark-toggle';
import { IssueView } from '@/features/issues/components/issue-view';

export function Component() {
  const { issueId = '' } = useParams();
  const { pathname } = useLocation();
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
            renderEntryActions={(entry) => <BookmarkToggle entryId={entry.id} headline={entry.headline} />}
          />
        );
      }}
    </ArchiveGate>
  );
}
