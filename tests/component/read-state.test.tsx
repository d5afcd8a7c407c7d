import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { READ_STATE_KEY, resetReadStore } from '@/lib/read-state/read-store';
import { renderApp } from '../support/render-app';

const BENCHMARK = '2024-11-02-benchmarking-code-generation';

const card = (name: RegExp) => screen.getByRole('article', { name });

beforeEach(() => {
  resetReadStore();
});

describe('read state', () => {
  it('marks an entry read from its card, dims it and counts it, and m toggles the focused card', async () => {
    const { user } = renderApp('/issues/2024-11-02');
    await screen.findByRole('heading', { level: 1, name: 'Issue of November 2, 2024' });
    expect(screen.getByText(/· 0 of 4 read/)).toBeInTheDocument();

    const benchmark = card(/benchmarking code generation/i);
    const toggle = within(benchmark).getByRole('button', { name: 'Mark read: Benchmarking Code Generation' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(
      within(benchmark).getByRole('button', { name: 'Mark unread: Benchmarking Code Generation' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/· 1 of 4 read/)).toBeInTheDocument();
    expect(within(benchmark).getByRole('heading', { level: 2 })).toHaveTextContent('(read)');
    expect(JSON.parse(localStorage.getItem(READ_STATE_KEY) ?? '{}')).toMatchObject({
      version: 1,
      read: [{ entryId: BENCHMARK }],
    });

    // m on the focused card marks it unread again, and says so.
    act(() => benchmark.focus());
    await user.keyboard('m');
    expect(screen.getByText(/· 0 of 4 read/)).toBeInTheDocument();
    expect(screen.getByText('Marked “Benchmarking Code Generation” as unread')).toBeInTheDocument();
    await user.keyboard('m');
    expect(screen.getByText(/· 1 of 4 read/)).toBeInTheDocument();
  });

  it('marks an entry read when its page opens, and the header counts the latest issue’s unread entries', async () => {
    const { user } = renderApp('/issues/2024-11-02');
    await screen.findByRole('heading', { level: 1 });
    const badge = await screen.findByRole('link', { name: '4 unread in the latest issue' });
    expect(badge).toHaveAttribute('href', '/issues/2024-11-02');

    await user.click(
      within(card(/benchmarking code generation/i)).getByRole('link', { name: '2. Benchmarking Code Generation' }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Benchmarking Code Generation' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Mark unread: Benchmarking Code Generation' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('link', { name: '3 unread in the latest issue' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: '3 unread in the latest issue' }));
    expect(await screen.findByText(/· 1 of 4 read/)).toBeInTheDocument();
  });

  it('shows what is new since the previous visit, and nothing on a first visit', async () => {
    const first = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: /Issue of/ });
    await screen.findByRole('link', { name: /unread in the latest issue/ });
    expect(screen.queryByRole('heading', { name: 'New since your last visit' })).not.toBeInTheDocument();
    first.unmount();

    // The previous visit, two hours ago, saw the issue of October 27 as the newest.
    const earlier = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
    localStorage.setItem(
      READ_STATE_KEY,
      JSON.stringify({
        version: 1,
        read: [{ entryId: '2024-11-02-layer-gradients-in-llms', at: earlier }],
        unread: [],
        visit: { at: earlier, latestIssueId: '2024-10-27' },
        previousVisit: null,
      }),
    );
    resetReadStore();
    renderApp('/');
    const panel = (await screen.findByRole('heading', { name: 'New since your last visit' })).closest('section')!;
    expect(within(panel).getByRole('link', { name: 'Issue of November 2, 2024' })).toHaveAttribute(
      'href',
      '/issues/2024-11-02',
    );
    expect(panel).toHaveTextContent('4 entries, 3 unread');
  });
});
