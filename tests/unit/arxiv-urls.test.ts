import { describe, expect, it } from 'vitest';
import { arxivAbsUrl, arxivPdfUrl, isArxivId } from '@/shared/arxiv';

describe('arXiv URLs, built in one place', () => {
  it('point at the abstract and the PDF of new- and old-style ids', () => {
    expect(arxivAbsUrl('2410.21647')).toBe('https://arxiv.org/abs/2410.21647');
    expect(arxivPdfUrl('2410.21647')).toBe('https://arxiv.org/pdf/2410.21647');
    expect(arxivAbsUrl('cs/0112017')).toBe('https://arxiv.org/abs/cs/0112017');
  });

  it('cannot be reshaped by a stored id that is not one', () => {
    expect(arxivAbsUrl('1?x=1#top')).toBe('https://arxiv.org/abs/1%3Fx%3D1%23top');
    expect(isArxivId('1?x=1#top')).toBe(false);
    expect(isArxivId('math.AG/0309136')).toBe(true);
  });
});
