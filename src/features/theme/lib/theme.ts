/** The colour theme in effect. */
export type Theme = 'light' | 'dark';

/** What the reader chose: follow the operating system, or always light or dark. */
export type ThemePreference = 'system' | Theme;

/** The order the theme toggle steps through. */
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** The preference after `preference` in the toggle's cycle: System, Light, Dark, then System again. */
export function nextThemePreference(preference: ThemePreference): ThemePreference {
  return THEME_PREFERENCES[(THEME_PREFERENCES.indexOf(preference) + 1) % THEME_PREFERENCES.length] ?? 'system';
}

/**
 * localStorage key holding the explicit choice; absent means "follow the system".
 * public/theme-init.js repeats it and applyTheme(), so the loading screen has the theme before this code loads.
 */
export const THEME_STORAGE_KEY = 'frontier-reader:theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark';
}

/** The stored choice, or null when there is none, it is invalid, or storage is unavailable. */
export function readStoredTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(value) ? value : null;
  } catch {
    return null;
  }
}

/** Stores the choice; null clears it. Storage failures only mean the choice is not remembered. */
export function writeStoredTheme(theme: Theme | null): void {
  try {
    if (theme) window.localStorage.setItem(THEME_STORAGE_KEY, theme);
    else window.localStorage.removeItem(THEME_STORAGE_KEY);
  } catch {
    // Private mode or full storage: the theme still applies for this visit.
  }
}

/** The reader's preference: the stored choice, else following the system. */
export function readThemePreference(): ThemePreference {
  return readStoredTheme() ?? 'system';
}

/** The system's preferred theme (light when the browser cannot tell). */
export function systemTheme(): Theme {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** The theme in effect: the stored choice, else the system's. */
export function resolveTheme(): Theme {
  return readStoredTheme() ?? systemTheme();
}

/** Puts the theme on <html> for the Tailwind `dark:` variant and native form controls. */
export function applyTheme(theme: Theme = resolveTheme()): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.dataset.theme = theme;
}

/** Calls back when the system theme changes; returns the unsubscribe function. */
export function onSystemThemeChange(callback: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}
