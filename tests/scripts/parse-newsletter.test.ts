// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseNewsletter } from '../../scripts/lib/parse-newsletter';
import { build, entry, messages } from './helpers';

describe('parseNewsletter: the seed’s quirks', () => {
  it('reads a plain issue heading and numbered entries', () => {
    const doc = parseNewsletter(`\n***Nov 2***\n\n${entry(1, 'First')}\n${entry(3, 'Second')}`, 'a.md');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.issues).toHaveLength(1);
    expect(doc.issues[0]?.date).toEqual({ month: 11, day: 2, year: null });
    expect(doc.issues[0]?.entries.map((e) => [e.number, e.headline, e.summary])).toEqual([
      [1, 'First', 'A summary of First.'],
      [3, 'Second', 'A summary of Second.'],
    ]);
  });

  it('accepts a heading with a year', () => {
    const doc = parseNewsletter(`***Dec 29, 2024***\n${entry(1, 'One')}`, 'a.md');
    expect(doc.issues[0]?.date).toEqual({ month: 12, day: 29, year: 2024 });
  });

  it('accepts a tab after the entry number', () => {
    const doc = parseNewsletter(
      `***Nov 2***\n1.\t***Tabbed:  <br>Summary.*** <br>\nSep 30, Apple published a [paper](https://arxiv.org/pdf/2409.20566) “MM1.5”.\n`,
      'a.md',
    );
    expect(doc.diagnostics).toEqual([]);
    expect(doc.issues[0]?.entries[0]).toMatchObject({ number: 1, headline: 'Tabbed', summary: 'Summary.' });
  });

  it('takes a headline without a colon when a <br> ends it', () => {
    const doc = parseNewsletter(
      `***Nov 2***\n63. ***Tutor CoPilot’s Potential <br>\nStanford introduced it.*** <br> <br>\n    Oct 3, Stanford Uni published a [paper](https://arxiv.org/pdf/2410.03017) “Tutor CoPilot”.\n`,
      'a.md',
    );
    expect(doc.issues[0]?.entries[0]).toMatchObject({
      headline: 'Tutor CoPilot’s Potential',
      summary: 'Stanford introduced it.',
    });
  });

  it('splits "Headline: summary" written on one line with no <br>', () => {
    const doc = parseNewsletter(
      `***Oct 21***\n3. ***Retrospective Learning from Interactions: Cornell University introduced ReSpect.***\n   Oct 17, Cornell Uni published a [paper](https://arxiv.org/pdf/2410.13852v1) “Retrospective Learning from Interactions”.\n`,
      'a.md',
    );
    expect(doc.issues[0]?.entries[0]).toMatchObject({
      headline: 'Retrospective Learning from Interactions',
      summary: 'Cornell University introduced ReSpect.',
    });
  });

  it('reads a headline on one line and the summary on the next', () => {
    const doc = parseNewsletter(
      `***Oct 21***\n31. ***Context-Parametric Inversion: <br>\nLLMs improve with tuning.*** <br> <br>\n    Oct 14, CMU published a [paper](https://arxiv.org/pdf/2410.10796) “Context-Parametric Inversion”.\n`,
      'a.md',
    );
    expect(doc.issues[0]?.entries[0]).toMatchObject({
      headline: 'Context-Parametric Inversion',
      summary: 'LLMs improve with tuning.',
    });
  });

  it('warns about a bold block with no headline and uses the paper title', () => {
    const result = build(
      `***Oct 6***\n31. ***Nvidia's paper addresses the lack of comparable data for two key reward modeling approaches: Bradley-Terry style and Regression style. It helps.\n    Oct 2, Nvidia published a [paper](https://arxiv.org/pdf/2410.01257) “HelpSteer2-Preference: Complementing Ratings with Preferences”. Reward models matter.\n`,
    );
    expect(messages(result, 'warning')).toContain(
      'doc1.md:2: warning: entry 31 has no headline in its bold block; the paper title is used',
    );
    expect(messages(result, 'warning')).toContain(
      'doc1.md:2: warning: bold block of entry 31 is not closed before its body on line 3; closed there',
    );
    expect(result.bundle?.entries[0]?.headline).toBe('HelpSteer2-Preference: Complementing Ratings with Preferences');
  });

  it('keeps a stray line inside a bold block, with a warning naming its line', () => {
    const result = build(
      `***Oct 6***\n33. ***Enhancing credit assignment <br>\nThis paper introduces VinePPO.\nReward modeling comparison and combination <br>*** <br>\n    Oct 2, Mila published a [paper](https://arxiv.org/pdf/2410.01679) “VinePPO”.\n`,
    );
    expect(messages(result, 'warning')).toContain(
      'doc1.md:4: warning: stray line inside the bold block of entry 33 ("Reward modeling comparison and combination"); kept at the end of the summary',
    );
    expect(result.bundle?.entries[0]?.summary).toBe(
      'This paper introduces VinePPO. Reward modeling comparison and combination',
    );
  });

  it('keeps both paragraphs of a two-paragraph body', () => {
    const result = build(
      `***Oct 6***\n28. ***Evaluation of o1 <br>\nA team evaluated o1.*** <br>\n    Sep 27, Uni of Alberta published a [paper](https://arxiv.org/pdf/2409.18486) “Evaluation of OpenAI o1”. First paragraph.\nThe model excelled in second paragraph. <br>\n`,
    );
    expect(result.bundle?.entries[0]?.body).toHaveLength(2);
    expect(result.bundle?.entries[0]?.body[1]).toEqual([
      { type: 'text', text: 'The model excelled in second paragraph.' },
    ]);
  });

  it('keeps numbers as printed when out of order, and merges two parts of one issue', () => {
    const result = build(
      `***Oct 6***\n${entry(45, 'Forty-five')}${entry(24, 'Twenty-four')}\n***Oct 6***\n${entry(24, 'Again')}`,
    );
    const entries = result.bundle?.entries ?? [];
    expect(entries.map((e) => [e.number, e.position])).toEqual([
      [45, 1],
      [24, 2],
      [24, 3],
    ]);
    expect(result.bundle?.issues).toHaveLength(1);
    expect(messages(result, 'warning')).toContain(
      'doc1.md:8: warning: entry number 24 is used twice in issue 2024-10-06',
    );
  });

  it('trims trailing punctuation from bare URLs but keeps a URL with parentheses whole', () => {
    const result = build(
      `***Nov 2***\n${entry(5, 'Links', 'Oct 31, Uni of Maryland published a [paper](https://arxiv.org/pdf/2410.23743) “T”. Code: https://github.com/MingLiiii/Layer_Gradient. See https://en.wikipedia.org/wiki/Mamba_(architecture), and (https://example.org/a).')}`,
    );
    const links = result.bundle?.entries[0]?.links.map((link) => link.url);
    expect(links).toEqual([
      'https://arxiv.org/pdf/2410.23743',
      'https://github.com/MingLiiii/Layer_Gradient',
      'https://en.wikipedia.org/wiki/Mamba_(architecture)',
      'https://example.org/a',
    ]);
    expect(result.bundle?.entries[0]?.links[1]?.kind).toBe('code');
  });

  it('keeps a literal < in prose and curly quotes, and removes <br> markup', () => {
    const result = build(
      `***Nov 2***\n1. ***Stats:  <br>Students improved (p<0.01) and 3 < 4.*** <br> <br>\n   Oct 31, Stanford Uni published a [paper](https://arxiv.org/pdf/2410.03017) “Tutor CoPilot: A Human-AI Approach”. Models scored (< 24% F-1). <br> <br>\n`,
    );
    const e = result.bundle?.entries[0];
    expect(e?.summary).toBe('Students improved (p<0.01) and 3 < 4.');
    expect(JSON.stringify(e?.body)).toContain('(< 24% F-1).');
    expect(e?.paper?.title).toBe('Tutor CoPilot: A Human-AI Approach');
    expect(JSON.stringify(e)).not.toMatch(/<br|\*\*\*|\]\(/);
  });

  it('reads markdown links whose URL contains parentheses, and strips tracking parameters', () => {
    const result = build(
      `***Oct 13, 2024***\n3. ***Nobel:  <br>Hinton won.*** <br> <br>\n   Oct 10, [according to Reuters](https://www.reuters.com/a/?utm_source=x&utm_medium=newsletter&_bhlid=abc&id=7#:~:text=Oct%208%20(Reuters),for), “Nobel physics prize”. Prize.\n`,
    );
    expect(result.bundle?.entries[0]?.links).toEqual([
      {
        url: 'https://www.reuters.com/a/?id=7#:~:text=Oct%208%20(Reuters),for',
        label: 'according to Reuters',
        kind: 'article',
      },
    ]);
    expect(result.bundle?.entries[0]?.kind).toBe('news');
  });

  it('drops links with other schemes, keeping their words, with a warning', () => {
    const result = build(
      `***Nov 2***\n${entry(1, 'Unsafe', 'Oct 31, Purdue Uni published a [paper](https://arxiv.org/pdf/2410.21647) “T”. Click [here](javascript:alert(1)).')}`,
    );
    expect(messages(result, 'warning').some((m) => m.includes('unsupported link scheme "javascript"'))).toBe(true);
    const body = result.bundle?.entries[0]?.body[0] ?? [];
    expect(body.filter((node) => node.type === 'link').map((node) => node.url)).toEqual([
      'https://arxiv.org/pdf/2410.21647',
    ]);
    expect(body.map((node) => node.text).join('')).toContain('Click here.');
  });

  it('accepts a BOM and CRLF line ends', () => {
    const result = build(`\uFEFF***Nov 2***\r\n${entry(1, 'Windows').replace(/\n/g, '\r\n')}`);
    expect(messages(result, 'error')).toEqual([]);
    expect(result.bundle?.entries[0]?.headline).toBe('Windows');
  });
});

