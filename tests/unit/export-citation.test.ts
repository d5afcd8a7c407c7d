import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '@/features/bookmarks/lib/bookmark-model';
import { toBibtex } from '@/features/bookmarks/lib/export-bibtex';
import { toCslJson } from '@/features/bookmarks/lib/export-csl';
import { toBibtexEntry } from '@/lib/citation/bibtex';
import { citationKind, type CitationSource } from '@/lib/citation/citation-source';
import { toCslItem } from '@/lib/citation/csl';
import { entryCitationSource } from '@/lib/citation/entry-source';
import { identifierLines, zoteroIdentifiers } from '@/lib/citation/identifiers';
import { makeBookmark } from '../support/bookmarks';
import { fixtureBundle } from '../support/fixture-bundle';

/** A paper entry's source with nothing but what a test names. */
function source(extra: Partial<CitationSource> = {}): CitationSource {
  return {
    id: '2024-10-27-an-entry',
    headline: 'An Entry',
    paper: null,
    url: 'https://example.com/news',
    outlet: null,
    publishedOn: '2024-10-24',
    issueDate: '2024-10-27',
    organizations: [],
    disputed: false,
    appUrl: 'https://reader.example/entries/2024-10-27-an-entry',
    publication: 'Neural Frontier',
    accessed: '2025-01-15',
    note: '',
    tags: [],
    ...extra,
  };
}

const nature = source({
  paper: {
    title: 'Scalable watermarking for identifying large language model outputs',
    url: 'https://www.nature.com/articles/s41586-024-08025-4',
    arxivId: null,
    doi: '10.1038/s41586-024-08025-4',
  },
  url: 'https://www.nature.com/articles/s41586-024-08025-4',
  outlet: 'Nature',
});

const arxiv = source({
  paper: { title: 'Mixture of Parrots', url: 'https://arxiv.org/pdf/2410.19034', arxivId: '2410.19034', doi: null },
  url: 'https://arxiv.org/pdf/2410.19034',
  outlet: 'arXiv',
});

/** The fields of the one BibTeX record, read back as Zotero's Better BibTeX would. */
function bibtexFields(item: CitationSource): { type: string; fields: Record<string, unknown> } {
  const library = parse(toBibtexEntry(item), { sentenceCase: false });
  expect(library.errors).toEqual([]);
  const [entry] = library.entries;
  return { type: entry!.type, fields: entry!.fields };
}

describe('the Cite menu and the bookmarks export cite alike', () => {
  it('gives the same BibTeX and CSL-JSON for an entry cited from its page and from a bookmark of it', () => {
    for (const entry of fixtureBundle.entries) {
      const appUrl = `https://reader.example/entries/${entry.id}`;
      const fromPage = entryCitationSource(entry, {
        issueDate: entry.issueId,
        appUrl,
        publication: 'Neural Frontier',
        accessed: '2025-01-15',
      });
      const snapshot = snapshotOf(entry);
      const record = { bookmark: makeBookmark(entry.id, snapshot), snapshot, appUrl, publication: 'Neural Frontier' };
      expect(toBibtex([record])).toBe(toBibtexEntry(fromPage));
      expect(toCslJson([record])).toBe(`${JSON.stringify([toCslItem(fromPage)], null, 2)}\n`);
    }
  });
});

