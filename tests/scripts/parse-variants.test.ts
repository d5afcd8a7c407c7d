// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseInline } from '../../scripts/lib/inline';
import { findLostLines, parseNewsletter, startLikeLines } from '../../scripts/lib/parse-newsletter';
import { build, messages } from './helpers';

/** An entry body line with its own arXiv link, so every entry is distinct. */
function body(n: number): string {
  return `   Oct 31, MIT published a [paper](https://arxiv.org/abs/2410.${String(10000 + n)}) “Paper ${n}”. Text.\n`;
}

describe('entry and heading variants an author plausibly writes', () => {
  const document = [
    '***Nov 2, 2024***\n', // 1
    `1. ***One:  <br>Summary one.*** <br>\n${body(1)}`, // 2-3
    `2.\u00a0***Two:  <br>Summary two.*** <br>\n${body(2)}`, // 4-5
    `3) ***Three:  <br>Summary three.*** <br>\n${body(3)}`, // 6-7
    `4.***Four:  <br>Summary four.*** <br>\n${body(4)}`, // 8-9
    `5. **Five:** Summary five.\n${body(5)}`, // 10-11
    `\uFF16. ***Six:  <br>Summary six.*** <br>\n${body(6)}`, // 12-13
    `7.\u3000***Seven:  <br>Summary seven.*** <br>\n${body(7)}`, // 14-15
    '**Nov 9, 2024**\n', // 16
    `8. ***Eight:  <br>Summary eight.*** <br>\n${body(8)}`, // 17-18
    '**Note:** two asterisks in a body are bold text, not a heading.\n', // 19
  ].join('');
  const result = build(document);

  it('reads every variant as its own entry, in the right issue', () => {
    expect(messages(result, 'error')).toEqual([]);
    const entries = result.bundle?.entries ?? [];
    expect(entries.map((e) => [e.issueId, e.number, e.headline, e.summary])).toEqual([
      ['2024-11-09', 8, 'Eight', 'Summary eight.'],
      ['2024-11-02', 1, 'One', 'Summary one.'],
      ['2024-11-02', 2, 'Two', 'Summary two.'],
      ['2024-11-02', 3, 'Three', 'Summary three.'],
      ['2024-11-02', 4, 'Four', 'Summary four.'],
      ['2024-11-02', 5, 'Five', 'Summary five.'],
      ['2024-11-02', 6, 'Six', 'Summary six.'],
      ['2024-11-02', 7, 'Seven', 'Summary seven.'],
    ]);
    expect(entries[0]?.body[1]).toEqual([
      { type: 'text', text: 'Note: two asterisks in a body are bold text, not a heading.' },
    ]);
  });

  it('warns about each variant, naming its line and what differs from the house form', () => {
    const warnings = messages(result, 'warning');
    expect(warnings).toContain(
      'doc1.md:4: warning: entry 2 is written "2.\u00a0***" (U+00A0 after the number); read as an entry (expected "2. ***")',
    );
    expect(warnings).toContain(
      'doc1.md:6: warning: entry 3 is written "3) ***" (")" after the number); read as an entry (expected "3. ***")',
    );
    expect(warnings).toContain(
      'doc1.md:8: warning: entry 4 is written "4.***" (no space after the number); read as an entry (expected "4. ***")',
    );
    expect(warnings).toContain(
      'doc1.md:10: warning: entry 5 is written "5. **" (two asterisks); read as an entry (expected "5. ***")',
    );
    expect(warnings).toContain(
      'doc1.md:12: warning: entry 6 is written "\uFF16. ***" (full-width digits); read as an entry (expected "6. ***")',
    );
    expect(warnings).toContain(
      'doc1.md:14: warning: entry 7 is written "7.\u3000***" (U+3000 after the number); read as an entry (expected "7. ***")',
    );
    expect(warnings).toContain(
      'doc1.md:16: warning: issue heading written with two asterisks ("**Nov 9, 2024**"); read as an issue heading (expected "***Nov 9, 2024***")',
    );
    expect(warnings.filter((w) => w.includes('is written') || w.includes('two asterisks ('))).toHaveLength(7);
  });

  it('reads a line holding a Unicode line separator as one line of the entry', () => {
    const doc = parseNewsletter(`***Nov 2***\n1. ***Split\u2028headline:  <br>Summary.*** <br>\n${body(1)}`, 'a.md');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.issues[0]?.entries).toHaveLength(1);
  });
});

