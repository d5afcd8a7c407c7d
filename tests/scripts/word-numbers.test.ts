// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { WordNumbers } from '../../scripts/lib/word-numbers';
import { tokenize } from '../../src/shared/search-options';

/** The words WordNumbers finds in `text`, spelt out. */
function wordsOf(table: WordNumbers, text: string): string[] {
  const numbers: number[] = [];
  table.scan(text, numbers);
  return numbers.map((number) => table.words[number] ?? '');
}

const TEXTS = [
  'Montréal’s GPT-4o beats o1-preview (2410.02959) on MATH; see https://example.org/a_b?c=d.',
  'Montre\u0301al, naïve café, ßtraße, Œuvre, İstanbul, ſtate',
  '大規模言語モデル の 評価 と 東京 2024年',
  'emoji 🚀rocket🚀 and 𝐁𝐨𝐥𝐝 math letters, 𝟙𝟚 digits',
  'lone \ud83d surrogate \ude80 halves\ud83d',
  '  leading and trailing  ',
  '',
];

describe('the build’s word table', () => {
  it('splits text into the same words as the search tokenizer, astral letters and stray surrogates included', () => {
    const table = new WordNumbers();
    for (const text of TEXTS) expect(wordsOf(table, text)).toEqual(tokenize(text));
  });

  it('gives a word the same number every time it occurs, and different words different numbers', () => {
    const table = new WordNumbers();
    const many = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    const first: number[] = [];
    table.scan(many, first);
    const again: number[] = [];
    table.scan(`${many} Model model`, again);
    expect(again.slice(0, 5000)).toEqual(first);
    expect(new Set(first).size).toBe(5000);
    expect(table.words[again[5000] ?? -1]).toBe('Model');
    expect(table.words[again[5001] ?? -1]).toBe('model');
  });
});
