import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { deferredArchiveFetch, renderApp } from '../support/render-app';

const MOE = '/entries/2024-11-02-mixture-of-experts-as-embedding-models';

describe('entry page', () => {
  it('shows a loading status, then the headline, summary and full text', async () => {
    const archive = deferredArchiveFetch();
    renderApp('/entries/2024-11-02-ai-identifies-database-vulnerability', { fetchImpl: archive.fetchImpl });
    expect(await screen.findByText(/loading the archive/i)).toBeInTheDocument();
    archive.respond();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'AI Identifies Database Vulnerability' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('AI Identifies Database Vulnerability · Frontier Reader');
    expect(screen.getByText(/“Big Sleep” discovered a previously unknown bug/)).toBeInTheDocument();

    const bodyLink = screen.getByRole('link', { name: /^according to PCMag/ });
    expect(bodyLink).toHaveAttribute('href', expect.stringMatching(/^https:\/\/au\.pcmag\.com\//));
    expect(bodyLink).toHaveAttribute('target', '_blank');
    expect(bodyLink).toHaveAttribute('rel', 'noopener noreferrer');
    // Source text is text: markup in it is shown, never run.
    expect(screen.getByText(/<script>alert\("not html"\)<\/script>/)).toBeInTheDocument();
    expect(document.querySelector('main script')).toBeNull();
  });

  it('refuses an archive whose body links are not http(s)', async () => {
    const bundle = makeFixtureArchive((draft) => {
      const entry = draft.entries.find((candidate) => candidate.id === '2024-10-21-agents-that-browse')!;
      entry.body = [
        [
          { type: 'text', text: 'See ' },
          { type: 'link', text: 'the notes', url: 'javascript:alert(1)' },
        ],
      ];
    });
    const { fetchMock } = renderApp('/entries/2024-10-21-agents-that-browse', {
      fetchImpl: () => Promise.resolve(new Response(JSON.stringify(bundle))),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(/malformed/i);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('link', { name: /the notes/ })).not.toBeInTheDocument();
  });

  it('shows the paper with its arXiv id, abstract, PDF and code links', async () => {
    renderApp(MOE);
    await screen.findByRole('heading', { level: 1 });
    const paper = screen.getByRole('region', { name: 'Paper' });
    expect(paper).toHaveTextContent('Your Mixture-of-Experts LLM Is Secretly an Embedding Model For Free');
    expect(paper).toHaveTextContent('arXiv:2410.10814');
    expect(within(paper).getByRole('link', { name: /^arXiv abstract/ })).toHaveAttribute(
      'href',
      'https://arxiv.org/abs/2410.10814',
    );
    expect(within(paper).getByRole('link', { name: /^PDF/ })).toHaveAttribute(
      'href',
      'https://arxiv.org/pdf/2410.10814',
    );
    expect(within(paper).getByRole('link', { name: /^Code/ })).toHaveAttribute(
      'href',
      'https://github.com/tianyi-lab/MoE-Embedding',
    );
    for (const link of within(paper).getAllByRole('link')) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  });

  it('lists model, dataset and project links of a release', async () => {
    renderApp('/entries/2024-10-27-open-weights-multimodal-release');
    const links = await screen.findByRole('region', { name: 'Links' });
    expect(within(links).getByRole('link', { name: /^Model/ })).toHaveAttribute(
      'href',
      expect.stringContaining('huggingface.co'),
    );
    expect(within(links).getByRole('link', { name: /^Project/ })).toHaveAttribute(
      'href',
      expect.stringContaining('ai.meta.com'),
    );
  });

  it('links the same paper in other issues, related entries and neighbours in the issue', async () => {
    const { user } = renderApp(MOE);
    await screen.findByRole('heading', { level: 1 });

    // Other issues' entries arrive with the whole archive, after the entry itself.
    const sameAs = await screen.findByRole('region', { name: 'Also covered in' });
    expect(within(sameAs).getByRole('link', { name: 'MoE LLMs Double as Embedding Models' })).toHaveAttribute(
      'href',
      '/entries/2024-10-21-moe-llms-as-embedding-models',
    );

    const related = screen.getByRole('region', { name: 'Related entries' });
    expect(
      within(related)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual([
      '/entries/2024-10-27-read-me-router-decoupled-moe',
      '/entries/2024-10-27-mixture-of-parrots',
      '/entries/2024-11-02-layer-gradients-in-llms',
    ]);

    const pager = screen.getByRole('navigation', { name: 'Entries in this issue' });
    expect(within(pager).getByRole('link', { name: /previous entry/i })).toHaveAttribute(
      'href',
      '/entries/2024-11-02-layer-gradients-in-llms',
    );
    expect(within(pager).queryByRole('link', { name: /next entry/i })).not.toBeInTheDocument();

    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    await user.click(within(breadcrumb).getByRole('link', { name: 'Nov 2, 2024' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue of November 2, 2024' })).toBeInTheDocument();
  });

  it('copies the entry’s link and says so', async () => {
    const { user } = renderApp(MOE);
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied to the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}${MOE}`);
  });

  it('shows the link selected for copying by hand when the clipboard refuses', async () => {
    const { user } = renderApp(MOE);
    await screen.findByRole('heading', { level: 1 });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText(/couldn’t copy automatically/i)).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: 'Link to this entry' });
    expect(field).toHaveValue(`${window.location.origin}${MOE}`);
  });

  it('shows not found for an unknown entry, with a search for its words', async () => {
    renderApp('/entries/foo-bar-moe');
    expect(await screen.findByRole('heading', { level: 1, name: 'Entry not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Search for “foo bar moe”' })).toHaveAttribute(
      'href',
      '/search?q=foo+bar+moe',
    );
    expect(screen.getByRole('link', { name: 'Back to the latest issue' })).toHaveAttribute('href', '/');
  });

  it('shows the error with Retry when the archive fails to download', async () => {
    renderApp(MOE, { response: 'network-error' });
    expect(await screen.findByRole('alert')).toHaveTextContent(/couldn’t be loaded/);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});
