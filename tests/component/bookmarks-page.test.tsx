import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BOOKMARKS_KEY, getBookmarkStore, resetBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';
import type { Bookmark } from '@/features/bookmarks/lib/bookmark-model';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { renderApp } from '../support/render-app';

const BENCH = '2024-11-02-benchmarking-code-generation';
const GRADIENTS = '2024-11-02-layer-gradients-in-llms';
const PARROTS = '2024-10-27-mixture-of-parrots';
const VULNERABILITY = '2024-11-02-ai-identifies-database-vulnerability';
const MOE = '2024-11-02-mixture-of-experts-as-embedding-models';

function saved(entryId: string, addedAt: string, extra: Partial<Bookmark> = {}): Bookmark {
  return { entryId, addedAt, updatedAt: addedAt, note: '', tags: [], snapshot: null, ...extra };
}

function seed(items: Bookmark[]): void {
  localStorage.setItem(BOOKMARKS_KEY, JSON.stringify({ version: 2, items }));
}

function storedIds(): string[] {
  return (JSON.parse(localStorage.getItem(BOOKMARKS_KEY) ?? '{"items":[]}') as { items: Bookmark[] }).items.map(
    (b) => b.entryId,
  );
}

/** Headlines of the bookmarks list, in order. */
function listedHeadlines(): string[] {
  const list = screen.getByRole('list', { name: /bookmarks/i });
  return within(list)
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent ?? '');
}

// Routes load lazily and the archive parses on every render of the app; give them time on a busy machine.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  resetBookmarkStore();
});

describe('bookmarking entries', () => {
  it('toggles a bookmark from an issue page and shows the count in the header', async () => {
    const { user } = renderApp('/issues/2024-11-02');
    const toggle = await screen.findByRole('button', { name: 'Bookmark Benchmarking Code Generation' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    const pressed = screen.getByRole('button', { name: 'Remove bookmark Benchmarking Code Generation' });
    expect(pressed).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: 'Bookmarks (1)' })).toBeInTheDocument();
    expect(storedIds()).toEqual([BENCH]);
    const stored = JSON.parse(localStorage.getItem(BOOKMARKS_KEY) ?? '{}') as { items: Bookmark[] };
    expect(stored.items[0]?.snapshot).toMatchObject({
      headline: 'Benchmarking Code Generation',
      issueId: '2024-11-02',
      publishedOn: '2024-10-31',
      organizations: ['Purdue University'],
      paper: { arxivId: '2410.21647' },
    });
    await user.click(pressed);
    expect(screen.getByRole('link', { name: 'Bookmarks' })).toBeInTheDocument();
    expect(storedIds()).toEqual([]);
  });

  it('toggles the focused entry with the b key', async () => {
    const { user } = renderApp('/issues/2024-11-02');
    const toggle = await screen.findByRole('button', { name: 'Bookmark Layer Gradients in LLMs' });
    const card = toggle.closest<HTMLElement>('[data-entry-id]');
    expect(card).not.toBeNull();
    act(() => card!.focus());
    await user.keyboard('b');
    expect(storedIds()).toEqual([GRADIENTS]);
    expect(await screen.findByText(/Bookmarked .*Layer Gradients in LLMs/)).toBeInTheDocument();
  });

  it('removes the focused bookmark with the b key on the bookmarks page, offering undo', async () => {
    seed([saved(BENCH, '2025-01-10T10:00:00.000Z'), saved(GRADIENTS, '2025-01-11T10:00:00.000Z', { note: 'keep me' })]);
    const { user } = renderApp('/bookmarks');
    const heading = await screen.findByRole('link', { name: 'Layer Gradients in LLMs' });
    act(() => heading.closest<HTMLElement>('[data-entry-id]')!.focus());
    await user.keyboard('b');
    expect(storedIds()).toEqual([BENCH]);
    expect(screen.getByText('Removed “Layer Gradients in LLMs”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(storedIds()).toEqual([BENCH, GRADIENTS]);
    expect(screen.getByText('keep me')).toBeInTheDocument();
  });

  it('ignores b while typing inside an entry, such as in its note', async () => {
    seed([saved(GRADIENTS, '2025-01-11T10:00:00.000Z')]);
    const { user } = renderApp('/bookmarks');
    await user.click(await screen.findByRole('button', { name: 'Add note and tags: Layer Gradients in LLMs' }));
    const note = screen.getByRole('textbox', { name: 'Note' });
    expect(note.closest('[data-entry-id]')).not.toBeNull();
    await user.type(note, 'bb');
    expect(note).toHaveValue('bb');
    expect(storedIds()).toEqual([GRADIENTS]);
  });

  it('follows changes another tab makes', async () => {
    renderApp('/bookmarks');
    expect(await screen.findByText('No bookmarks yet')).toBeInTheDocument();
    seed([saved(BENCH, '2025-01-10T10:00:00.000Z')]);
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: BOOKMARKS_KEY }));
    });
    expect(await screen.findByRole('link', { name: 'Benchmarking Code Generation' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bookmarks (1)' })).toBeInTheDocument();
  });
});