describe('the lost-line check, independent of the parser', () => {
  it('fails the build on a line that looks like an entry but is not read as one', () => {
    const result = build(
      `***Nov 2, 2024***\n1. ***One:  <br>Summary.*** <br>\n${body(1)}\n2. *Two, in italics* <br>\n${body(2)}`,
    );
    expect(result.bundle).toBeNull();
    expect(messages(result, 'error')).toEqual([
      'doc1.md:5: error: line looks like the start of an entry ("2. *Two, in italics*") but no entry was read from it (write it as "N. ***Headline: <br>Summary***")',
    ]);
  });

  it('fails the build on a line that looks like an issue heading but is not read as one', () => {
    const result = build(
      `***Nov 2, 2024***\n1. ***One:  <br>Summary.*** <br>\n${body(1)}\n*Nov 9, 2024*\n2. ***Two:  <br>Summary.*** <br>\n${body(2)}`,
    );
    expect(result.bundle).toBeNull();
    expect(messages(result, 'error')).toEqual([
      'doc1.md:5: error: line looks like an issue heading ("*Nov 9, 2024*") but no issue was read from it (write it as "***Mon D, YYYY***")',
    ]);
  });

  it('is looser than the parser: any decimal digits, a delimiter, then an asterisk', () => {
    const text = [
      '***Nov 2***',
      '\u0663. ***Arabic-Indic three',
      '12 ** no delimiter',
      '4) *italic*',
      '5. plain',
      '2024. was a year',
      '__Nov 9__',
    ].join('\n');
    expect(startLikeLines(text)).toEqual({ entries: [2, 3, 4], headings: [1, 7] });
  });

  it('reports every start-like line that did not become an entry or a heading', () => {
    const text = `***Nov 2, 2024***\n1. ***One:  <br>Summary.*** <br>\n${body(1)}`;
    const parsed = parseNewsletter(text, 'a.md');
    expect(findLostLines([{ file: 'a.md', text }], [parsed], []).map((d) => `${d.line}: ${d.severity}`)).toEqual([
      '2: error',
    ]);
    expect(findLostLines([{ file: 'a.md', text }], [parsed], [{ file: 'a.md', line: 2 }])).toEqual([]);
  });
});

