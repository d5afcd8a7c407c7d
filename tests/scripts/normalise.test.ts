// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { inferYearFromArxiv, resolveEntryYear } from '../../scripts/lib/dates';
import { arxivIdFromUrl, cleanUrl } from '../../scripts/lib/links';
import { OrganizationCanon, organizationPhrase, splitOrganizations } from '../../scripts/lib/organizations';
import { tables } from './helpers';

describe('links', () => {
  it('removes tracking parameters and keeps the others', () => {
    expect(cleanUrl('https://openai.com/index/x/?utm_source=a&utm_medium=b&_bhlid=c&fbclid=d&mc_cid=e&mc_eid=f&page=2')).toEqual({
      ok: true,
      url: 'https://openai.com/index/x/?page=2',
    });
    expect(cleanUrl('https://a.org/?utm_source=x')).toEqual({ ok: true, url: 'https://a.org/' });
  });

  it('refuses schemes other than http and https', () => {
    expect(cleanUrl('javascript:alert(1)').ok).toBe(false);
    expect(cleanUrl('data:text/html,hi').ok).toBe(false);
    expect(cleanUrl('ftp://example.org/file').ok).toBe(false);
  });

  it.each([
    ['https://arxiv.org/abs/2410.05229', '2410.05229'],
    ['https://arxiv.org/pdf/2410.13852v1', '2410.13852'],
    ['https://www.arxiv.org/pdf/2410.02536', '2410.02536'],
    ['https://arxiv.org/pdf/2410.02536v3.pdf', '2410.02536'],
    ['https://papers.cool/arxiv/2410.08146#:~:text=A%20promising', '2410.08146'],
    ['https://arxiv.org/abs/cs/0112017', 'cs/0112017'],
    ['https://github.com/arxiv/2410.00001', null],
  ])('recognises the arXiv id of %s', (url, id) => {
    expect(arxivIdFromUrl(url)).toBe(id);
  });
});

describe('organisations', () => {
  const canon = new OrganizationCanon(tables.organizations);
  const canonical = (phrase: string) => splitOrganizations(phrase).map((name) => canon.lookup(name) ?? name);

  it('splits a phrase into names', () => {
    expect(splitOrganizations('Google, UIUC, Princeton Uni, and Allen Inst for AI')).toEqual(['Google', 'UIUC', 'Princeton Uni', 'Allen Inst for AI']);
    expect(splitOrganizations('MIT, Nvidia et al')).toEqual(['MIT', 'Nvidia']);
    expect(splitOrganizations('Uni of Wisconsic-Madison, Nvidia, Cornell Uni, et al')).toEqual(['Uni of Wisconsic-Madison', 'Nvidia', 'Cornell Uni']);
    expect(splitOrganizations('about 40 researchers from different universities/institutes include Uni of Alberta, Uni of Georgia etc.')).toEqual([
      'Uni of Alberta',
      'Uni of Georgia',
    ]);
    expect(splitOrganizations('DeepWisdom, Uni de Montreal & Mila and Google')).toEqual(['DeepWisdom', 'Uni de Montreal', 'Mila', 'Google']);
  });

  it('canonicalises aliases, ignoring case and diacritics', () => {
    expect(canonical('Uni of Maryland and Uni Maryland')).toEqual(['University of Maryland', 'University of Maryland']);
    expect(canonical('UC Berkley')).toEqual(['UC Berkeley']);
    expect(canonical('KAIST AI')).toEqual(['KAIST']);
    expect(canonical('Uni de Montreal and Uni of Montreal and UNIVERSITÉ DE MONTRÉAL')).toEqual([
      'Université de Montréal',
      'Université de Montréal',
      'Université de Montréal',
    ]);
    expect(canonical('Some New Lab')).toEqual(['Some New Lab']);
  });

  it('finds the phrase before the verb or the first link', () => {
    expect(organizationPhrase('Purdue Uni published a [paper]')).toBe('Purdue Uni');
    expect(organizationPhrase('Stateof.ai and airstreet.com [published]')).toBe('Stateof.ai and airstreet.com');
    expect(organizationPhrase('Microsoft is revolutionizing business processes with [agents]')).toBe('Microsoft');
    expect(organizationPhrase('[according to PCMag]')).toBe('');
  });
});

describe('dates', () => {
  it('resolves an entry date against its issue date', () => {
    expect(resolveEntryYear({ month: 12, day: 30, year: null }, '2025-01-05')).toBe(2024);
    expect(resolveEntryYear({ month: 1, day: 2, year: null }, '2025-01-05')).toBe(2025);
    expect(resolveEntryYear({ month: 10, day: 31, year: null }, '2024-11-02')).toBe(2024);
  });

  it('infers an issue year from its arXiv identifiers', () => {
    expect(inferYearFromArxiv({ month: 11, day: 2, year: null }, ['2410.21647', '2410.23743'])).toBe(2024);
    expect(inferYearFromArxiv({ month: 1, day: 5, year: null }, ['2512.00001', '2512.00002', '2601.00003'])).toBe(2026);
    expect(inferYearFromArxiv({ month: 1, day: 5, year: null }, [])).toBeNull();
  });
});
