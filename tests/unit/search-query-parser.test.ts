import { describe, expect, it } from 'vitest';
import { formatQuery, isEmptyQuery, parseQuery } from '@/features/search/lib/query-parser';

describe('parseQuery', () => {
  it('reads plain words and marks the last one as still being typed', () => {
    const query = parseQuery('mixture of exp');
    expect(query.words).toEqual(['mixture', 'of', 'exp']);
    expect(query.partialWord).toBe('exp');
  });

  it('treats a word followed by a space as finished', () => {
    expect(parseQuery('mixture ').partialWord).toBeNull();
  });

  it('reads quoted phrases, and a one-word phrase as a word', () => {
    const query = parseQuery('"large language models" "moe"');
    expect(query.phrases).toEqual(['large language models']);
    expect(query.words).toEqual(['moe']);
    expect(query.partialWord).toBeNull();
  });

  it('reads exclusions of words and phrases', () => {
    const query = parseQuery('agents -web -"computer use"');
    expect(query.words).toEqual(['agents']);
    expect(query.excludedWords).toEqual(['web']);
    expect(query.excludedPhrases).toEqual(['computer use']);
  });

  it('reads field filters, quoted values and negated filters', () => {
    const query = parseQuery('org:Google topic:"Mixture of Experts" -issue:2024-10 routing');
    expect(query.filters).toEqual([
      { field: 'org', value: 'Google', negated: false },
      { field: 'topic', value: 'Mixture of Experts', negated: false },
      { field: 'issue', value: '2024-10', negated: true },
    ]);
    expect(query.words).toEqual(['routing']);
  });

  it('keeps hyphenated words as words, not exclusions', () => {
    expect(parseQuery('read-me').words).toEqual(['read', 'me']);
    expect(parseQuery('read-me').excludedWords).toEqual([]);
  });

  it('ignores a lone quote, a lone minus and a filter with no value', () => {
    for (const input of ['"', '-', ' - ', '""', 'org:', '-org:', '   ']) {
      expect(isEmptyQuery(parseQuery(input)), input).toBe(true);
    }
  });

  it('searches an unfinished phrase as words until the closing quote', () => {
    const query = parseQuery('"mixture of exp');
    expect(query.phrases).toEqual([]);
    expect(query.words).toEqual(['mixture', 'of', 'exp']);
    expect(query.partialWord).toBe('exp');
  });

  it('reads unknown field names as plain words', () => {
    expect(parseQuery('author:smith').words).toEqual(['author', 'smith']);
  });

  it('is case-insensitive about field names', () => {
    expect(parseQuery('ORG:Meta').filters).toEqual([{ field: 'org', value: 'Meta', negated: false }]);
  });

  it('round-trips through formatQuery', () => {
    const input = 'moe "expert routing" -dense -"fine tuning" org:"UC Berkeley" -topic:Agents';
    const query = parseQuery(input);
    const again = parseQuery(formatQuery(query));
    expect({ ...again, partialWord: null }).toEqual({ ...query, partialWord: null });
  });
});
