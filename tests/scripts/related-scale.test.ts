// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { relatedEntries, type RelatedInput } from '../../scripts/lib/related';
import { createRandom } from '../../scripts/lib/random';

/** `count` documents of 30 words each from a vocabulary with a few common and many rare words, as real text has. */
function documents(count: number): RelatedInput[] {
  const random = createRandom(7);
  const vocabulary = Array.from({ length: 400 }, (_, i) => `word${i.toString(36)}x`);
  // Squaring a uniform number favours the first words, so some words are in most documents and most in few.
  const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)] ?? '';
  return Array.from({ length: count }, (_, i) => ({
    id: `entry-${String(i).padStart(6, '0')}`,
    text: Array.from({ length: 30 }, word).join(' '),
    group: null,
  }));
}

describe('related entries at scale', () => {
  it('scores a number of candidate pairs that grows linearly with the archive, not with its pairs', () => {
    const small = relatedEntries(documents(1000));
    const large = relatedEntries(documents(4000));
    // Comparing all pairs would make both ratios 16.
    expect(large.candidatePairs / small.candidatePairs).toBeLessThanOrEqual(5);
    expect(large.scoredPairs / small.scoredPairs).toBeLessThanOrEqual(5);
  });

  it('still finds the one other document that shares an entry’s rare words in a large archive', () => {
    const many = documents(4000);
    many.push(
      {
        id: 'zorvinta-a',
        text: `${many[0]?.text.split(' ').slice(0, 10).join(' ') ?? ''} Zorvinta Quamexlo Draselven benchmark`,
        group: null,
      },
      {
        id: 'zorvinta-b',
        text: `${many[1]?.text.split(' ').slice(0, 10).join(' ') ?? ''} Zorvinta Quamexlo Draselven leaderboard`,
        group: null,
      },
      { id: 'zorvinta-c', text: 'Zorvinta Quamexlo Draselven, a leaderboard', group: null },
    );
    const { related } = relatedEntries(many);
    expect(related.get('zorvinta-c')?.slice(0, 2).sort()).toEqual(['zorvinta-a', 'zorvinta-b']);
    expect(related.get('zorvinta-a')).toContain('zorvinta-b');
  });
});
