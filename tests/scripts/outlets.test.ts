import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, classifyLink } from '../../scripts/lib/links';
import { outletOf, type SourceTable } from '../../scripts/lib/outlets';
import type { Entry } from '../../src/shared/bundle';

const { publishers } = JSON.parse(readFileSync('data/sources.json', 'utf8')) as SourceTable;

function withPaperAt(url: string): Pick<Entry, 'paper' | 'links'> {
  return {
    paper: { title: 'A paper', arxivId: null, doi: null, url },
    links: [{ url, label: 'paper', kind: 'paper' }],
  };
}

describe('outletOf, with the table in data/sources.json', () => {
  it('names well-known hosts and their subdomains, and falls back to the host name', () => {
    expect(outletOf(withPaperAt('https://arxiv.org/abs/2410.21647'), publishers)).toBe('arXiv');
    expect(outletOf(withPaperAt('https://cdn.openai.com/papers/x.pdf'), publishers)).toBe('OpenAI');
    expect(outletOf(withPaperAt('https://www.nature.com/articles/x'), publishers)).toBe('Nature');
    expect(outletOf(withPaperAt('https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1'), publishers)).toBe('SSRN');
    expect(outletOf(withPaperAt('https://dl.acm.org/doi/1'), publishers)).toBe('dl.acm.org');
  });

  it('uses the first paper or article link of an entry without a paper, else its first link', () => {
    const news: Pick<Entry, 'paper' | 'links'> = {
      paper: null,
      links: [
        { url: 'https://github.com/x/y', label: 'code', kind: 'code' },
        { url: 'https://www.pcmag.com/news/x', label: 'article', kind: 'article' },
      ],
    };
    expect(outletOf(news, publishers)).toBe('PCMag');
    expect(outletOf({ paper: null, links: [news.links[0]!] }, publishers)).toBe('GitHub');
    expect(outletOf({ paper: null, links: [] }, publishers)).toBeNull();
  });

  it('never takes a name from outside the table', () => {
    expect(outletOf(withPaperAt('https://x.constructor/a'), publishers)).toBe('x.constructor');
    expect(outletOf(withPaperAt('https://example.org/a'), { 'example.org': 'Example' })).toBe('Example');
  });
});

describe('arXiv mirrors, listed in data/sources.json', () => {
  it('name a paper only when the table lists their host', () => {
    const url = 'https://papers.cool/arxiv/2410.08146v2';
    expect(arxivIdFromUrl(url, ['papers.cool'])).toBe('2410.08146');
    expect(classifyLink('https://papers.cool/venue/x', 'see', ['papers.cool'])).toBe('paper');
    expect(arxivIdFromUrl(url, [])).toBeNull();
    expect(classifyLink('https://papers.cool/venue/x', 'see', [])).toBe('article');
    expect(arxivIdFromUrl('https://papers.cool.evil.example/arxiv/2410.08146', ['papers.cool'])).toBeNull();
  });
});
