import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from '@/features/theme/lib/theme';
import { applyTheme } from '@/features/theme/lib/theme';
import { renderApp } from '../support/render-app';

afterEach(() => {
  document.documentElement.classList.remove('dark');
});

describe('layout', () => {
  it('has a skip link to the main content and the main navigation', async () => {
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Issues' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Search' })).toHaveAttribute('href', '/search');
    expect(within(nav).getByRole('link', { name: /bookmarks/i })).toHaveAttribute('href', '/bookmarks');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  });

  it('steps the theme through Light and Dark and back to following the system, remembering the choice', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    expect(document.documentElement).not.toHaveClass('dark');

    await user.click(screen.getByRole('button', { name: 'Theme: System (light). Switch to light theme' }));
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');

    await user.click(screen.getByRole('button', { name: 'Theme: Light. Switch to dark theme' }));
    expect(document.documentElement).toHaveClass('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    await user.click(screen.getByRole('button', { name: 'Theme: Dark. Switch to system theme' }));
    expect(document.documentElement).not.toHaveClass('dark');
    // System is stored as no choice, so the app follows the system again.
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('applies a stored dark choice at start-up and ignores an invalid one', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    applyTheme();
    expect(document.documentElement).toHaveClass('dark');
    localStorage.setItem(THEME_STORAGE_KEY, '"purple"');
    applyTheme();
    expect(document.documentElement).not.toHaveClass('dark');
  });
});
