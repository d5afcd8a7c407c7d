import { useCallback, useSyncExternalStore } from 'react';
import {
  applyTheme,
  onSystemThemeChange,
  resolveTheme,
  systemTheme,
  THEME_STORAGE_KEY,
  writeStoredTheme,
  type Theme,
} from '@/features/theme/lib/theme';

const listeners = new Set<() => void>();

function notify() {
  applyTheme();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const stopSystem = onSystemThemeChange(notify);
  // Another tab changed the choice.
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) notify();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    stopSystem();
    window.removeEventListener('storage', onStorage);
  };
}

/** The theme in effect and a setter; choosing the system's theme clears the stored choice so it follows the system again. */
export function useTheme(): { theme: Theme; setTheme: (theme: Theme) => void } {
  const theme = useSyncExternalStore(subscribe, resolveTheme, (): Theme => 'light');
  const setTheme = useCallback((next: Theme) => {
    writeStoredTheme(next === systemTheme() ? null : next);
    notify();
  }, []);
  return { theme, setTheme };
}