describe('entry numbers, dates and empty documents', () => {
  it('rejects an entry number too large to be one, on its line, without throwing', () => {
    const digits = '9'.repeat(400);
    let result: ReturnType<typeof build> | undefined;
    expect(() => {
      result = build(`***Nov 2, 2024***\n${digits}. ***Big:  <br>Summary.*** <br>\n${body(1)}`);
    }).not.toThrow();
    expect(messages(result!, 'error')).toEqual([
      `doc1.md:2: error: entry number ${'9'.repeat(20)}… (400 digits) is too large (at most 99999)`,
    ]);
    expect(result?.bundle).toBeNull();
  });

  it('rejects Feb 29 in an issue whose year turns out not to be a leap year', () => {
    const result = build(
      `***Feb 29***\n1. ***Leap:  <br>Summary.*** <br>\n   Feb 27, MIT published a [paper](https://arxiv.org/abs/2302.00001) “P”.\n`,
    );
    expect(messages(result, 'error')).toEqual([
      'doc1.md:1: error: issue "Feb 29" falls in 2023, which has no such day (add the right year to the heading)',
    ]);
    expect(result.bundle).toBeNull();
  });

  it('rejects headings whose day does not exist, with or without a year', () => {
    const result = build(
      `***Feb 29, 2023***\n${'1. ***A:  <br>S.*** <br>\n'}${body(1)}***Apr 31***\n2. ***B:  <br>S.*** <br>\n${body(2)}***Feb 30, 2024***\n3. ***C:  <br>S.*** <br>\n${body(3)}`,
    );
    const errors = messages(result, 'error');
    expect(errors).toContain(
      'doc1.md:1: error: issue heading "Feb 29, 2023" is not a real date: February 2023 has 28 days',
    );
    expect(errors).toContain('doc1.md:4: error: issue heading "Apr 31" is not a real date: April has 30 days');
    expect(errors).toContain(
      'doc1.md:7: error: issue heading "Feb 30, 2024" is not a real date: February 2024 has 29 days',
    );
    expect(result.bundle).toBeNull();
  });

  it('rejects an entry dated on a day that does not exist in its year', () => {
    const result = build(
      `***Mar 3, 2023***\n1. ***Leap:  <br>Summary.*** <br>\n   Feb 29, MIT published a [paper](https://arxiv.org/abs/2302.00001) “P”.\n` +
        `2. ***Thirty:  <br>Summary.*** <br>\n   Feb 30, MIT published a [paper](https://arxiv.org/abs/2302.00002) “Q”.\n`,
    );
    expect(messages(result, 'error')).toEqual([
      'doc1.md:3: error: entry 1 is dated "Feb 29", a day that does not exist in 2023',
      'doc1.md:5: error: entry 2 is dated "Feb 30", a day that does not exist in 2023',
    ]);
    expect(result.bundle).toBeNull();
  });

  it('rejects an empty, a blank and a heading-less document', () => {
    expect(messages(build(''), 'error')).toEqual([
      'doc1.md:1: error: document is empty (expected issue headings "***Mon D, YYYY***" and numbered entries)',
    ]);
    expect(messages(build(' \n\t\r\n\u00a0\n'), 'error')).toEqual([
      'doc1.md:1: error: document has only white space (expected issue headings "***Mon D, YYYY***" and numbered entries)',
    ]);
    const prose = build('Just a note.\nNothing else.\n');
    expect(messages(prose, 'error')).toEqual([
      'doc1.md:1: error: document has no issue heading (expected a line such as "***Nov 2, 2024***" above its entries)',
    ]);
    expect(prose.bundle).toBeNull();
  });
});

describe('a bare URL carrying a Markdown link', () => {
  const payload = 'https://x.example/)[Click_here_for_the_PDF](javascript:alert(document.domain)';

  it('ends the bare URL at the parenthesis that closes nothing, and makes no javascript: link', () => {
    const { nodes } = parseInline(`See ${payload} now.`);
    expect(nodes.filter((node) => node.type === 'link')).toEqual([
      { type: 'link', text: 'https://x.example/', url: 'https://x.example/' },
    ]);
    expect(nodes.map((node) => node.text).join('')).toBe(`See ${payload} now.`);
    const balanced = parseInline('https://x.example/)[Click](javascript:alert(1))');
    expect(balanced.nodes.filter((node) => node.type === 'link').map((node) => node.url)).toEqual([
      'https://x.example/',
    ]);
    expect(balanced.warnings).toEqual(['link dropped: unsupported link scheme "javascript" in javascript:alert(1)']);
  });

  it('builds the entry with the trimmed link only', () => {
    const result = build(
      `***Nov 2, 2024***\n1. ***One:  <br>Summary.*** <br>\n   Oct 31, MIT published a [paper](https://arxiv.org/abs/2410.10001) “P”. ${payload}\n`,
    );
    const links = result.bundle?.entries[0]?.links.map((link) => link.url);
    expect(links).toEqual(['https://arxiv.org/abs/2410.10001', 'https://x.example/']);
    const urls = (result.bundle?.entries[0]?.body ?? [])
      .flat()
      .flatMap((node) => (node.type === 'link' ? [node.url] : []));
    expect(urls.every((url) => /^https?:\/\//.test(url) && !url.includes('javascript'))).toBe(true);
  });
});
