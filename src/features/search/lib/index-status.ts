/** How far the search index has got: titles are searchable at `partial`, everything at `ready`. */
export type IndexStatus = 'idle' | 'indexing' | 'partial' | 'ready';

/** An index's progress as a tiny external store, shared by the engine and the client, for `useSyncExternalStore`. */
export abstract class IndexStatusSource {
  private statusValue: IndexStatus = 'idle';
  private versionValue = 0;
  private readonly listeners = new Set<() => void>();

  /** How far the index has got. */
  get status(): IndexStatus {
    return this.statusValue;
  }

  /** Changes whenever the index can answer more. */
  get version(): number {
    return this.versionValue;
  }

  /** Calls `listener` whenever {@link version} changes. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Records `status` and tells the listeners; the version moves even when the status does not, as the index grows. */
  protected announce(status: IndexStatus): void {
    this.statusValue = status;
    this.versionValue++;
    for (const listener of this.listeners) listener();
  }
}
