/** `load()`'s promise, kept from the first call on and forgotten if it fails, so a later call tries again. */
export function remember<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | null = null;
  return () =>
    (kept ??= load().catch((error: unknown) => {
      kept = null;
      throw error;
    }));
}

/** {@link remember} by key: each key's promise kept once asked for, and forgotten if it fails. */
export function rememberByKey<T>(): (key: string, load: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, () => Promise<T>>();
  return (key, load) => {
    let found = kept.get(key);
    if (!found) kept.set(key, (found = remember(load)));
    return found();
  };
}
