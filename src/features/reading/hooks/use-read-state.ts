import { useSyncExternalStore } from 'react';
import { getReadStore, type ReadState } from '@/lib/read-state/read-store';

const store = () => getReadStore();
const subscribe = (listener: () => void) => store().subscribe(listener);
const getState = () => store().getState();
const getIds = () => store().getState().ids;

/** The whole read state; re-renders on any change. */
export function useReadState(): ReadState {
  return useSyncExternalStore(subscribe, getState, getState);
}

/** Ids of the read entries; the same set between renders while they do not change. */
export function useReadIds(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, getIds, getIds);
}

/** Whether one entry is read; re-renders only when that answer changes. */
export function useIsRead(entryId: string): boolean {
  const getSnapshot = () => store().getState().ids.has(entryId);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