describe('reference types', () => {
  it('types arXiv and other preprints, journal articles, organisations’ reports, other papers and web pages', () => {
    expect(citationKind(arxiv)).toBe('preprint');
    expect(citationKind(source({ paper: { ...nature.paper!, doi: null }, outlet: 'bioRxiv' }))).toBe('preprint');
    expect(citationKind(nature)).toBe('article');
    expect(citationKind(source({ paper: { ...nature.paper!, doi: null }, outlet: 'OpenAI' }))).toBe('report');
    expect(citationKind(source({ paper: { ...nature.paper!, doi: null }, outlet: 'dl.acm.org' }))).toBe('paper');
    expect(citationKind(source())).toBe('webpage');
  });

  it('writes a Nature paper as a journal article in Nature with its DOI and its own URL, not as @online', () => {
    const { type, fields } = bibtexFields(nature);
    expect(type).toBe('article');
    expect(fields.journal).toBe('Nature');
    expect(fields.doi).toBe('10.1038/s41586-024-08025-4');
    expect(fields.url).toBe('https://www.nature.com/articles/s41586-024-08025-4');
    expect(fields.title).toBe('Scalable watermarking for identifying large language model outputs');
    expect(fields.eprint).toBeUndefined();
    expect(toCslItem(nature)).toMatchObject({
      type: 'article-journal',
      'container-title': 'Nature',
      DOI: '10.1038/s41586-024-08025-4',
      URL: 'https://www.nature.com/articles/s41586-024-08025-4',
      issued: { 'date-parts': [[2024, 10, 24]] },
    });
  });

  it('writes a paper an organisation published itself as its report, keeping the PDF link', () => {
    const report = source({
      paper: {
        title: 'Measuring short-form factuality in large language models',
        url: 'https://cdn.openai.com/papers/simpleqa.pdf',
        arxivId: null,
        doi: null,
      },
      outlet: 'OpenAI',
    });
    const { type, fields } = bibtexFields(report);
    expect(type).toBe('techreport');
    expect(fields.institution).toEqual(['OpenAI']);
    expect(fields.url).toBe('https://cdn.openai.com/papers/simpleqa.pdf');
    expect(toCslItem(report)).toMatchObject({ type: 'report', publisher: 'OpenAI' });
  });

  it('gives a paper on an unnamed host its DOI and link, and names no host as its publisher', () => {
    const acm = source({
      paper: {
        title: 'LLMs as consensus machines',
        url: 'https://dl.acm.org/doi/pdf/10.1145/3688007',
        arxivId: null,
        doi: '10.1145/3688007',
      },
      outlet: 'dl.acm.org',
    });
    const { type, fields } = bibtexFields(acm);
    expect(type).toBe('misc');
    expect(fields.doi).toBe('10.1145/3688007');
    expect(fields.url).toBe('https://dl.acm.org/doi/pdf/10.1145/3688007');
    expect(fields.publisher).toBeUndefined();
    const item = toCslItem(acm);
    expect(item).toMatchObject({ type: 'article', DOI: '10.1145/3688007' });
    expect(item).not.toHaveProperty('publisher');
  });

  it('gives an arXiv paper with a known DOI that DOI and keeps its eprint', () => {
    const published = source({ ...arxiv, paper: { ...arxiv.paper!, doi: '10.1000/journal.123' } });
    const { type, fields } = bibtexFields(published);
    expect(type).toBe('misc');
    expect(fields.eprint).toBe('2410.19034');
    expect(fields.doi).toBe('10.1000/journal.123');
    expect(toCslItem(published)).toMatchObject({ DOI: '10.1000/journal.123', number: 'arXiv:2410.19034' });
  });

  it('names the site a web page is on', () => {
    expect(toCslItem(source({ outlet: 'PCMag' }))).toMatchObject({ type: 'webpage', 'container-title': 'PCMag' });
    expect(bibtexFields(source({ outlet: 'PCMag' })).type).toBe('online');
  });
});

describe('a paper whose arXiv id the newsletter gives to two papers', () => {
  const disputed = source({ ...arxiv, disputed: true, organizations: ['MIT'] });

  it('is cited with no eprint, arXiv id or DOI, links its entry here, and says why', () => {
    const bib = toBibtexEntry(disputed);
    expect(bib).not.toMatch(/eprint|archivePrefix|doi =|arxiv\.org/);
    const { type, fields } = bibtexFields(disputed);
    expect(type).toBe('misc');
    expect(fields.url).toBe(disputed.appUrl);
    expect(fields.note).toBe(
      'The newsletter links arXiv:2410.19034 to two different papers, so no arXiv id or DOI is given; check which paper this is before citing it. Organisations: MIT',
    );
    const item = toCslItem(disputed);
    expect(item).not.toHaveProperty('DOI');
    expect(item).not.toHaveProperty('number');
    expect(item.URL).toBe(disputed.appUrl);
    expect(item.note?.split('\n')[0]).toMatch(/^The newsletter links arXiv:2410\.19034 to two different papers/);
  });

  it('drops a known DOI too', () => {
    const withDoi = source({ ...nature, disputed: true });
    expect(toBibtexEntry(withDoi)).not.toContain('doi =');
    expect(toCslItem(withDoi)).not.toHaveProperty('DOI');
  });
});

describe('identifiers for Zotero', () => {
  it('lists each paper once, by DOI when known, else by arXiv id, and counts what has none or is disputed', () => {
    const identifiers = zoteroIdentifiers([
      arxiv,
      nature,
      source(),
      { ...arxiv, id: 'same-paper-again' },
      { ...arxiv, paper: { ...arxiv.paper!, arxivId: '2410.02762' }, disputed: true },
      source({ ...arxiv, paper: { ...arxiv.paper!, arxivId: 'cs/0112017' } }),
    ]);
    expect(identifiers).toEqual({
      arxivIds: ['arXiv:2410.19034', 'arXiv:cs/0112017'],
      dois: ['10.1038/s41586-024-08025-4'],
      withoutIdentifier: 1,
      disputed: 1,
    });
    expect(identifierLines(identifiers.arxivIds)).toBe('arXiv:2410.19034\narXiv:cs/0112017\n');
    expect(identifierLines([])).toBe('');
  });
});
