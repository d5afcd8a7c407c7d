import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import type { BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';
import { toBibtex } from '@/features/bookmarks/lib/export-bibtex';
import { toCslJson } from '@/features/bookmarks/lib/export-csl';
import { toMarkdown } from '@/features/bookmarks/lib/export-markdown';
import type { ExportRecord } from '@/features/bookmarks/lib/export-record';
import { makeBookmark } from '../support/bookmarks';

const arxivSnapshot: BookmarkSnapshot = {
  headline: 'Benchmarking Code Generation',
  issueId: '2024-11-02',
  issueDate: '2024-11-02',
  position: 2,
  publishedOn: '2024-10-31',
  paper: {
    title: "Can Language Models Replace Programmers? REPOCOD Says 'Not Yet'",
    url: 'https://arxiv.org/pdf/2410.21647',
    arxivId: '2410.21647',
  },
  url: 'https://arxiv.org/pdf/2410.21647',
  organizations: ['Purdue University'],
};

const webSnapshot: BookmarkSnapshot = {
  headline: 'R&D at 100% {speed}: AT&T_labs #1 ~ $5 ^ C:\\path',
  issueId: '2024-10-27',
  issueDate: '2024-10-27',
  position: 7,
  publishedOn: '2024-10-24',
  paper: null,
  url: 'https://example.com/news?a=1&b=50%25#top',
  organizations: ['AT&T', 'Google DeepMind'],
};

const bookmark = makeBookmark;

const records: ExportRecord[] = [
  {
    bookmark: bookmark('2024-11-02-benchmarking-code-generation', arxivSnapshot, {
      tags: ['benchmarks', 'code'],
      note: 'Compare with SWE-bench {hard} 50%',
    }),
    snapshot: arxivSnapshot,
    appUrl: 'https://reader.example/entries/2024-11-02-benchmarking-code-generation',
    publication: 'Neural Frontier',
  },
  {
    bookmark: bookmark('2024-10-27-special-characters', webSnapshot),
    snapshot: webSnapshot,
    appUrl: 'https://reader.example/entries/2024-10-27-special-characters',
    publication: 'Neural Frontier',
  },
  {
    bookmark: bookmark('2024-09-01-gone-from-archive', null),
    snapshot: null,
    appUrl: 'https://reader.example/entries/2024-09-01-gone-from-archive',
    publication: 'Neural Frontier',
  },
];

describe('BibTeX export', () => {
  const bib = toBibtex(records);
  const library = parse(bib, { sentenceCase: false });

  it('parses back without errors, one record per bookmark, with stable unique keys', () => {
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.key)).toEqual([
      '2024-11-02-benchmarking-code-generation',
      '2024-10-27-special-characters',
      '2024-09-01-gone-from-archive',
    ]);
    expect(toBibtex(records)).toBe(bib);
  });

  it('writes arXiv papers as @misc with eprint, archivePrefix and the abstract URL', () => {
    const entry = library.entries[0]!;
    expect(entry.type).toBe('misc');
    expect(entry.fields.title).toBe("Can Language Models Replace Programmers? REPOCOD Says 'Not Yet'");
    expect(entry.fields.eprint).toBe('2410.21647');
    expect(entry.fields.archiveprefix).toBe('arXiv');
    expect(entry.fields.doi).toBe('10.48550/arXiv.2410.21647');
    expect(entry.fields.url).toBe('https://arxiv.org/abs/2410.21647');
    expect(entry.fields.year).toBe('2024');
    expect(entry.fields.date).toBe('2024-10-31');
    expect(entry.fields.urldate).toBe('2025-01-15');
    expect(entry.fields.note).toBe('Organisations: Purdue University');
    expect(entry.fields.addendum).toBe('Neural Frontier newsletter, issue of 2024-11-02');
    expect(entry.fields.keywords).toEqual(['benchmarks', 'code']);
    expect(entry.fields.annote).toBe('Compare with SWE-bench {hard} 50%');
  });

  it('protects acronyms in titles from case changes', () => {
    expect(bib).toContain('{REPOCOD}');
    const sentenceCased = parse(bib).entries[0]!.fields.title;
    expect(sentenceCased).toContain('REPOCOD');
  });

  it('writes other items as @online with the URL and escapes every special character', () => {
    const entry = library.entries[1]!;
    expect(entry.type).toBe('online');
    expect(entry.fields.title).toBe('R&D at 100% {speed}: AT&T_labs #1 ~ $5 ^ C:\\path');
    expect(entry.fields.url).toBe('https://example.com/news?a=1&b=50%25#top');
    expect(entry.fields.note).toBe('Organisations: AT&T, Google DeepMind');
    expect(entry.fields.eprint).toBeUndefined();
  });

  it('still exports a bookmark whose snapshot is unknown, pointing at the app', () => {
    const entry = library.entries[2]!;
    expect(entry.type).toBe('online');
    expect(entry.fields.title).toBe('2024-09-01-gone-from-archive');
    expect(entry.fields.url).toBe('https://reader.example/entries/2024-09-01-gone-from-archive');
  });
});

