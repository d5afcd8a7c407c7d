// @vitest-environment node
/**
 * Every step of the build is linear in its input. There is no line-length limit: instead these lines of
 * 10^5 repeated delimiters, which took from seconds to minutes with the quadratic parser, must all build
 * within the test's timeout. The test asserts no times; a quadratic regression fails it by timing out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodesToText, parseInline } from '../../scripts/lib/inline';
import { OrganizationCanon } from '../../scripts/lib/organizations';
import { parseNewsletter, splitLines } from '../../scripts/lib/parse-newsletter';
import { build, messages, tables } from './helpers';

const LENGTH = 100_000;
const UNITS = [
  ')',
  '(',
  '.',
  ',',
  '[',
  ']',
  '](',
  '[a](',
  '*',
  '**',
  '***',
  '<br>',
  '<br',
  '“',
  '"',
  ':',
  ' ',
  'x',
  'https://',
];
const PREFIXES = ['', 'https://x.example/a', '[label](https://x.example/', 'Oct 31, MIT published ', '('];
const SUFFIXES = ['', 'x', ')', '](x)', ' end.'];
const PLACES = ['body', 'summary', 'entry line'] as const;

interface HostileLine {
  prefix: string;
  units: string[];
  suffix: string;
  place: (typeof PLACES)[number];
}

function lineOf({ prefix, units, suffix }: HostileLine): string {
  const unit = units.join('');
  return prefix + unit.repeat(Math.ceil(LENGTH / unit.length)) + suffix;
}

function documentWith(line: string, place: HostileLine['place']): string {
  const body = '   Oct 31, MIT published a [paper](https://arxiv.org/abs/2410.10001) “T”.';
  if (place === 'body') return `***Nov 2, 2024***\n1. ***Headline:  <br>Summary.*** <br>\n${body} ${line}\n`;
  if (place === 'summary') return `***Nov 2, 2024***\n1. ***Headline:  <br>${line}*** <br>\n${body}\n`;
  return `***Nov 2, 2024***\n1. ***${line}\n${body}\n`;
}

const hostileLine: fc.Arbitrary<HostileLine> = fc.record({
  prefix: fc.constantFrom(...PREFIXES),
  units: fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 }),
  suffix: fc.constantFrom(...SUFFIXES),
  place: fc.constantFrom(...PLACES),
});

/** The cases measured in the issue: seconds to minutes each before the parser was made linear. */
const MEASURED: [HostileLine][] = [
  [{ prefix: 'https://x.example/a', units: [')'], suffix: '', place: 'body' }],
  [{ prefix: 'https://x.example/a', units: ['.'], suffix: 'x', place: 'body' }],
  [{ prefix: '', units: ['[a]('], suffix: '', place: 'body' }],
  [{ prefix: '', units: ['['], suffix: '](x)', place: 'summary' }],
  [{ prefix: 'https://x.example/a', units: [')'], suffix: 'x', place: 'summary' }],
];

describe('linear time on lines of 10^5 repeated delimiters', () => {
  it('parses each line to sane text and links, and builds or reports errors with line numbers', () => {
    fc.assert(
      fc.property(hostileLine, (hostile) => {
        const line = lineOf(hostile);
        const { nodes } = parseInline(line);
        const text = nodesToText(nodes);
        expect(text.length).toBeLessThanOrEqual(line.length);
        const written = new Set(line);
        expect([...new Set(text)].every((char) => written.has(char) || char === ' ')).toBe(true);
        for (const node of nodes) if (node.type === 'link') expect(node.url).toMatch(/^https?:\/\//);

        const document = documentWith(line, hostile.place);
        expect(parseNewsletter(document, 'doc1.md').issues).toHaveLength(1);
        const result = build(document);
        const lineCount = splitLines(document).length;
        if (result.bundle) {
          expect(result.bundle.entries.map((entry) => entry.source.line)).toEqual([2]);
        } else {
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          expect(errors.length).toBeGreaterThan(0);
          for (const error of errors) expect(error.line).toBeGreaterThanOrEqual(1);
          for (const error of errors) expect(error.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      { numRuns: 25, examples: MEASURED },
    );
  }, 10_000);

  it('reads quoted titles, and organisations in a summary, in linear time', () => {
    const canon = new OrganizationCanon(tables.organizations);
    for (const unit of ['a)', ')', '“', '"', 'Uni of ', 'x’s ', 'Google ']) {
      const text = `a${unit.repeat(LENGTH / unit.length)}a`;
      expect(canon.namesIn(text)).toEqual(unit === 'Google ' ? ['Google'] : []);
    }
    for (const unit of ['“', '"', '“a', '«', ' on ', 'x’s ']) {
      const hostile = unit.repeat(LENGTH / unit.length);
      const body = `Oct 31, [paper](https://arxiv.org/abs/2410.10001) ${hostile}`;
      const result = build(`***Nov 2, 2024***\n1. ***Headline:  <br>${hostile}*** <br>\n   ${body}\n`);
      expect(messages(result, 'error')).toEqual([]);
      expect(result.bundle?.entries[0]?.paper?.arxivId).toBe('2410.10001');
      expect(result.bundle?.entries[0]?.organizations).toEqual([]);
    }
  }, 10_000);
});
