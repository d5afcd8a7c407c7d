import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { archiveFetch, deferredArchiveFetch, renderApp } from '../support/render-app';

const entryList = () => screen.getByRole('list', { name: /entries of the issue/i });
const entryArticles = () => within(entryList()).getAllByRole('article');

describe('issue page', () => {
  it('shows a loading status, then every entry in reading order', async () => {
    const archive = deferredArchiveFetch();
    renderApp('/issues/2024-11-02', { fetchImpl: archive.fetchImpl });
    expect(await screen.findByText(/loading the archive/i)).toBeInTheDocument();
    archive.respond();
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue of November 2, 2024' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Issue of Nov 2, 2024 · Frontier Reader'));
    expect(screen.getByText(/4 entries · 3 arXiv papers/)).toBeInTheDocument();
    const headlines = within(entryList()).getAllByRole('heading', { level: 2 });
    // Numbered by position in the issue; the source's own numbers (1, 3, 5, 11) stay in the data.
    expect(headlines.map((heading) => heading.textContent)).toEqual([
      '1. AI Identifies Database Vulnerability',
      '2. Benchmarking Code Generation',
      '3. Layer Gradients in LLMs',
      '4. Mixture-of-Experts as Embedding Models',
    ]);
  });

  it('links each entry, its organisations, topics and paper', async () => {
    renderApp('/issues/2024-11-02');
    await screen.findByRole('heading', { level: 1 });
    const card = screen.getByRole('article', { name: /benchmarking code generation/i });

    expect(within(card).getByRole('link', { name: '2. Benchmarking Code Generation' })).toHaveAttribute(
      'href',
      '/entries/2024-11-02-benchmarking-code-generation',
    );
    // The paper's date is labelled as the paper's, within the year.
    expect(within(card).getByText(/^Paper,/)).toHaveTextContent('Paper, Oct 31');
    expect(within(card).getByText('Oct 31')).toHaveAttribute('datetime', '2024-10-31');
    expect(card).toHaveTextContent(/Purdue University introduced REPOCOD/);
    expect(within(card).getByRole('link', { name: 'Organisation: Purdue University' })).toHaveAttribute(
      'href',
      '/search?org=Purdue+University',
    );
    expect(within(card).getByRole('link', { name: 'Topic: Code' })).toHaveAttribute('href', '/search?topic=Code');

    const abstract = within(card).getByRole('link', { name: /^arXiv abstract/ });
    expect(abstract).toHaveAttribute('href', 'https://arxiv.org/abs/2410.21647');
    expect(abstract).toHaveAttribute('target', '_blank');
    expect(abstract).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(card).getByRole('link', { name: /^PDF/ })).toHaveAttribute(
      'href',
      'https://arxiv.org/pdf/2410.21647',
    );
    expect(within(card).getByRole('link', { name: /^Code/ })).toHaveAttribute(
      'href',
      'https://github.com/lt-asset/REPOCOD',
    );
  });

  it('labels each card’s date with what it dates, and gives the year when it is not the issue’s', async () => {
    const bundle = makeFixtureArchive((draft) => {
      draft.entries.find((entry) => entry.id === '2024-11-02-layer-gradients-in-llms')!.publishedOn = '2023-12-30';
    });
    renderApp('/issues/2024-11-02', { bundle });
    await screen.findByRole('heading', { level: 1 });
    const news = screen.getByRole('article', { name: /database vulnerability/i });
    expect(within(news).getByText(/^News,/)).toHaveTextContent('News, Nov 2');
    const older = screen.getByRole('article', { name: /layer gradients/i });
    expect(within(older).getByText(/^Paper,/)).toHaveTextContent('Paper, Dec 30, 2023');
  });

  it('gives a news entry its article link and no arXiv links', async () => {
    renderApp('/issues/2024-11-02');
    await screen.findByRole('heading', { level: 1 });
    const card = screen.getByRole('article', { name: /database vulnerability/i });
    expect(within(card).getByRole('link', { name: /^Article/ })).toHaveAttribute(
      'href',
      expect.stringContaining('pcmag.com'),
    );
    expect(within(card).queryByRole('link', { name: /arXiv/ })).not.toBeInTheDocument();
  });

  it('links to the previous and next issue', async () => {
    const { user } = renderApp('/issues/2024-10-27');
    await screen.findByRole('heading', { level: 1, name: 'Issue of October 27, 2024' });
    const pager = screen.getByRole('navigation', { name: 'Neighbouring issues' });
    expect(within(pager).getByRole('link', { name: /previous issue/i })).toHaveAttribute('href', '/issues/2024-10-21');
    expect(within(pager).getByRole('link', { name: /next issue/i })).toHaveAttribute('href', '/issues/2024-11-02');

    await user.click(within(pager).getByRole('link', { name: /next issue/i }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue of November 2, 2024' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /next issue/i })).not.toBeInTheDocument();
  });

  it('moves focus between entries with j and k and opens the focused one with Enter', async () => {
    const { user, router } = renderApp('/issues/2024-11-02');
    await screen.findByRole('heading', { level: 1 });
    const [first, second, third] = entryArticles();

    await user.keyboard('j');
    expect(first).toHaveFocus();
    await user.keyboard('j');
    await user.keyboard('j');
    expect(third).toHaveFocus();
    await user.keyboard('k');
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute('data-entry-id', '2024-11-02-benchmarking-code-generation');

    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Benchmarking Code Generation' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/entries/2024-11-02-benchmarking-code-generation');
  });

  it('does not treat j and k typed into a field as navigation', async () => {
    const { user } = renderApp('/issues/2024-11-02');
    await screen.findByRole('heading', { level: 1 });
    const field = document.createElement('input');
    field.setAttribute('aria-label', 'scratch');
    document.body.append(field);
    await user.click(field);
    await user.keyboard('jk');
    expect(field).toHaveValue('jk');
    expect(field).toHaveFocus();
    field.remove();
  });

  it('shows not found for an unknown issue, with a way back', async () => {
    renderApp('/issues/1999-01-01');
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the latest issue' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(document.title).toBe('Issue not found · Frontier Reader'));
  });

  it('shows the error with Retry when the archive fails to download', async () => {
    let calls = 0;
    const { user } = renderApp('/issues/2024-11-02', {
      fetchImpl: (input, init) => archiveFetch(++calls === 1 ? 'server-error' : 'ok')(input, init),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('HTTP 500');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue of November 2, 2024' })).toBeInTheDocument();
  });
});
