import { useCallback, useSyncExternalStore } from 'react';
import {
  applyTheme,
  onSystemThemeChange,
  readThemePreference,
  resolveTheme,
  THEME_STORAGE_KEY,
  writeStoredTheme,
  type Theme,
  type ThemePreference,
} from '@/features/theme/lib/theme';

const listeners = new Set<() => void>();

function notify() {
  applyTheme();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Following the system means following it live, not only at start-up.
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

/** The theme in effect, the reader's preference (System, Light or Dark), and a setter for the preference. */
export function useTheme(): {
  theme: Theme;
  preference: ThemePreference;
  setPreference: (preference: ThemePreference) => void;
} {
  const theme = useSyncExternalStore(subscribe, resolveTheme, (): Theme => 'light');
  const preference = useSyncExternalStore(subscribe, readThemePreference, (): ThemePreference => 'system');
  const setPreference = useCallback((next: ThemePreference) => {
    // System is stored as no choice, so it keeps following the operating system.
    writeStoredTheme(next === 'system' ? null : next);
    notify();
  }, []);
  return { theme, preference, setPreference };
}