describe('parseNewsletter: malformed documents', () => {
  it('reports every problem with its line, not only the first', () => {
    const text = [
      '1. ***Early:  <br>Too early.*** <br>', // 1: entry before any heading
      '   Oct 1, MIT published a [paper](https://arxiv.org/pdf/2410.00001) “E”.',
      '***Someday***', // 3: heading that is not a date
      '***Nov 2, 2024***',
      '2. ***No body:  <br>Nothing follows.*** <br>', // 5: entry with no body
      '3. ***Never closes:  <br>The bold block runs on', // 6: bold block that never closes
      'and on',
    ].join('\n');
    const result = build(text);
    expect(messages(result, 'error')).toEqual([
      'doc1.md:1: error: entry 1 appears before any issue heading (expected "***Mon D***" above it)',
      'doc1.md:3: error: issue heading "Someday" is not a date (expected "Mon D" or "Mon D, YYYY")',
      'doc1.md:5: error: entry 2 has no body (expected an indented paragraph starting "Mon D, …")',
      'doc1.md:6: error: bold block of entry 3 opens here and never closes (expected "***")',
    ]);
    expect(result.bundle).toBeNull();
  });

  it('reports a heading that is not closed', () => {
    const result = build(`***Nov 2\n${entry(1, 'One')}`);
    expect(messages(result, 'error')).toEqual([
      'doc1.md:1: error: issue heading is not closed: expected "***Mon D***", found "***Nov 2"',
      'doc1.md:2: error: entry 1 appears before any issue heading (expected "***Mon D***" above it)',
    ]);
  });

  it('reports an issue whose year cannot be told', () => {
    const result = build(
      `***Nov 2***\n1. ***News:  <br>Something.*** <br>\n   Nov 1, [according to PCMag](https://pcmag.com/x), it happened.\n`,
    );
    expect(messages(result, 'error')).toEqual([
      'doc1.md:1: error: cannot tell the year of issue "Nov 2": add it to the heading ("***Nov 2, YYYY***")',
    ]);
  });
});
