import { useEffect, useSyncExternalStore } from 'react';
import type { ArchiveBundle } from '@/shared/bundle';
import { engineFor, type IndexStatus, type SearchEngine } from '@/features/search/lib/search-engine';

/** The archive's search engine (one per bundle), its build started, and a version that changes as the index grows. */
export function useSearchEngine(bundle: ArchiveBundle): { engine: SearchEngine; version: number; status: IndexStatus } {
  const engine = engineFor(bundle);
  useEffect(() => {
    void engine.start();
  }, [engine]);
  const version = useSyncExternalStore(
    engine.subscribe,
    () => engine.version,
    () => engine.version,
  );
  return { engine, version, status: engine.status };
}
