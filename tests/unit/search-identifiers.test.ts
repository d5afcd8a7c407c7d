import { describe, expect, it } from 'vitest';
import { normalizeUrl, parseIdentifier } from '@/features/search/lib/identifiers';
import { formatQuery, isEmptyQuery, parseQuery } from '@/features/search/lib/query-parser';
import type { Entry } from '@/shared/bundle';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { searchableArchive } from '../support/search-engine';

const REPOCOD = '2024-11-02-benchmarking-code-generation';
const NATURE = '2024-10-27-scalable-watermarking';

/** The fixture, plus a Nature paper with a DOI and an entry that only links to the REPOCOD paper. */
const bundle = makeFixtureArchive((archive) => {
  const base = archive.entries.find((entry) => entry.id === '2024-10-27-mixture-of-parrots')!;
  const extra: Entry[] = [
    {
      ...base,
      id: NATURE,
      headline: 'Scalable Watermarking for Language Model Outputs',
      summary: 'Google DeepMind published SynthID-Text in Nature.',
      organizations: ['Google DeepMind'],
      paper: {
        title: 'Scalable watermarking for identifying large language model outputs',
        arxivId: null,
        doi: '10.1038/s41586-024-08025-4',
        url: 'https://www.nature.com/articles/s41586-024-08025-4',
      },
      links: [{ url: 'https://www.nature.com/articles/s41586-024-08025-4', label: 'paper', kind: 'paper' }],
      body: [[{ type: 'text', text: 'A watermark that survives light editing.' }]],
      topics: ['Safety & Security'],
      paperGroup: null,
      position: 4,
    },
    {
      ...base,
      id: '2024-10-27-code-benchmarks-roundup',
      headline: 'Code Benchmarks Roundup',
      summary: 'A look at this month’s code generation benchmarks, REPOCOD among them.',
      organizations: [],
      kind: 'news',
      paper: null,
      links: [{ url: 'https://arxiv.org/abs/2410.21647v1', label: 'REPOCOD', kind: 'article' }],
      body: [[{ type: 'text', text: 'Several new benchmarks for code generation appeared.' }]],
      topics: ['Code'],
      paperGroup: null,
      position: 5,
    },
  ];
  archive.entries.push(...extra);
  archive.issues.find((issue) => issue.id === '2024-10-27')!.entryIds.push(...extra.map((entry) => entry.id));
});

const { search, ids } = await searchableArchive(bundle);

describe('identifiers in the query', () => {
  it('reads arXiv ids in every form people paste them', () => {
    for (const text of [
      '2410.21647',
      'arXiv:2410.21647',
      'ARXIV:2410.21647v2',
      '2410.21647v2',
      'https://arxiv.org/abs/2410.21647',
      'arxiv.org/pdf/2410.21647',
      'http://export.arxiv.org/abs/2410.21647v3',
      'https://arxiv.org/pdf/2410.21647v1.pdf',
      'https://huggingface.co/papers/2410.21647',
      '(2410.21647),',
      'https://doi.org/10.48550/arXiv.2410.21647',
    ]) {
      expect(parseIdentifier(text), text).toMatchObject({ kind: 'arxiv', value: '2410.21647' });
    }
    expect(parseIdentifier('arXiv:hep-th/9901001v2')).toMatchObject({ kind: 'arxiv', value: 'hep-th/9901001' });
  });

  it('reads DOIs, bare or as links, case-insensitively', () => {
    for (const text of [
      '10.1038/s41586-024-08025-4',
      'doi:10.1038/S41586-024-08025-4',
      'https://doi.org/10.1038/s41586-024-08025-4',
      'https://dx.doi.org/10.1038%2Fs41586-024-08025-4',
      'https://dl.acm.org/doi/pdf/10.1038/s41586-024-08025-4',
    ]) {
      expect(parseIdentifier(text), text).toMatchObject({ kind: 'doi', value: '10.1038/s41586-024-08025-4' });
    }
  });

  it('reads other links as links, without what does not change the page', () => {
    expect(parseIdentifier('https://www.GitHub.com/lt-asset/REPOCOD/?utm_source=x#readme')).toMatchObject({
      kind: 'url',
      value: 'github.com/lt-asset/repocod',
    });
    expect(normalizeUrl('http://example.com/a/?b=1&utm_medium=mail')).toBe('example.com/a?b=1');
  });

  it('leaves ordinary words, version numbers and dates alone', () => {
    for (const text of ['gpt-4.5', '3.14159', '2024.1234', '10.5', 'v2.0', 'issue:2024-10', 'arxiv']) {
      expect(parseIdentifier(text), text).toBeNull();
    }
  });

  it('keeps identifiers out of the words, and writes them back as typed', () => {
    const query = parseQuery('arXiv: 2410.21647 repocod -10.1038/s41586-024-08025-4');
    expect(query.words).toEqual(['repocod']);
    expect(query.identifiers.map((identifier) => identifier.value)).toEqual(['2410.21647']);
    expect(query.excludedIdentifiers.map((identifier) => identifier.value)).toEqual(['10.1038/s41586-024-08025-4']);
    expect(query.partialWord).toBeNull();
    expect(formatQuery(query)).toBe('repocod 2410.21647 -10.1038/s41586-024-08025-4');
    expect(isEmptyQuery(parseQuery('2410.21647'))).toBe(false);
  });
});

