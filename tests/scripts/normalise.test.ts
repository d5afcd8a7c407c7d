// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { inferYearFromArxiv, resolveEntryYear } from '../../scripts/lib/dates';
import { arxivIdFromUrl, cleanUrl } from '../../scripts/lib/links';
import {
  nearDuplicateOrganizations,
  OrganizationCanon,
  organizationKey,
  organizationPhrase,
  splitOrganizations,
} from '../../scripts/lib/organizations';
import { build, messages, tables } from './helpers';

describe('links', () => {
  it('removes tracking parameters and keeps the others', () => {
    expect(
      cleanUrl('https://openai.com/index/x/?utm_source=a&utm_medium=b&_bhlid=c&fbclid=d&mc_cid=e&mc_eid=f&page=2'),
    ).toEqual({
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
  ])('recognises the arXiv id of %s, with the mirrors in data/sources.json', (url, id) => {
    expect(arxivIdFromUrl(url, tables.sources.arxivMirrors)).toBe(id);
  });
});

describe('organisations', () => {
  const canon = new OrganizationCanon(tables.organizations);
  const canonical = (phrase: string) => splitOrganizations(phrase).map((name) => canon.lookup(name) ?? name);

  it('splits a phrase into names', () => {
    expect(splitOrganizations('Google, UIUC, Princeton Uni, and Allen Inst for AI')).toEqual([
      'Google',
      'UIUC',
      'Princeton Uni',
      'Allen Inst for AI',
    ]);
    expect(splitOrganizations('MIT, Nvidia et al')).toEqual(['MIT', 'Nvidia']);
    expect(splitOrganizations('Uni of Wisconsic-Madison, Nvidia, Cornell Uni, et al')).toEqual([
      'Uni of Wisconsic-Madison',
      'Nvidia',
      'Cornell Uni',
    ]);
    expect(
      splitOrganizations(
        'about 40 researchers from different universities/institutes include Uni of Alberta, Uni of Georgia etc.',
      ),
    ).toEqual(['Uni of Alberta', 'Uni of Georgia']);
    expect(splitOrganizations('DeepWisdom, Uni de Montreal & Mila and Google')).toEqual([
      'DeepWisdom',
      'Uni de Montreal',
      'Mila',
      'Google',
    ]);
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

  it('names the publisher of the State of AI Report, not the report', () => {
    expect(canonical('Stateof.ai and airstreet.com')).toEqual(['Air Street Capital', 'Air Street Capital']);
    expect(tables.organizations.map((organization) => organization.name)).not.toContain('State of AI Report');
  });

  it('finds the names the table knows in running text, longest first, in capitals where the table writes them so', () => {
    expect(canon.namesIn('Google’s AI project, “Big Sleep,” found a bug in SQLite.')).toEqual(['Google']);
    expect(canon.namesIn('Researchers at Uni of Maryland (UMD) and Microsoft; Microsoft again.')).toEqual([
      'University of Maryland',
      'Microsoft',
    ]);
    expect(canon.namesIn('a fair comparison of apple and amazon, mit or meta-learning')).toEqual([]);
    expect(canon.namesIn('FAIR and MIT, but not Fair Play or Mit')).toEqual(['Meta', 'MIT']);
    expect(canon.namesIn('Meta-learning helps')).toEqual([]);
    expect(canon.namesIn('Meta’s new model')).toEqual(['Meta']);
  });

  it('takes names from the headline or summary when the body names none before its link, else reports it', () => {
    const result = build(
      [
        '***Nov 2, 2024***',
        '',
        '1. ***AI Identifies Database Vulnerability:  <br>Google’s AI project found a bug in SQLite.*** <br> <br>',
        '   Nov 2, [according to PCMag](https://au.pcmag.com/ai/108079/big-sleep), an AI project found a bug. <br> <br>',
        '',
        '2. ***Nobel Prize:  <br>Two physicists won the Nobel Prize.*** <br> <br>',
        '   Oct 10, [according to Reuters](https://www.reuters.com/science/nobel), two physicists won. <br> <br>',
        '',
        '3. ***Microsoft agents:  <br>OpenAI and Google are behind.*** <br> <br>',
        '   Oct 9, Microsoft is building [agents](https://example.org/agents). <br> <br>',
        '',
      ].join('\n'),
    );
    expect(result.bundle?.entries.map((entry) => entry.organizations)).toEqual([['Google'], [], ['Microsoft']]);
    expect(messages(result, 'info').filter((m) => m.includes('has no organisation'))).toEqual([
      'doc1.md:6: info: entry 2 (2024-11-02-nobel-prize) has no organisation: its body names none before its first link, and its headline and summary name none that data/organizations.json knows',
    ]);
  });
});

describe('possible duplicate organisations', () => {
  it('pairs names written two ways: same words, or a typo or two', () => {
    const pairs = nearDuplicateOrganizations([
      'Uni of Maryland',
      'University of Maryland',
      'Uni Maryland',
      'UC Berkley',
      'UC Berkeley',
      'Hugging face',
      'HuggingFace',
      'Northeastern University',
      'Northwestern University',
      'Stanford',
      'MIT',
      'MIT-IBM Lab',
    ]);
    expect(pairs).toEqual([
      ['Hugging face', 'HuggingFace'],
      ['Northeastern University', 'Northwestern University'],
      ['UC Berkeley', 'UC Berkley'],
      ['Uni Maryland', 'Uni of Maryland'],
      ['Uni Maryland', 'University of Maryland'],
      ['Uni of Maryland', 'University of Maryland'],
    ]);
  });

  it('finds every pair in the curated table that comparing all pairs finds', () => {
    const names = tables.organizations.flatMap((organization) => [organization.name, ...organization.aliases]);
    expect(nearDuplicateOrganizations(names)).toEqual(allPairs(names));
  });

  it('lists the first 50 of 5,000 near-identical new names, then one line for the rest', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `Lab ${String(i).padStart(4, '0')} Research`);
    const entries = Array.from({ length: 500 }, (_, i) => {
      const phrase = names.slice(i * 10, i * 10 + 10).join(', ');
      return `${i + 1}. ***Lab work ${i + 1}:  <br>Summary ${i + 1}.*** <br> <br>\n   Oct 31, ${phrase} published a [paper](https://arxiv.org/pdf/2410.${String(i).padStart(5, '0')}) “Lab work ${i + 1}”. <br> <br>\n`;
    });
    const result = build(`***Nov 2, 2024***\n\n${entries.join('')}`);
    expect(messages(result, 'error')).toEqual([]);
    const duplicates = messages(result, 'info').filter((m) => m.includes('possible duplicate organisations'));
    expect(duplicates).toHaveLength(51);
    expect(duplicates[0]).toBe(
      'data/organizations.json:1: info: possible duplicate organisations: "Lab 0000 Research" and "Lab 0001 Research"',
    );
    expect(duplicates[50]).toMatch(
      /^data\/organizations\.json:1: info: … and \d+ more possible duplicate organisations$/,
    );
    expect(messages(result, 'info').length).toBeLessThanOrEqual(52);
  });
});

/** The reference answer: every pair of names compared, by the same rule. */
function allPairs(names: readonly string[]): [string, string][] {
  const sorted = [...new Set(names)].sort();
  const keys = sorted.map(organizationKey);
  const pairs: [string, string][] = [];
  sorted.forEach((a, i) => {
    sorted.forEach((b, j) => {
      const keyA = keys[i] ?? '';
      const keyB = keys[j] ?? '';
      if (j > i && (keyA === keyB || (Math.min(keyA.length, keyB.length) >= 5 && levenshtein(keyA, keyB) <= 2)))
        pairs.push([a, b]);
    });
  });
  return pairs;
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

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
