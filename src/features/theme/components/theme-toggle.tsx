import { Button } from '@/components/ui/button';
import { MoonIcon, SunIcon } from '@/components/ui/icons';
import { useTheme } from '@/features/theme/hooks/use-theme';

/** Switches between light and dark; the choice is remembered on this device. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <Button
      variant="ghost"
      size="icon"
      onClick={() => setTheme(next)}
      aria-label={`Use ${next} theme`}
      title={`Use ${next} theme`}
      className="text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white"
    >
      {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
    </Button>
  );
}
