import { describe, expect, it } from 'vitest';
import {
  buildRecommender,
  recommenderFor,
  type Recommendation,
  type RecommendRequest,
} from '@/features/search/lib/recommend';
import type { Entry } from '@/shared/bundle';
import { fixtureBundle } from '../support/fixture-bundle';

const base = fixtureBundle.entries[0]!;

/** A plain entry: its text is its headline and one paragraph. */
function entry(id: string, headline: string, text: string, paperGroup: string | null = null): Entry {
  return {
    ...base,
    id,
    headline,
    summary: '',
    organizations: [],
    paper: null,
    links: [],
    body: [[{ type: 'text', text }]],
    topics: [],
    paperGroup,
    related: [],
  };
}

const entries: Entry[] = [
  entry(
    'moe-router',
    'A Better Router for Sparse Experts',
    'Gating networks route tokens to sparse experts; balancing the experts load keeps routing stable.',
    'moe-router',
  ),
  entry(
    'robot-grasping',
    'Robot Arms Learn to Grasp Cups',
    'A robot arm with tactile sensors grasps cups and mugs from cluttered kitchen shelves.',
  ),
  entry(
    'diffusion-watermarks',
    'Watermarks That Survive Diffusion Editing',
    'Invisible watermarks embedded in images survive diffusion editing and regeneration attacks.',
  ),
  entry(
    'moe-router-again',
    'Sparse Expert Routers, Revisited',
    'Gating networks route tokens to sparse experts; balancing the experts load keeps routing stable, again.',
    'moe-router',
  ),
  entry(
    'speech-synthesis',
    'Expressive Speech Synthesis',
    'A vocoder and prosody model produce expressive speech synthesis for audiobooks and voices.',
  ),
  entry(
    'speech-recognition',
    'Whispered Speech Recognition',
    'Recognising whispered speech with a prosody aware acoustic model and new voices corpus.',
  ),
  entry(
    'protein-folding',
    'Protein Folding at Scale',
    'Predicting protein structures and folding pathways for enzymes with a structure model.',
  ),
  entry(
    'weather-forecasts',
    'Global Weather Forecasts',
    'Forecasting global weather and cyclones days ahead from satellite observations.',
  ),
  entry(
    'moe-read',
    'Experts Routing Survey',
    'A survey of gating and routing tokens to sparse experts, and balancing their load.',
  ),
  entry(
    'bookmark-experts-routing',
    'Sparse Mixture of Experts Routing',
    'Token routing in sparse mixture of experts: gating networks choose experts for each token.',
  ),
  entry(
    'bookmark-experts-balancing',
    'Load Balancing for Experts',
    'Balancing the load across experts, so routing keeps every expert busy and gating stays stable.',
  ),
  entry(
    'bookmark-watermarks',
    'Watermarking Diffusion Images',
    'Watermarks for images made by diffusion models, robust to editing and regeneration.',
    'bookmark-watermarks',
  ),
  entry(
    'watermarks-retold',
    'Diffusion Watermarks, Retold',
    'Watermarks for images made by diffusion models, robust to editing, covered again.',
    'bookmark-watermarks',
  ),
  entry('cups-and-mugs', 'Kitchen Robots', 'Kitchen robots with tactile grippers stack cups and mugs on shelves.'),
  entry('cyclone-tracking', 'Cyclone Tracking', 'Tracking cyclones from satellite observations with weather models.'),
];

const bookmarks = ['bookmark-experts-routing', 'bookmark-experts-balancing', 'bookmark-watermarks'];

function request(overrides: Partial<RecommendRequest> = {}): RecommendRequest {
  return { bookmarkedIds: bookmarks, readIds: ['moe-read'], includeRead: false, limit: 20, ...overrides };
}

const recommender = buildRecommender(entries);

/** Where an entry is among the suggestions, or Infinity when it is not suggested. */
function rankOf(suggestions: readonly Recommendation[], id: string): number {
  const at = suggestions.findIndex((suggestion) => suggestion.entry.id === id);
  return at < 0 ? Infinity : at;
}
const ids = (overrides: Partial<RecommendRequest> = {}) =>
  recommender.recommend(request(overrides)).suggestions.map((suggestion) => suggestion.entry.id);