describe('the bookmarks page', () => {
  it('sorts by date added, date published and issue', async () => {
    seed([
      saved(PARROTS, '2025-01-12T10:00:00.000Z'),
      saved(BENCH, '2025-01-10T10:00:00.000Z'),
      saved(GRADIENTS, '2025-01-11T10:00:00.000Z'),
    ]);
    const { user } = renderApp('/bookmarks');
    await screen.findByRole('link', { name: 'Mixture of Parrots' });
    expect(listedHeadlines()).toEqual([
      'Mixture of Parrots',
      'Layer Gradients in LLMs',
      'Benchmarking Code Generation',
    ]);
    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    await user.selectOptions(sort, 'Date added, oldest first');
    expect(listedHeadlines()).toEqual([
      'Benchmarking Code Generation',
      'Layer Gradients in LLMs',
      'Mixture of Parrots',
    ]);
    await user.selectOptions(sort, 'Issue, newest first');
    expect(listedHeadlines()).toEqual([
      'Benchmarking Code Generation',
      'Layer Gradients in LLMs',
      'Mixture of Parrots',
    ]);
    await user.selectOptions(sort, 'Issue, oldest first');
    expect(listedHeadlines()[0]).toBe('Mixture of Parrots');
    await user.selectOptions(sort, 'Date published, oldest first');
    expect(listedHeadlines()[0]).toBe('Mixture of Parrots');
  });

  it('saves a note and tags, and filters by tag', async () => {
    seed([saved(BENCH, '2025-01-10T10:00:00.000Z'), saved(GRADIENTS, '2025-01-11T10:00:00.000Z')]);
    const { user } = renderApp('/bookmarks');
    await user.click(await screen.findByRole('button', { name: 'Add note and tags: Benchmarking Code Generation' }));
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Compare with SWE-bench');
    await user.type(screen.getByRole('combobox', { name: /Tags/ }), 'code, benchmarks,  code ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Compare with SWE-bench')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit note and tags: Benchmarking Code Generation' })).toHaveFocus();

    const filter = screen.getByRole('group', { name: 'Filter by tag' });
    await user.click(within(filter).getByRole('button', { name: /^code/ }));
    expect(listedHeadlines()).toEqual(['Benchmarking Code Generation']);
    await user.click(within(filter).getByRole('button', { name: /^All/ }));
    expect(listedHeadlines()).toHaveLength(2);

    const stored = JSON.parse(localStorage.getItem(BOOKMARKS_KEY) ?? '{}') as { items: Bookmark[] };
    expect(stored.items.find((b) => b.entryId === BENCH)).toMatchObject({
      note: 'Compare with SWE-bench',
      tags: ['code', 'benchmarks'],
    });
  });

  it('removes a bookmark with undo', async () => {
    seed([
      saved(BENCH, '2025-01-10T10:00:00.000Z'),
      saved(GRADIENTS, '2025-01-11T10:00:00.000Z', { note: 'keep me', tags: ['x'] }),
    ]);
    const { user } = renderApp('/bookmarks');
    await screen.findByRole('link', { name: 'Layer Gradients in LLMs' });
    await user.click(await screen.findByRole('button', { name: 'Remove bookmark Layer Gradients in LLMs' }));
    expect(listedHeadlines()).toEqual(['Benchmarking Code Generation']);
    expect(screen.getByText('Removed “Layer Gradients in LLMs”')).toBeInTheDocument();
    expect(storedIds()).toEqual([BENCH]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(listedHeadlines()).toEqual(['Layer Gradients in LLMs', 'Benchmarking Code Generation']);
    expect(screen.getByText('keep me')).toBeInTheDocument();
    expect(storedIds()).toEqual([BENCH, GRADIENTS]);
  });

  it('keeps a bookmark whose entry is no longer in the archive', async () => {
    seed([
      saved('2023-01-01-retired-entry', '2025-01-10T10:00:00.000Z', {
        snapshot: {
          headline: 'A Retired Entry',
          issueId: '2023-01-01',
          issueDate: '2023-01-01',
          position: 4,
          publishedOn: '2022-12-30',
          paper: null,
          url: 'https://example.com/retired',
          organizations: ['Example Lab'],
        },
      }),
    ]);
    renderApp('/bookmarks');
    expect(await screen.findByText('Not in this archive')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'A Retired Entry' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'A Retired Entry' })).not.toBeInTheDocument();
    expect(storedIds()).toEqual(['2023-01-01-retired-entry']);
  });

  it('exports BibTeX of the bookmarks shown as a downloaded file', async () => {
    seed([saved(BENCH, '2025-01-10T10:00:00.000Z')]);
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = renderApp('/bookmarks');
    await screen.findByRole('link', { name: 'Benchmarking Code Generation' });
    await user.click(screen.getByRole('button', { name: 'BibTeX' }));
    expect(click).toHaveBeenCalled();
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toMatch(/^frontier-reader-bookmarks-\d{4}-\d{2}-\d{2}\.bib$/);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
      reader.readAsText(blobs[0]!);
    });
    expect(text).toContain(`@misc{${BENCH},`);
    expect(text).toContain('eprint = {2410.21647}');
  });

  it('imports a backup, merging and summarising, and rejects an invalid file without changes', async () => {
    seed([saved(BENCH, '2025-01-10T10:00:00.000Z', { note: 'old' })]);
    const { user } = renderApp('/bookmarks');
    await screen.findByRole('link', { name: 'Benchmarking Code Generation' });
    const input = screen.getByLabelText('Import a backup…');
    const backup = {
      format: 'frontier-reader-bookmarks',
      version: 2,
      exportedAt: '2025-01-15T00:00:00.000Z',
      items: [
        saved(BENCH, '2025-01-10T10:00:00.000Z', { note: 'newer', updatedAt: '2025-01-14T10:00:00.000Z' }),
        saved(PARROTS, '2025-01-09T10:00:00.000Z'),
      ],
    };
    await user.upload(input, new File([JSON.stringify(backup)], 'backup.json', { type: 'application/json' }));
    expect(await screen.findByText('Imported backup.json: 1 added, 1 updated, 0 unchanged.')).toBeInTheDocument();
    expect(screen.getByText('newer')).toBeInTheDocument();
    expect(storedIds()).toEqual([BENCH, PARROTS]);

    const before = localStorage.getItem(BOOKMARKS_KEY);
    fireEvent.change(input, { target: { files: [new File(['not json'], 'notes.txt', { type: 'text/plain' })] } });
    expect(
      await screen.findByText(/notes\.txt was not imported, nothing changed\. The file is not JSON/),
    ).toBeInTheDocument();
    expect(localStorage.getItem(BOOKMARKS_KEY)).toBe(before);
  });
});

