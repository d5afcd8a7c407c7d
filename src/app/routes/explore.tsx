import { ArchiveGate } from '@/components/archive-gate';
import { Page } from '@/components/layout/page';
import { ExplorePage } from '@/features/explore/components/explore-page';

export function Component() {
  return (
    <ArchiveGate>
      {(archive) => (
        <Page title="Explore">
          <ExplorePage archive={archive} />
        </Page>
      )}
    </ArchiveGate>
  );
}
