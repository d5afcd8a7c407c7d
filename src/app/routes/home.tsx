import { ArchiveGate } from '@/components/archive-gate';
import { HomeView } from '@/features/issues/components/home-view';

export function Component() {
  return <ArchiveGate issue="latest">{(archive) => <HomeView archive={archive} />}</ArchiveGate>;
}
