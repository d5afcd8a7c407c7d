// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { OTHER_TOPIC, TopicMatcher } from '../../scripts/lib/topics';

const matcher = new TopicMatcher([
  { name: 'Agents', keywords: ['agent', 'tool use', 'GUI'] },
  { name: 'Efficiency', keywords: ['MoE', 'quantization'] },
  { name: 'Languages', keywords: ['日本語', 'café'] },
]);

describe('topic matching', () => {
  it('matches whole words case-insensitively, and acronyms only in capitals', () => {
    expect(matcher.match('An Agent for Tool Use', '')).toEqual(['Agents']);
    expect(matcher.match('Reagents in chemistry', 'a guide to guitars')).toEqual([OTHER_TOPIC]);
    expect(matcher.match('Sparse MoE layers', '')).toEqual(['Efficiency']);
    expect(matcher.match('Moe the bartender', '')).toEqual([OTHER_TOPIC]);
  });

  it('finds keywords spelt with the long s or outside Latin-1, which share character codes with other letters', () => {
    expect(matcher.match('Tool uſe at scale', '')).toEqual(['Agents']);
    expect(matcher.match('日本語 models', '')).toEqual(['Languages']);
    // U+65E5 U+672C U+8A9E share their low bytes with other characters; only the real word counts.
    expect(matcher.match('\u66e5\u682c\u8b9e models', '')).toEqual([OTHER_TOPIC]);
    expect(matcher.match('A CAFÉ study', '')).toEqual(['Languages']);
  });

  it('keeps each entry’s text separate: a keyword in one entry does not leak into the next', () => {
    expect(matcher.match('Quantization at 4 bits', 'with quantization aware training')).toEqual(['Efficiency']);
    expect(matcher.match('Protein folding', 'with quantum chemistry')).toEqual([OTHER_TOPIC]);
  });
});
