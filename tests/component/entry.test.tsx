import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { deferredArchiveFetch, renderApp } from '../support/render-app';

const MOE = '/entries/2024-11-02-mixture-of-experts-as-embedding-models';
const GRADIENTS_ID = '2024-11-02-layer-gradients-in-llms';
const PARROTS_ID = '2024-10-27-mixture-of-parrots';

/** The fixture with the MoE and layer-gradients entries given one arXiv id, as the newsletter did to three pairs. */
function disputedArchive() {
  return makeFixtureArchive((draft) => {
    const moe = draft.entries.find((entry) => entry.id === '2024-11-02-mixture-of-experts-as-embedding-models')!;
    const gradients = draft.entries.find((entry) => entry.id === GRADIENTS_ID)!;
    gradients.paper!.arxivId = '2410.10814';
    moe.paperConflicts = [GRADIENTS_ID];
    gradients.paperConflicts = [moe.id];
  });
}

/** Opens the Cite menu with a click and returns it. */
async function openCiteMenu(user: ReturnType<typeof renderApp>['user']): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Cite' }));
  return screen.getByRole('menu', { name: 'Cite' });
}

describe('entry page', () => {
  it('shows a loading status, then the headline, summary and full text', async () => {
    const archive = deferredArchiveFetch();
    renderApp('/entries/2024-11-02-ai-identifies-database-vulnerability', { fetchImpl: archive.fetchImpl });
    expect(await screen.findByText(/loading the archive/i)).toBeInTheDocument();
    archive.respond();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'AI Identifies Database Vulnerability' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('AI Identifies Database Vulnerability · Frontier Reader'));
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
    renderApp('/entries/2024-10-21-agents-that-browse', { bundle });
    expect(await screen.findByRole('alert')).toHaveTextContent(/malformed/i);
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

  it('numbers the entry by its place in the issue and shows no build details', async () => {
    renderApp('/entries/2024-11-02-benchmarking-code-generation');
    await screen.findByRole('heading', { level: 1, name: 'Benchmarking Code Generation' });
    // The source numbers this entry 3; it is the second entry.
    expect(screen.getByText(/^No\. 2 in/)).toHaveTextContent('No. 2 in the issue of Nov 2, 2024');
    expect(screen.queryByText(/No\. 3/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^Source:/)).not.toBeInTheDocument();
    expect(screen.queryByText(/\.txt/)).not.toBeInTheDocument();
  });

  it('has a Cite menu that opens, moves with the arrow keys and closes with Escape onto its button', async () => {
    const { user } = renderApp(MOE);
    await screen.findByRole('heading', { level: 1 });
    const cite = screen.getByRole('button', { name: 'Cite' });
    expect(cite).toHaveAttribute('aria-haspopup', 'menu');
    expect(cite).toHaveAttribute('aria-expanded', 'false');

    cite.focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'Cite' });
    expect(cite).toHaveAttribute('aria-expanded', 'true');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Copy BibTeX',
      'Copy arXiv idarXiv:2410.10814',
      'Open on arXiv, opens in a new tab',
    ]);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(cite).toHaveFocus();
    expect(cite).toHaveAttribute('aria-expanded', 'false');

    await user.keyboard('{ArrowUp}');
    expect(within(screen.getByRole('menu')).getAllByRole('menuitem')[2]).toHaveFocus();
    const open = within(screen.getByRole('menu')).getByRole('menuitem', { name: /Open on arXiv/ });
    expect(open).toHaveAttribute('href', 'https://arxiv.org/abs/2410.10814');
    expect(open).toHaveAttribute('target', '_blank');
    expect(open).toHaveAttribute('rel', 'noopener noreferrer');
    await user.click(document.body);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('copies BibTeX built by the bookmarks export code, and the arXiv id, and says so', async () => {
    const { user } = renderApp(MOE);
    await screen.findByRole('heading', { level: 1 });
    await user.click(within(await openCiteMenu(user)).getByRole('menuitem', { name: 'Copy BibTeX' }));
    expect(await screen.findByText('BibTeX copied to the clipboard.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cite' })).toHaveFocus();
    const bib = await navigator.clipboard.readText();
    expect(bib).toMatch(/^@misc\{2024-11-02-mixture-of-experts-as-embedding-models,\n/);
    expect(bib).toContain('eprint = {2410.10814}');
    expect(bib).toContain('url = {https://arxiv.org/abs/2410.10814}');
    expect(bib).toContain('addendum = {Neural Frontier newsletter, issue of 2024-11-02}');

    await user.click(within(await openCiteMenu(user)).getByRole('menuitem', { name: /Copy arXiv id/ }));
    expect(await screen.findByText('arXiv id copied to the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('arXiv:2410.10814');
  });

  it('shows the BibTeX selected for copying by hand when the clipboard refuses', async () => {
    const { user } = renderApp(MOE);
    await screen.findByRole('heading', { level: 1 });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await user.click(within(await openCiteMenu(user)).getByRole('menuitem', { name: 'Copy BibTeX' }));
    expect(await screen.findByText(/couldn’t copy automatically\. The BibTeX is selected below/i)).toBeInTheDocument();
    const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'BibTeX to copy' });
    expect(field.value).toContain('eprint = {2410.10814}');
    expect(field).toHaveFocus();
  });

  it('cites a journal paper as an article in its journal, with its DOI', async () => {
    const bundle = makeFixtureArchive((draft) => {
      const entry = draft.entries.find((candidate) => candidate.id === PARROTS_ID)!;
      entry.paper = {
        title: 'Scalable watermarking for identifying large language model outputs',
        arxivId: null,
        doi: '10.1038/s41586-024-08025-4',
        url: 'https://www.nature.com/articles/s41586-024-08025-4',
      };
      entry.links = [{ url: entry.paper.url, label: 'paper', kind: 'paper' }];
      entry.outlet = 'Nature';
    });
    const { user } = renderApp(`/entries/${PARROTS_ID}`, { bundle });
    await screen.findByRole('heading', { level: 1 });
    const menu = await openCiteMenu(user);
    expect(within(menu).queryByRole('menuitem', { name: /arXiv/ })).not.toBeInTheDocument();
    expect(within(menu).getByRole('menuitem', { name: /Open the paper/ })).toHaveAttribute(
      'href',
      'https://www.nature.com/articles/s41586-024-08025-4',
    );
    await user.click(within(menu).getByRole('menuitem', { name: /Copy DOI/ }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe('10.1038/s41586-024-08025-4'));
    await user.click(within(await openCiteMenu(user)).getByRole('menuitem', { name: 'Copy BibTeX' }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toMatch(/^@article\{/));
    const bib = await navigator.clipboard.readText();
    expect(bib).toContain('journal = {Nature}');
    expect(bib).toContain('doi = {10.1038/s41586-024-08025-4}');
    expect(bib).toContain('url = {https://www.nature.com/articles/s41586-024-08025-4}');
  });

  it('has no Cite menu for an entry without a paper', async () => {
    renderApp('/entries/2024-11-02-ai-identifies-database-vulnerability');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cite' })).not.toBeInTheDocument();
  });

  it('says when the newsletter gives this arXiv id to another paper, links it, and cites no id', async () => {
    const { user } = renderApp(MOE, { bundle: disputedArchive() });
    await screen.findByRole('heading', { level: 1 });
    const notice = screen.getByRole('note');
    expect(within(notice).getByText('The newsletter links this arXiv id to two different papers.')).toBeInTheDocument();
    expect(within(notice).getByRole('link', { name: 'Layer Gradients in LLMs' })).toHaveAttribute(
      'href',
      `/entries/${GRADIENTS_ID}`,
    );

    const menu = await openCiteMenu(user);
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Copy BibTeX']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Copy BibTeX' }));
    await screen.findByText('BibTeX copied to the clipboard.');
    const bib = await navigator.clipboard.readText();
    expect(bib).not.toMatch(/eprint|doi =|arxiv\.org/);
    expect(bib).toContain('note = {The newsletter links arXiv:2410.10814 to two different papers');
    expect(bib).toContain(`url = {${window.location.origin}${MOE}}`);

    await user.click(within(notice).getByRole('link', { name: 'Layer Gradients in LLMs' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Layer Gradients in LLMs' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('note')).getByRole('link', { name: 'Mixture-of-Experts as Embedding Models' }),
    ).toHaveAttribute('href', MOE);
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
