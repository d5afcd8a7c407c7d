import { describe, expect, it } from 'vitest';
import { stemOf } from '@/shared/search-options';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { addTextEntries, searchableArchive } from '../support/search-engine';

const SINGULAR = '2024-10-21-transformer-circuits';
const PLURAL = '2024-10-21-scaling-transformers';
const TRANSFORMING = '2024-10-21-transforming-search';

/** The fixture plus entries that use "transformer", "transformers" and "transforming". */
const bundle = makeFixtureArchive((archive) =>
  addTextEntries(archive, '2024-10-21', [
    {
      id: SINGULAR,
      headline: 'Transformer Circuits Explained',
      text: 'A study of attention heads in a small transformer.',
    },
    {
      id: PLURAL,
      headline: 'Scaling Transformers Efficiently',
      text: 'Larger transformers need less data per parameter.',
    },
    {
      id: TRANSFORMING,
      headline: 'Transforming Search',
      text: 'Search engines are transforming how readers find papers.',
    },
  ]),
);
const { search, ids } = await searchableArchive(bundle);
const marked = (query: string, id: string) => {
  const hit = search(query).hits.find((item) => item.entry.id === id)!;
  return [...hit.headline, ...hit.snippet].filter((segment) => segment.mark).map((segment) => segment.text);
};

describe('word forms', () => {
  it('stems with the Porter stemmer, leaving numbers and unspaced scripts alone', () => {
    expect(stemOf('transformers')).toBe(stemOf('transformer'));
    expect(stemOf('agents')).toBe('agent');
    expect(stemOf('gpt4o')).toBe('gpt4o');
    expect(stemOf('大規模')).toBe('大規模');
  });

  it('gives one set for a word and its plural, finished or still being typed', () => {
    for (const [one, other] of [
      ['transformer ', 'transformers '],
      ['transformer', 'transformers'],
      ['agent ', 'agents '],
      ['model', 'models'],
    ]) {
      expect(ids(one!).sort(), one).toEqual(ids(other!).sort());
    }
    expect(ids('transformer ')).toEqual(expect.arrayContaining([SINGULAR, PLURAL, TRANSFORMING]));
  });

  it('ranks the form typed above other forms', () => {
    expect(ids('transformer ')[0]).toBe(SINGULAR);
    expect(ids('transformers ')[0]).toBe(PLURAL);
    expect(ids('transforming ')[0]).toBe(TRANSFORMING);
  });

  it('highlights the other forms it matched', () => {
    expect(marked('transformer ', PLURAL)).toEqual(expect.arrayContaining(['Transformers', 'transformers']));
    expect(marked('transformers ', SINGULAR)).toEqual(expect.arrayContaining(['Transformer', 'transformer']));
  });

  it('keeps phrases and exclusions exact', () => {
    expect(ids('"small transformers"')).toEqual([]);
    expect(ids('"small transformer"')).toEqual([SINGULAR]);
    expect(ids('transformer -transformers')).not.toContain(PLURAL);
    expect(ids('transformer -transformers')).toContain(SINGULAR);
  });
});