describe('searching bookmarks', () => {
  const items = () => [
    saved(BENCH, '2025-01-10T10:00:00.000Z', { note: 'Compare with SWE-bench at the Café', tags: ['code'] }),
    saved(GRADIENTS, '2025-01-11T10:00:00.000Z', { tags: ['reasoning', 'to-read'] }),
    saved(PARROTS, '2025-01-12T10:00:00.000Z', { tags: ['moe', 'to-read'] }),
  ];

  it('filters by headline, note and tags, ignoring case and accents, every word matching, and says how many', async () => {
    seed(items());
    const { user, router } = renderApp('/bookmarks');
    await screen.findByRole('link', { name: 'Mixture of Parrots' });
    const search = screen.getByRole('searchbox', { name: 'Search bookmarks' });

    await user.type(search, 'CAFE');
    expect(await screen.findByText('1 bookmark matches “CAFE”.')).toHaveAttribute('role', 'status');
    expect(listedHeadlines()).toEqual(['Benchmarking Code Generation']);
    expect(router.state.location.search).toBe('?q=CAFE');
    expect(screen.getByText(/Reference formats export the 1 bookmark shown \(matching “CAFE”\)/)).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'to-read');
    expect(await screen.findByText('2 bookmarks match “to-read”.')).toBeInTheDocument();
    expect(listedHeadlines()).toEqual(['Mixture of Parrots', 'Layer Gradients in LLMs']);

    await user.type(search, ' parrots');
    expect(await screen.findByText('1 bookmark matches “to-read parrots”.')).toBeInTheDocument();
    expect(listedHeadlines()).toEqual(['Mixture of Parrots']);

    await user.type(search, ' code');
    expect(await screen.findByText('No bookmarks match “to-read parrots code”.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /bookmarks/i })).not.toBeInTheDocument();

    await user.clear(search);
    await waitFor(() => expect(listedHeadlines()).toHaveLength(3));
    expect(router.state.location.search).toBe('');
  });

  it('combines with the tag filter and starts from a query in the address', async () => {
    seed(items());
    const { user } = renderApp('/bookmarks?q=llms');
    await screen.findByRole('link', { name: 'Layer Gradients in LLMs' });
    expect(screen.getByText('1 bookmark matches “llms”.')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search bookmarks' })).toHaveValue('llms');
    expect(listedHeadlines()).toEqual(['Layer Gradients in LLMs']);
    await user.click(
      within(screen.getByRole('group', { name: 'Filter by tag' })).getByRole('button', { name: /^moe/ }),
    );
    expect(await screen.findByText('No bookmarks match “llms”.')).toBeInTheDocument();
  });

  it('offers the tags already in use while tags are edited, completing the tag being typed', async () => {
    seed(items());
    const { user } = renderApp('/bookmarks');
    await user.click(await screen.findByRole('button', { name: 'Edit note and tags: Benchmarking Code Generation' }));
    const tags = screen.getByRole<HTMLInputElement>('combobox', { name: /Tags/ });
    const offered = () => [...(tags.list?.options ?? [])].map((option) => option.value);
    expect(tags).toHaveValue('code');
    expect(offered()).toEqual(['code']);

    await user.type(tags, ', ');
    // Most used first; a tag already in the field is not offered again.
    expect(offered()).toEqual(['code, to-read', 'code, moe', 'code, reasoning']);
    await user.type(tags, 'R');
    expect(offered()).toEqual(['code, reasoning']);
    await user.clear(tags);
    await user.type(tags, 'to');
    expect(offered()).toEqual(['to-read']);
  });
});

describe('identifiers for Zotero', () => {
  it('copies the arXiv ids one per line, and counts the bookmarks with no identifier', async () => {
    seed([
      saved(BENCH, '2025-01-10T10:00:00.000Z'),
      saved(VULNERABILITY, '2025-01-11T10:00:00.000Z'),
      saved(PARROTS, '2025-01-12T10:00:00.000Z'),
    ]);
    const { user } = renderApp('/bookmarks');
    await screen.findByRole('link', { name: 'Mixture of Parrots' });
    const panel = screen.getByRole('group', { name: 'Identifiers for Zotero' });
    expect(within(panel).getByText(/1 bookmark has no arXiv id or DOI/)).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /DOI/ })).not.toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Copy 2 arXiv ids' }));
    expect(await within(panel).findByText('Copied 2 arXiv ids, one per line.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('arXiv:2410.19034\narXiv:2410.21647\n');
  });

  it('keeps DOIs apart from arXiv ids and leaves out an arXiv id the newsletter gives to two papers', async () => {
    const bundle = makeFixtureArchive((draft) => {
      const parrots = draft.entries.find((entry) => entry.id === PARROTS)!;
      parrots.paper = { ...parrots.paper!, arxivId: null, doi: '10.1038/s41586-024-08025-4' };
      const moe = draft.entries.find((entry) => entry.id === MOE)!;
      const gradients = draft.entries.find((entry) => entry.id === GRADIENTS)!;
      gradients.paper!.arxivId = moe.paper!.arxivId;
      moe.paperConflicts = [GRADIENTS];
      gradients.paperConflicts = [MOE];
    });
    seed([
      saved(BENCH, '2025-01-10T10:00:00.000Z'),
      saved(GRADIENTS, '2025-01-11T10:00:00.000Z'),
      saved(PARROTS, '2025-01-12T10:00:00.000Z'),
    ]);
    const { user } = renderApp('/bookmarks', { bundle });
    await screen.findByRole('link', { name: 'Mixture of Parrots' });
    const panel = screen.getByRole('group', { name: 'Identifiers for Zotero' });
    expect(
      within(panel).getByText(
        /1 bookmark is left out because the newsletter gives its arXiv id to two different papers/,
      ),
    ).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Copy 1 DOI' }));
    expect(await navigator.clipboard.readText()).toBe('10.1038/s41586-024-08025-4\n');
    await user.click(within(panel).getByRole('button', { name: 'Copy 1 arXiv id' }));
    expect(await navigator.clipboard.readText()).toBe('arXiv:2410.21647\n');
  });

  it('shows the list selected for copying by hand when the clipboard refuses', async () => {
    seed([saved(BENCH, '2025-01-10T10:00:00.000Z')]);
    const { user } = renderApp('/bookmarks');
    await screen.findByRole('link', { name: 'Benchmarking Code Generation' });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy 1 arXiv id' }));
    expect(await screen.findByText(/Couldn’t copy automatically/)).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: 'arXiv ids to paste into Zotero' });
    expect(field).toHaveValue('arXiv:2410.21647\n');
    expect(field).toHaveFocus();
  });
});

