import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../support/render-app';

vi.mock('@/features/entries/components/entry-view', () => ({
  EntryView: () => {
    throw new Error('Entry 2024-11-02-benchmarking-code-generation could not be drawn');
  },
}));

describe('route error boundary', () => {
  it('shows a bad entry’s error inside the app, with a way back', async () => {
    // React and the router log the thrown error; the test asserts what the reader sees instead.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user } = renderApp('/entries/2024-11-02-benchmarking-code-generation');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This page could not be shown');
    expect(alert).toHaveTextContent('could not be drawn');
    // The title is set in an effect, which a busy machine may run a moment after the alert paints.
    await waitFor(() => expect(document.title).toBe('This page could not be shown · Frontier Reader'));
    // The header is still there: one bad route does not blank the app.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Back to the latest issue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue of November 2, 2024' })).toBeInTheDocument();
  });
});