describe('CSL-JSON export', () => {
  const items = JSON.parse(toCslJson(records)) as Record<string, unknown>[];

  it('writes arXiv papers as preprints with their identifiers', () => {
    expect(items[0]).toEqual({
      id: '2024-11-02-benchmarking-code-generation',
      type: 'article',
      title: "Can Language Models Replace Programmers? REPOCOD Says 'Not Yet'",
      URL: 'https://arxiv.org/abs/2410.21647',
      DOI: '10.48550/arXiv.2410.21647',
      number: 'arXiv:2410.21647',
      publisher: 'arXiv',
      genre: 'Preprint',
      issued: { 'date-parts': [[2024, 10, 31]] },
      accessed: { 'date-parts': [[2025, 1, 15]] },
      note: 'Organisations: Purdue University\nNeural Frontier newsletter, issue of 2024-11-02\nCompare with SWE-bench {hard} 50%',
      keyword: 'benchmarks, code',
    });
  });

  it('writes other items as web pages', () => {
    expect(items[1]).toMatchObject({
      type: 'webpage',
      URL: 'https://example.com/news?a=1&b=50%25#top',
      title: webSnapshot.headline,
    });
    expect(items[2]).toMatchObject({ type: 'webpage', title: '2024-09-01-gone-from-archive' });
    expect(items[2]).not.toHaveProperty('issued');
  });
});

describe('Markdown reading list', () => {
  const markdown = toMarkdown(records, '2025-01-15');

  it('is a heading, a summary and a list with one line per bookmark: its link, details, page here, tags and note', () => {
    expect(markdown).toBe(
      [
        '# Reading list',
        '',
        'Exported from Frontier Reader on 2025-01-15; 3 bookmarks.',
        '',
        "- [Can Language Models Replace Programmers? REPOCOD Says 'Not Yet'](https://arxiv.org/abs/2410.21647) · " +
          'Benchmarking Code Generation · Purdue University · arXiv:2410.21647 · published 2024-10-31 · issue of 2024-11-02 · ' +
          '[Read in Frontier Reader](https://reader.example/entries/2024-11-02-benchmarking-code-generation) · ' +
          'Tags: benchmarks, code · Note: Compare with SWE-bench \\{hard\\} 50%',
        '- [R&D at 100% \\{speed\\}: AT&T\\_labs \\#1 \\~ \\$5 ^ C:\\\\path](https://example.com/news?a=1&b=50%25#top) · ' +
          'AT&T, Google DeepMind · published 2024-10-24 · issue of 2024-10-27 · ' +
          '[Read in Frontier Reader](https://reader.example/entries/2024-10-27-special-characters)',
        '- [2024-09-01-gone-from-archive](https://reader.example/entries/2024-09-01-gone-from-archive) · ' +
          '[Read in Frontier Reader](https://reader.example/entries/2024-09-01-gone-from-archive)',
        '',
      ].join('\n'),
    );
  });
});

describe('a bookmark whose arXiv id the newsletter gives to two papers', () => {
  const disputed: BookmarkSnapshot = { ...arxivSnapshot, paperConflicts: ['2024-11-02-other-entry'] };
  const record: ExportRecord = {
    bookmark: bookmark('2024-11-02-benchmarking-code-generation', disputed),
    snapshot: disputed,
    appUrl: 'https://reader.example/entries/2024-11-02-benchmarking-code-generation',
  };

  it('is exported with no eprint or DOI, pointing at its entry here, with the reason in the note', () => {
    const entry = parse(toBibtex([record]), { sentenceCase: false }).entries[0]!;
    expect(entry.fields.eprint).toBeUndefined();
    expect(entry.fields.doi).toBeUndefined();
    expect(entry.fields.url).toBe(record.appUrl);
    expect(entry.fields.note).toMatch(/^The newsletter links arXiv:2410\.21647 to two different papers/);
    const item = (JSON.parse(toCslJson([record])) as Record<string, unknown>[])[0]!;
    expect(item).not.toHaveProperty('DOI');
    expect(item.note).toMatch(/^The newsletter links arXiv:2410\.21647 to two different papers/);
  });

  it('is listed in the Markdown reading list without the id, saying why', () => {
    const line = toMarkdown([record], '2025-01-15')
      .split('\n')
      .find((text) => text.startsWith('- '))!;
    expect(line).not.toContain('2410.21647');
    expect(line).toContain('the newsletter gives its arXiv id to two different papers');
  });
});

describe('links in every export', () => {
  const hostile: BookmarkSnapshot = {
    ...webSnapshot,
    paper: { title: 'A paper', url: 'javascript:alert(document.domain)', arxivId: null },
    url: 'https://example.com/fallback',
  };
  const record: ExportRecord = {
    bookmark: bookmark('2024-10-27-hostile-link', hostile),
    snapshot: hostile,
    appUrl: 'https://reader.example/entries/2024-10-27-hostile-link',
  };

  it('are only http(s): a javascript: paper link gives way to the entry link, else to the page here', () => {
    expect((JSON.parse(toCslJson([record])) as { URL: string }[])[0]!.URL).toBe('https://example.com/fallback');
    expect(parse(toBibtex([record]), { sentenceCase: false }).entries[0]!.fields.url).toBe(
      'https://example.com/fallback',
    );
    const noLink = { ...record, snapshot: { ...hostile, url: 'data:text/html,x' } };
    expect((JSON.parse(toCslJson([noLink])) as { URL: string }[])[0]!.URL).toBe(record.appUrl);
  });
});