describe('searching by identifier', () => {
  it('finds the entry about a paper from its arXiv id in any form, first', () => {
    for (const query of [
      '2410.21647',
      'arXiv:2410.21647',
      '2410.21647v2',
      'https://arxiv.org/abs/2410.21647',
      'arxiv.org/pdf/2410.21647',
      'arXiv: 2410.21647',
    ]) {
      expect(ids(query)[0], query).toBe(REPOCOD);
    }
  });

  it('lists an entry that only links to the paper after the entry about it', () => {
    expect(ids('2410.21647')).toEqual([REPOCOD, '2024-10-27-code-benchmarks-roundup']);
  });

  it('finds every entry about a paper covered twice', () => {
    expect(ids('https://arxiv.org/abs/2410.10814').sort()).toEqual([
      '2024-10-21-moe-llms-as-embedding-models',
      '2024-11-02-mixture-of-experts-as-embedding-models',
    ]);
    expect(search('2410.10814', { groupByPaper: true }).total).toBe(1);
  });

  it('finds an entry by its paper’s DOI, bare or as a link', () => {
    for (const query of [
      '10.1038/s41586-024-08025-4',
      'https://doi.org/10.1038/s41586-024-08025-4',
      'https://www.nature.com/articles/s41586-024-08025-4',
    ]) {
      expect(ids(query), query).toEqual([NATURE]);
    }
  });

  it('finds an entry by any link it gives', () => {
    expect(ids('https://github.com/lt-asset/REPOCOD')).toEqual([REPOCOD]);
  });

  it('ranks entries named by an identifier above entries matching the words', () => {
    const results = ids('2410.19034 embedding ');
    expect(results[0]).toBe('2024-10-27-mixture-of-parrots');
    expect(results.slice(1)).toEqual(expect.arrayContaining(['2024-11-02-mixture-of-experts-as-embedding-models']));
  });

  it('finds nothing, and suggests nothing, for an identifier the archive lacks', () => {
    const response = search('arXiv:2501.00001');
    expect(response.total).toBe(0);
    expect(response.suggestion).toBeNull();
  });

  it('leaves out the entries of an excluded identifier, and applies filters', () => {
    expect(ids('code -2410.21647')).not.toContain(REPOCOD);
    expect(ids('2410.21647', { selection: { kind: ['paper'] } })).toEqual([REPOCOD]);
    expect(ids('2410.21647 org:purdue')).toEqual([REPOCOD]);
  });

  it('sorts identifier matches by date on request', () => {
    const response = search('2410.10814', { sort: 'oldest' });
    expect(response.sort).toBe('oldest');
    expect(response.hits.map((hit) => hit.entry.issueId)).toEqual(['2024-10-21', '2024-11-02']);
  });
});
