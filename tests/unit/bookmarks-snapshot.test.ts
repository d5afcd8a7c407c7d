import { describe, expect, it } from 'vitest';
import { snapshotOf, type BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';
import { readBackupSync, toBackupJson } from '@/features/bookmarks/lib/export-backup';
import { viewBookmarks } from '@/features/bookmarks/lib/bookmark-view';
import { toBibtex } from '@/features/bookmarks/lib/export-bibtex';
import { indexArchive } from '@/lib/archive-query';
import { makeBookmark } from '../support/bookmarks';
import { makeFixtureArchive } from '../support/fixture-bundle';

/** A snapshot as the app saved it before papers carried DOIs, outlets and disputes. */
const olderSnapshot = {
  headline: 'Benchmarking Code Generation',
  issueId: '2024-11-02',
  issueDate: '2024-11-02',
  position: 2,
  publishedOn: '2024-10-31',
  paper: { title: 'REPOCOD', url: 'https://arxiv.org/pdf/2410.21647', arxivId: '2410.21647' },
  url: 'https://arxiv.org/pdf/2410.21647',
  organizations: ['Purdue University'],
};

describe('bookmark snapshots', () => {
  it('reads a snapshot saved before DOIs, outlets and disputes as it was, with nothing to repair', () => {
    const stored = JSON.stringify({ version: 2, items: [makeBookmark('2024-11-02-benchmarking', olderSnapshot)] });
    const { envelope, report } = readBackupSync(stored);
    expect(report.repaired).toEqual([]);
    expect(report.setAside).toEqual([]);
    expect(envelope.items[0]!.snapshot).toEqual(olderSnapshot);
    // Exports read the missing fields as "none": an undisputed arXiv paper.
    expect(
      toBibtex([{ bookmark: envelope.items[0]!, snapshot: envelope.items[0]!.snapshot, appUrl: 'https://x.test/' }]),
    ).toContain('eprint = {2410.21647}');
  });

  it('saves the paper’s DOI, the outlet and any dispute, and reads them back', () => {
    const archive = makeFixtureArchive((draft) => {
      const entry = draft.entries.find((candidate) => candidate.id === '2024-10-27-mixture-of-parrots')!;
      entry.paper!.doi = '10.1000/parrots';
      entry.paperConflicts = ['2024-11-02-layer-gradients-in-llms'];
    });
    const entry = archive.entries.find((candidate) => candidate.id === '2024-10-27-mixture-of-parrots')!;
    const snapshot: BookmarkSnapshot = snapshotOf(entry);
    expect(snapshot).toMatchObject({
      paper: { arxivId: '2410.19034', doi: '10.1000/parrots' },
      outlet: 'arXiv',
      paperConflicts: ['2024-11-02-layer-gradients-in-llms'],
    });
    const items = [makeBookmark(entry.id, snapshot)];
    const { envelope, report } = readBackupSync(toBackupJson(items, '2025-01-15T10:00:00.000Z'));
    expect(report.repaired).toEqual([]);
    expect(envelope.items).toEqual(items);
  });

  it('shows and exports the archive’s current data over a saved snapshot, so a correction or dispute reaches exports', () => {
    const archive = indexArchive(
      makeFixtureArchive((draft) => {
        const entry = draft.entries.find((candidate) => candidate.id === '2024-11-02-benchmarking-code-generation')!;
        entry.paper!.arxivId = '2410.99999';
        entry.paperConflicts = ['2024-11-02-layer-gradients-in-llms'];
      }),
    );
    const saved = makeBookmark('2024-11-02-benchmarking-code-generation', olderSnapshot);
    const gone = makeBookmark('2023-01-01-gone', { ...olderSnapshot, headline: 'Gone' });
    const [current, kept] = viewBookmarks([saved, gone], archive);
    expect(current!.snapshot).toMatchObject({
      paper: { arxivId: '2410.99999' },
      paperConflicts: ['2024-11-02-layer-gradients-in-llms'],
    });
    expect(kept).toMatchObject({ snapshot: { headline: 'Gone' }, inArchive: false });
    const bib = toBibtex([{ bookmark: saved, snapshot: current!.snapshot, appUrl: 'https://x.test/e' }]);
    expect(bib).not.toContain('eprint');
    expect(bib).toContain('two different papers');
  });
});
