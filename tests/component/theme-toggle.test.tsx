import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, THEME_STORAGE_KEY } from '@/features/theme/lib/theme';
import { renderApp } from '../support/render-app';

/** A stand-in for the operating system's colour scheme, which a test can switch while the app runs. */
function fakeSystemScheme(initial: 'light' | 'dark') {
  let dark = initial === 'dark';
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const query = {
    get matches() {
      return dark;
    },
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
  };
  const original = Object.getOwnPropertyDescriptor(window, 'matchMedia');
  Object.defineProperty(window, 'matchMedia', { configurable: true, value: () => query });
  return {
    set(scheme: 'light' | 'dark') {
      dark = scheme === 'dark';
      for (const listener of listeners) listener({ matches: dark } as MediaQueryListEvent);
    },
    restore() {
      if (original) Object.defineProperty(window, 'matchMedia', original);
      else delete (window as Partial<Window>).matchMedia;
    },
  };
}

let system: ReturnType<typeof fakeSystemScheme> | undefined;

afterEach(() => {
  system?.restore();
  system = undefined;
  document.documentElement.classList.remove('dark');
});

describe('the theme toggle', () => {
  it('cycles System, Light and Dark, saying which is in use and what a click does', async () => {
    system = fakeSystemScheme('dark');
    // As main.tsx does before the first render.
    applyTheme();
    const { user } = renderApp('/bookmarks');
    await screen.findByRole('heading', { level: 1 });
    const toggle = screen.getByRole('button', { name: 'Theme: System (dark). Switch to light theme' });
    expect(document.documentElement).toHaveClass('dark');

    await user.click(toggle);
    expect(toggle).toHaveAccessibleName('Theme: Light. Switch to dark theme');
    expect(document.documentElement).not.toHaveClass('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');

    await user.click(toggle);
    expect(toggle).toHaveAccessibleName('Theme: Dark. Switch to system theme');
    expect(document.documentElement).toHaveClass('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    await user.click(toggle);
    expect(toggle).toHaveAccessibleName('Theme: System (dark). Switch to light theme');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('follows the operating system live while on System, and not once a theme is chosen', async () => {
    system = fakeSystemScheme('light');
    const { user } = renderApp('/bookmarks');
    await screen.findByRole('heading', { level: 1 });
    const toggle = screen.getByRole('button', { name: 'Theme: System (light). Switch to light theme' });
    expect(document.documentElement).not.toHaveClass('dark');

    act(() => system?.set('dark'));
    expect(document.documentElement).toHaveClass('dark');
    expect(toggle).toHaveAccessibleName('Theme: System (dark). Switch to light theme');

    await user.click(toggle);
    expect(document.documentElement).not.toHaveClass('dark');
    act(() => system?.set('light'));
    act(() => system?.set('dark'));
    expect(document.documentElement).not.toHaveClass('dark');
    expect(toggle).toHaveAccessibleName('Theme: Light. Switch to dark theme');
  });

  it('keeps an explicit Light choice even when the system is light too', async () => {
    system = fakeSystemScheme('light');
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    renderApp('/bookmarks');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('button', { name: 'Theme: Light. Switch to dark theme' })).toBeInTheDocument();
  });
});
