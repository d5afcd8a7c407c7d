import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { prepareFirstPage } from '@/app/router';
import { renderApp } from '../support/render-app';

describe('the first render', () => {
  it('shows the skeleton of the app while a page’s code downloads', async () => {
    renderApp('/bookmarks');
    expect(screen.getByText('Loading Frontier Reader…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bookmarks' })).toBeInTheDocument();
  });

  it('shows a page whose code is already in at once, with no skeleton of the app in between', async () => {
    await prepareFirstPage('/explore');
    renderApp('/explore');
    expect(screen.queryByText('Loading Frontier Reader…')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
  });
});
