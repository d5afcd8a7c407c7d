import { describe, expect, it } from 'vitest';
import { relatedEntries } from '../../scripts/lib/related';

describe('related entries', () => {
  it('match words however they are accented or cased, as search does ("Montréal" is "Montreal")', () => {
    const { related } = relatedEntries([
      { id: 'mila', text: 'Mila in Montréal released a benchmark', group: null },
      { id: 'workshop', text: 'A MONTREAL workshop on robotics', group: null },
      { id: 'cooking', text: 'Recipes for sourdough bread', group: null },
    ]);
    expect(related.get('mila')).toEqual(['workshop']);
    expect(related.get('workshop')).toEqual(['mila']);
  });
});
