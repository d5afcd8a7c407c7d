import { useLocation, useParams } from 'react-router';
import { ArchiveGate } from '@/components/archive-gate';
import { useWholeArchiveWhenIdle } from '@/lib/archive-query';
import { issueIdOfEntry } from '@/shared/archive-layout';
import { NotFoundView } from '@/components/not-found-view';
import { BookmarkToggle } from '@/features/bookmarks/components/bookmark-toggle';
import { EntryView } from '@/features/entries/components/entry-view';
import { MarkReadOnOpen } from '@/features/reading/components/mark-read-on-open';
import { ReadToggle } from '@/features/reading/components/read-toggle';

export function Component() {
  const { entryId = '' } = useParams();
  const { pathname } = useLocation();
  // Related entries and other coverage of the paper live in other issues; the entry itself needs only its own.
  useWholeArchiveWhenIdle();
  return (
    <ArchiveGate issue={issueIdOfEntry(entryId) ?? 'latest'}>
      {(archive) => {
        const entry = archive.entryById.get(entryId);
        if (!entry) return <NotFoundView thing="Entry" pathname={pathname} />;
        return (
          <EntryView
            key={entry.id}
            archive={archive}
            entry={entry}
            actions={
              <>
                <MarkReadOnOpen entryId={entry.id} />
                <BookmarkToggle entryId={entry.id} headline={entry.headline} showLabel />
                <ReadToggle entryId={entry.id} headline={entry.headline} />
              </>
            }
          />
        );
      }}
    </ArchiveGate>
  );
}
