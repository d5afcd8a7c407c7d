// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { quotedTitleAfter } from '../../scripts/lib/build-archive';
import { parseInline } from '../../scripts/lib/inline';
import { doiFromUrl } from '../../scripts/lib/links';
import { build, messages } from './helpers';

/** The paper of a one-entry issue whose body is `body`, as the build reads it. */
function paperOf(body: string) {
  const result = build(`***Nov 2, 2024***\n\n1. ***The Headline:  <br>A summary.*** <br> <br>\n   ${body} <br> <br>\n`);
  expect(messages(result, 'error')).toEqual([]);
  return result.bundle?.entries[0]?.paper;
}

describe('paper titles', () => {
  it.each([
    [
      'a journal, "on Nature"',
      'Oct 23, Google published a [paper](https://www.nature.com/articles/s41586-024-08025-4) on Nature “Scalable watermarking for identifying large language model outputs”. Large language models…',
      'Scalable watermarking for identifying large language model outputs',
    ],
    [
      'a conference and year in one word, "on EMNLP2024"',
      'Oct 7, NTT Corp. published a [paper](https://arxiv.org/pdf/2410.05052) on EMNLP2024 “Initialization of Large Language Models via Reparameterization to Mitigate Loss Spikes”. Loss spikes…',
      'Initialization of Large Language Models via Reparameterization to Mitigate Loss Spikes',
    ],
    [
      'a conference and year, "at NeurIPS 2024,"',
      'Oct 7, MIT published a [paper](https://arxiv.org/pdf/2410.00001) at NeurIPS 2024, “A Conference Paper”. It works.',
      'A Conference Paper',
    ],
    [
      '"in EMNLP2024"',
      'Oct 7, MIT published a [paper](https://arxiv.org/pdf/2410.00001) in EMNLP2024 “Another Conference Paper”.',
      'Another Conference Paper',
    ],
    [
      'a preprint server, "on arXiv"',
      'Oct 7, MIT published a [paper](https://arxiv.org/pdf/2410.00001) on arXiv “A Preprint”.',
      'A Preprint',
    ],
    [
      '"published in the Nature journal"',
      'Oct 7, MIT has a [paper](https://www.nature.com/articles/s41586-024-00001-1) published in the Nature journal “A Journal Paper”.',
      'A Journal Paper',
    ],
    [
      'single quotes and apostrophes inside the title',
      "Oct 7, MIT published a [paper](https://arxiv.org/pdf/2410.00001) “LLMs are 'consensus machines': a crowd’s view”. It works.",
      "LLMs are 'consensus machines': a crowd’s view",
    ],
  ])('takes the quoted title after the paper link across %s', (_form, body, title) => {
    expect(paperOf(body)?.title).toBe(title);
  });

  it('reads a whole quoted title with single quotes inside after an article link, and never gives it to the paper', () => {
    const body =
      "Oct 7, the decoder published an [article](https://the-decoder.com/llms-are-consensus-machines/) “LLMs are 'consensus machines' similar to crowdsourcing, Harvard study finds” summarized a recent Harvard [research paper](https://dl.acm.org/doi/pdf/10.1145/3688007). The new Harvard study…";
    const { nodes } = parseInline(body);
    expect(quotedTitleAfter(nodes, 1)).toBe(
      "LLMs are 'consensus machines' similar to crowdsourcing, Harvard study finds",
    );
    // The article's title is not the paper's; the paper gives none, so the entry's headline stands in for it.
    expect(paperOf(body)).toEqual({
      title: 'The Headline',
      arxivId: null,
      doi: '10.1145/3688007',
      url: 'https://dl.acm.org/doi/pdf/10.1145/3688007',
    });
  });

  it.each([
    ['a clause, not a venue', 'a [paper](https://arxiv.org/pdf/2410.00001) in which they quote “Someone Else”.'],
    ['a quotation a sentence later', 'a [paper](https://arxiv.org/pdf/2410.00001). Its authors wrote “Not a title”.'],
    [
      'a lower-case word after the preposition',
      'a [paper](https://arxiv.org/pdf/2410.00001) on reasoning “Not a title”.',
    ],
  ])('does not take a quotation after %s', (_form, body) => {
    expect(paperOf(`Oct 7, MIT published ${body}`)?.title).toBe('The Headline');
  });
});

describe('DOIs', () => {
  it.each([
    ['https://doi.org/10.1038/s41586-024-08025-4', '10.1038/s41586-024-08025-4'],
    ['https://dx.doi.org/10.1145/3688007', '10.1145/3688007'],
    ['https://doi.org/10.1000%2Fxyz%28a%29', '10.1000/xyz(a)'],
    ['https://dl.acm.org/doi/pdf/10.1145/3688007', '10.1145/3688007'],
    ['https://dl.acm.org/doi/10.1145/3688007', '10.1145/3688007'],
    ['https://dl.acm.org/doi/abs/10.1145/3688007?download=true', '10.1145/3688007'],
    ['https://www.science.org/doi/10.1126/science.adl2528', '10.1126/science.adl2528'],
    ['https://link.springer.com/article/10.1007/s11263-024-02000-1', '10.1007/s11263-024-02000-1'],
    ['https://www.nature.com/articles/s41586-024-08025-4', '10.1038/s41586-024-08025-4'],
    ['https://www.nature.com/articles/s41586-024-08025-4.pdf', '10.1038/s41586-024-08025-4'],
    ['https://www.nature.com/articles/d41586-024-03214-7', '10.1038/d41586-024-03214-7'],
    ['https://www.nature.com/subjects/machine-learning', null],
    ['https://arxiv.org/abs/2410.21647', null],
    ['https://dl.acm.org/doi/book', null],
    ['https://example.org/doi/not-a-doi', null],
  ])('reads the DOI of %s', (url, doi) => {
    expect(doiFromUrl(url)).toBe(doi);
  });

  it('gives the paper the DOI of its link, and none to an arXiv paper', () => {
    expect(paperOf('Oct 7, MIT published a [paper](https://doi.org/10.1145/3688007) “A Paper”.')?.doi).toBe(
      '10.1145/3688007',
    );
    expect(paperOf('Oct 7, MIT published a [paper](https://arxiv.org/pdf/2410.00001) “A Paper”.')?.doi).toBeNull();
  });
});