/** The text of the last file handed to the browser for download. */
function captureDownloads() {
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    }),
    revokeObjectURL: vi.fn(),
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return {
    fileName: () => (click.mock.contexts.at(-1) as HTMLAnchorElement).download,
    text: () =>
      new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
        reader.readAsText(blobs.at(-1)!);
      }),
  };
}

describe('recovered data', () => {
  const longNote = 'n'.repeat(2001);
  const damaged = JSON.stringify({
    version: 2,
    items: [
      saved(BENCH, '2025-01-10T10:00:00.000Z'),
      saved(GRADIENTS, '2025-01-11T10:00:00.000Z', { note: longNote }),
      { ...saved('x', '2025-01-12T10:00:00.000Z'), entryId: 'not an id!' },
    ],
  });

  it('keeps every readable bookmark of a list with bad items, says how many, and keeps the original', async () => {
    localStorage.setItem(BOOKMARKS_KEY, damaged);
    const downloads = captureDownloads();
    const { user } = renderApp('/bookmarks');
    expect(await screen.findByRole('heading', { name: 'Some saved bookmarks needed attention' })).toBeInTheDocument();
    expect(
      screen.getByText(/1 bookmark could not be read and was set aside; 1 bookmark was repaired\./),
    ).toBeInTheDocument();
    await screen.findByRole('link', { name: 'Layer Gradients in LLMs' });
    expect(listedHeadlines()).toEqual(['Layer Gradients in LLMs', 'Benchmarking Code Generation']);
    expect(screen.getByText('n'.repeat(2000))).toBeInTheDocument();

    const recovered = screen.getByRole('region', { name: 'Recovered data' });
    expect(
      within(recovered).getByText(
        /2 bookmarks can be read; 1 of them only in part \(kept in full here\); 1 bookmark cannot\./,
      ),
    ).toBeInTheDocument();
    await user.click(within(recovered).getByRole('button', { name: 'Download' }));
    expect(downloads.fileName()).toMatch(/^frontier-reader-recovered-bookmarks\.json$/);
    expect(await downloads.text()).toBe(damaged);
  });

  it('stays on the bookmarks page after a reload, and the downloaded data can be imported again', async () => {
    localStorage.setItem(BOOKMARKS_KEY, damaged);
    expect(getBookmarkStore().getState().bookmarks).toHaveLength(2);
    resetBookmarkStore();
    localStorage.setItem(BOOKMARKS_KEY, JSON.stringify({ version: 2, items: [] }));
    const { user } = renderApp('/bookmarks');
    const recovered = await screen.findByRole('region', { name: 'Recovered data' });
    expect(screen.queryByRole('heading', { name: 'Some saved bookmarks needed attention' })).not.toBeInTheDocument();
    await user.upload(
      screen.getByLabelText('Import a backup…'),
      new File([damaged], 'recovered.json', { type: 'application/json' }),
    );
    expect(
      await screen.findByText(
        'Imported recovered.json: 2 added, 0 updated, 0 unchanged. 1 bookmark could not be read and was set aside; 1 bookmark was repaired.',
      ),
    ).toBeInTheDocument();
    expect(storedIds()).toEqual([BENCH, GRADIENTS]);
    expect(within(recovered).getByRole('button', { name: 'Restore' })).toBeInTheDocument();
  });

  it('restores a whole list the old app set aside, and deletes it once everything is back', async () => {
    const legacy = JSON.stringify({
      version: 2,
      items: [
        saved(BENCH, '2025-01-10T10:00:00.000Z', { note: 'from before' }),
        saved(PARROTS, '2025-01-09T10:00:00.000Z'),
      ],
    });
    localStorage.setItem(`${BOOKMARKS_KEY}:backup`, legacy);
    seed([saved(GRADIENTS, '2025-01-11T10:00:00.000Z')]);
    const { user } = renderApp('/bookmarks');
    const recovered = await screen.findByRole('region', { name: 'Recovered data' });
    await user.click(within(recovered).getByRole('button', { name: 'Restore' }));
    expect(
      await screen.findByText(
        'Restored 2 added, 0 updated, 0 unchanged. Everything was restored, so the recovered data was deleted.',
      ),
    ).toBeInTheDocument();
    expect(storedIds()).toEqual([GRADIENTS, BENCH, PARROTS]);
    expect(screen.getByText('from before')).toBeInTheDocument();
    expect(localStorage.getItem(`${BOOKMARKS_KEY}:backup`)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restore' })).not.toBeInTheDocument();
  });

  it('deletes recovered data only after the reader confirms', async () => {
    localStorage.setItem(`${BOOKMARKS_KEY}:backup`, 'not json at all');
    const { user } = renderApp('/bookmarks');
    const recovered = await screen.findByRole('region', { name: 'Recovered data' });
    expect(within(recovered).getByText(/Nothing in it can be read as bookmarks/)).toBeInTheDocument();
    expect(within(recovered).queryByRole('button', { name: 'Restore' })).not.toBeInTheDocument();
    await user.click(within(recovered).getByRole('button', { name: 'Delete…' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Delete the recovered data?' })).getByRole('button', {
        name: 'Keep it',
      }),
    );
    expect(localStorage.getItem(`${BOOKMARKS_KEY}:backup`)).toBe('not json at all');
    await user.click(within(recovered).getByRole('button', { name: 'Delete…' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Delete the recovered data?' })).getByRole('button', { name: 'Delete' }),
    );
    expect(localStorage.getItem(`${BOOKMARKS_KEY}:backup`)).toBeNull();
    expect(screen.getByText('The recovered data was deleted.')).toBeInTheDocument();
  });
});

describe('storage problems', () => {
  it('sets a corrupted value aside, keeps working and offers it for download', async () => {
    localStorage.setItem(BOOKMARKS_KEY, '{"version":2,"items":[{"entryId":');
    const { user } = renderApp('/issues/2024-11-02');
    expect(await screen.findByRole('heading', { name: 'Your saved bookmarks could not be read' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download the unreadable data' })).toBeInTheDocument();
    expect(localStorage.getItem(`${BOOKMARKS_KEY}:backup`)).toBe('{"version":2,"items":[{"entryId":');
    await user.click(await screen.findByRole('button', { name: 'Bookmark Benchmarking Code Generation' }));
    expect(storedIds()).toEqual([BENCH]);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('heading', { name: 'Your saved bookmarks could not be read' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Bookmarks (1)' }));
    const recovered = await screen.findByRole('region', { name: 'Recovered data' });
    expect(within(recovered).getByRole('button', { name: 'Download' })).toBeInTheDocument();
  });

  it('says bookmarks will not persist when storage is full, and keeps them for the session', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const { user } = renderApp('/issues/2024-11-02');
    await user.click(await screen.findByRole('button', { name: 'Bookmark Benchmarking Code Generation' }));
    expect(screen.getByRole('button', { name: 'Remove bookmark Benchmarking Code Generation' })).toBeInTheDocument();
    expect(await screen.findByText(/storage is full/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Download a backup of this session/ })).toBeInTheDocument();
    setItem.mockRestore();
    await waitFor(() => expect(localStorage.getItem(BOOKMARKS_KEY)).toBeNull());
  });
});
