import { Button } from '@/components/ui/button';
import { MoonIcon, SunIcon } from '@/components/ui/icons';
import { useTheme } from '@/features/theme/hooks/use-theme';
import { nextThemePreference, type ThemePreference } from '@/features/theme/lib/theme';

const NAMES: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * Steps through System, Light and Dark; the choice is remembered on this device, and System follows the operating
 * system live. Its name says the theme in use and what a click does.
 */
export function ThemeToggle() {
  const { theme, preference, setPreference } = useTheme();
  const next = nextThemePreference(preference);
  const current = preference === 'system' ? `System (${theme})` : NAMES[preference];
  const label = `Theme: ${current}. Switch to ${NAMES[next].toLowerCase()} theme`;
  return (
    <Button
      variant="ghost"
      size="icon"
      onClick={() => setPreference(next)}
      aria-label={label}
      title={label}
      data-theme-preference={preference}
      className="relative text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white"
    >
      {theme === 'dark' ? <MoonIcon /> : <SunIcon />}
      {/* "A" for automatic, as operating systems mark a theme that follows the time of day. */}
      {preference === 'system' && (
        <span aria-hidden="true" className="absolute right-1 bottom-0.5 text-[0.625rem] leading-none font-bold">
          A
        </span>
      )}
    </Button>
  );
}
