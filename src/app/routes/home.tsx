import { ArchiveGate } from '@/components/archive-gate';
import { HomeView } from '@/features/issues/components/home-view';
import { NewSinceLastVisit } from '@/features/reading/components/new-since-last-visit';
import { ReadStorageNotice } from '@/features/reading/components/read-storage-notice';

export function Component() {
  return (
    <ArchiveGate issue="latest">
      {(archive) => (
        <HomeView
          archive={archive}
          notice={
            <>
              <ReadStorageNotice />
              <NewSinceLastVisit />
            </>
          }
        />
      )}
    </ArchiveGate>
  );
}
