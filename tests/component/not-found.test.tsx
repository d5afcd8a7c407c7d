import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';

describe('not-found page', () => {
  it('shows the missing path, a way back and a search for its words', async () => {
    const { user, router } = renderApp('/papers/mixture-of-parrots');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Page not found · Frontier Reader'));
    expect(screen.getByText('/papers/mixture-of-parrots')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Search for “mixture of parrots”' })).toHaveAttribute(
      'href',
      '/search?q=mixture+of+parrots',
    );
    await user.click(screen.getByRole('link', { name: 'Back to the latest issue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue of November 2, 2024' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('leaves the date out of the search for a missing dated entry', async () => {
    renderApp('/entries/2024-11-02-foo-bar-moe');
    expect(await screen.findByRole('link', { name: 'Search for “foo bar moe”' })).toHaveAttribute(
      'href',
      '/search?q=foo+bar+moe',
    );
  });

  it('offers only the way back when the path has no words', async () => {
    renderApp('/issues/2030-01-01');
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue not found' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /search for/i })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the latest issue' })).toBeInTheDocument();
  });
});