describe('For you ranking', () => {
  it('ranks entries sharing the bookmarks’ distinctive words above unrelated ones', () => {
    const ranked = ids();
    const rank = (id: string) => (ranked.includes(id) ? ranked.indexOf(id) : Infinity);
    expect(ranked[0]).toMatch(/^moe-router/);
    expect(rank('diffusion-watermarks')).toBeLessThan(Infinity);
    // Robots, proteins and weather share at most a common word ("model") with the bookmarks.
    for (const unrelated of ['robot-grasping', 'protein-folding', 'weather-forecasts', 'cups-and-mugs']) {
      expect(rank(unrelated)).toBeGreaterThan(rank('diffusion-watermarks'));
    }
    expect(ranked).not.toContain('cups-and-mugs');
  });

  it('names the bookmarks each suggestion is most like', () => {
    const { suggestions } = recommender.recommend(request());
    const router = suggestions.find((suggestion) => suggestion.entry.id.startsWith('moe-router'))!;
    expect(router.reasons.map((reason) => reason.entryId).sort()).toEqual([
      'bookmark-experts-balancing',
      'bookmark-experts-routing',
    ]);
    expect(router.reasons.map((reason) => reason.source)).toEqual(['bookmark', 'bookmark']);
    const watermarks = suggestions.find((suggestion) => suggestion.entry.id === 'diffusion-watermarks')!;
    expect(watermarks.reasons).toEqual([
      { entryId: 'bookmark-watermarks', headline: 'Watermarking Diffusion Images', source: 'bookmark' },
    ]);
  });

  it('leaves out bookmarked and read entries, and other entries about a bookmarked paper', () => {
    const ranked = ids();
    for (const id of [...bookmarks, 'moe-read', 'watermarks-retold']) expect(ranked).not.toContain(id);
    // Without the read entry marked read, it is the closest match of all.
    expect(ids({ readIds: [] })).toContain('moe-read');
  });

  it('suggests one entry per paper', () => {
    const ranked = ids();
    expect(ranked.filter((id) => id.startsWith('moe-router'))).toHaveLength(1);
    expect(new Set(ranked).size).toBe(ranked.length);
  });

  it('ranks by read entries too only when asked, and says so', () => {
    const readSpeech = { bookmarkedIds: ['bookmark-watermarks'], readIds: ['speech-synthesis'] };
    const without = recommender.recommend(request(readSpeech));
    expect(without.read).toBe(0);
    expect(without.suggestions[0]!.entry.id).toBe('diffusion-watermarks');
    const speechWithout = without.suggestions.find((suggestion) => suggestion.entry.id === 'speech-recognition');
    expect(speechWithout?.reasons.map((reason) => reason.source) ?? []).not.toContain('read');

    const { suggestions, read } = recommender.recommend(request({ ...readSpeech, includeRead: true }));
    expect(read).toBe(1);
    const speech = suggestions.find((suggestion) => suggestion.entry.id === 'speech-recognition')!;
    expect(speech.reasons[0]).toEqual({
      entryId: 'speech-synthesis',
      headline: 'Expressive Speech Synthesis',
      source: 'read',
    });
    // Reading about speech moves the other speech entry up.
    expect(rankOf(suggestions, 'speech-recognition')).toBeLessThan(rankOf(without.suggestions, 'speech-recognition'));
  });

  it('counts the suggestions beyond the limit and ignores ids the archive lacks', () => {
    const all = recommender.recommend(request({ bookmarkedIds: [...bookmarks, 'no-such-entry'] }));
    expect(all.bookmarks).toBe(3);
    const first = recommender.recommend(request({ limit: 1 }));
    expect(first.suggestions).toHaveLength(1);
    expect(first.more).toBe(all.suggestions.length - 1);
  });

  it('suggests nothing without bookmarks', () => {
    expect(recommender.recommend(request({ bookmarkedIds: [], readIds: [] })).suggestions).toEqual([]);
  });

  it('ranks the same when built in time slices, once per archive', async () => {
    const sliced = recommenderFor(entries, { sliceMs: 0 });
    expect(recommenderFor(entries)).toBe(sliced);
    expect((await sliced).recommend(request())).toEqual(recommender.recommend(request()));
  });
});
