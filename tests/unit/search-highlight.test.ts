import { describe, expect, it } from 'vitest';
import {
  bestSnippet,
  highlightText,
  NO_HIGHLIGHT,
  SNIPPET_LENGTH,
  type TextSegment,
} from '@/features/search/lib/highlight';

/** The snippet as text with [marks]. */
function show(segments: readonly TextSegment[]): string {
  return segments.map((segment) => (segment.mark ? `[${segment.text}]` : segment.text)).join('');
}

describe('highlightText', () => {
  it('marks matched words whole, whatever their case', () => {
    const segments = highlightText('Mixture-of-Experts as Embedding Models', {
      ...NO_HIGHLIGHT,
      terms: new Set(['mixture', 'experts']),
    });
    expect(show(segments)).toBe('[Mixture]-of-[Experts] as Embedding Models');
  });

  it('marks words starting with the word being typed', () => {
    expect(show(highlightText('Transformers transform text', { ...NO_HIGHLIGHT, prefixes: ['transf'] }))).toBe(
      '[Transformers] [transform] text',
    );
  });

  it('folds accents, so Montreal marks Montréal', () => {
    expect(show(highlightText('Mila in Montréal', { ...NO_HIGHLIGHT, terms: new Set(['montreal']) }))).toBe(
      'Mila in [Montréal]',
    );
  });

  it('marks only the typed beginning of text written without spaces', () => {
    expect(show(highlightText('大規模言語モデルの推論', { ...NO_HIGHLIGHT, prefixes: ['大規模'] }))).toBe(
      '[大規模]言語モデルの推論',
    );
  });

  it('marks a phrase as one run, including the words between', () => {
    expect(
      show(
        highlightText('a large language model, and large models', {
          ...NO_HIGHLIGHT,
          phrases: [['large', 'language', 'model']],
        }),
      ),
    ).toBe('a [large language model], and large models');
  });

  it('keeps markup-like text as text', () => {
    const segments = highlightText('<script>alert(1)</script> bug', { ...NO_HIGHLIGHT, terms: new Set(['bug']) });
    expect(show(segments)).toBe('<script>alert(1)</script> [bug]');
  });
});

describe('bestSnippet', () => {
  it('chooses the sentence with the most distinct matches', () => {
    const passages = ['Routing is hard. Experts route tokens by a learned router.', 'Nothing here about it.'];
    const snippet = bestSnippet(passages, { ...NO_HIGHLIGHT, terms: new Set(['experts', 'router']) });
    expect(show(snippet)).toBe('[Experts] route tokens by a learned [router].');
  });

  it('cuts long passages around the first match, with ellipses', () => {
    const long = `${'Filler words go here. '.repeat(3).replace(/\. /g, ', ')}${'padding '.repeat(30)}the needle is here ${'tail '.repeat(60)}end.`;
    const snippet = bestSnippet([long], { ...NO_HIGHLIGHT, terms: new Set(['needle']) });
    const text = show(snippet);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('[needle]');
    expect(text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 10);
  });

  it('falls back to the start of the first passage when nothing matches', () => {
    expect(show(bestSnippet(['First passage.', 'Second.'], NO_HIGHLIGHT))).toBe('First passage.');
  });
});
