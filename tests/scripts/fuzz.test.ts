// @vitest-environment node
/**
 * Property: every entry line of a source document reaches the bundle, or the build fails with errors
 * that name lines of that document; the build never throws. Documents are generated in the variants
 * an author plausibly writes, with delimiter junk, then lines are deleted, duplicated, truncated or
 * inserted. fast-check shrinks a failure to its smallest document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../scripts/lib/build-archive';
import { splitLines } from '../../scripts/lib/parse-newsletter';
import { SEED_FILE, seedText, tables } from './helpers';

/** A line of a generated document; `entry` marks the lines written as the start of an entry. */
interface Line {
  text: string;
  entry: boolean;
}

const DELIMITERS = [')', '(', '.', '[', ']', '](', '[a](', '*', '**', '***', '<br>', '“', ':', 'https://x.example/'];

const junk = fc
  .record({
    units: fc.array(fc.constantFrom(...DELIMITERS), { minLength: 1, maxLength: 3 }),
    count: fc.integer({ min: 1, max: 40 }),
  })
  .map(({ units, count }) => units.join('').repeat(count));

const entryForm = fc.record({
  indent: fc.constantFrom('', '', '  ', '\t', '\u00a0'),
  fullWidth: fc.boolean(),
  delimiter: fc.constantFrom('.', '.', ')'),
  space: fc.constantFrom(' ', ' ', '\t', '', '\u00a0', '\u3000', '\u2009'),
  marker: fc.constantFrom('***', '***', '**'),
  layout: fc.constantFrom('br', 'inline', 'two-line', 'bold-headline'),
  junk: fc.option(junk, { freq: 3 }),
});

const headingForm = fc.record({ marker: fc.constantFrom('***', '***', '**'), year: fc.boolean() });

const documentShape = fc.array(
  fc.record({ heading: headingForm, entries: fc.array(entryForm, { minLength: 1, maxLength: 4 }) }),
  {
    minLength: 1,
    maxLength: 3,
  },
);

const mutation = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'truncate', 'insert', 'variant'),
  at: fc.nat(),
  cut: fc.nat(),
  junk,
});

type Shape = typeof documentShape extends fc.Arbitrary<infer T> ? T : never;
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const ISSUE_DAYS = ['Nov 9', 'Nov 2', 'Oct 27'];

function fullWidth(digits: string): string {
  return digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

/** Renders a generated document, newest issue first as the newsletter does. */
function render(shape: Shape): Line[] {
  const lines: Line[] = [];
  let n = 0;
  shape.forEach(({ heading, entries }, i) => {
    lines.push({
      text: `${heading.marker}${ISSUE_DAYS[i] ?? 'Oct 20'}${heading.year ? ', 2024' : ''}${heading.marker}`,
      entry: false,
    });
    for (const form of entries) {
      n += 1;
      const number = form.fullWidth ? fullWidth(String(n)) : String(n);
      const start = `${form.indent}${number}${form.delimiter}${form.space}${form.marker}`;
      const body = `   Oct 20, MIT published a [paper](https://arxiv.org/abs/2410.${10000 + n}) “Paper ${n}”. ${form.junk ?? ''}`;
      if (form.layout === 'br')
        lines.push({ text: `${start}Headline ${n}:  <br>Summary ${n}.${form.marker} <br>`, entry: true });
      if (form.layout === 'inline')
        lines.push({ text: `${start}Headline ${n}: Summary ${n}.${form.marker}`, entry: true });
      if (form.layout === 'bold-headline')
        lines.push({ text: `${start}Headline ${n}:${form.marker} Summary ${n}.`, entry: true });
      if (form.layout === 'two-line') {
        lines.push({ text: `${start}Headline ${n}: <br>`, entry: true });
        lines.push({ text: `Summary ${n}.${form.marker} <br>`, entry: false });
      }
      lines.push({ text: body, entry: false }, { text: '', entry: false });
    }
  });
  return lines;
}

/** How an author may write the start of entry 7 instead of `7. ***`. */
const VARIANT_STARTS = ['7) ***', '7.***', '7.\u00a0***', '7. **', '\uff17. ***', '7)\u3000**', '  7.\t***'];

/** Deletes, duplicates, truncates or inserts lines, or rewrites an entry line's start in a variant form. */
function mutate(lines: readonly Line[], mutations: readonly Mutation[]): Line[] {
  const result = [...lines];
  for (const { kind, at, cut, junk: text } of mutations) {
    const index = result.length === 0 ? 0 : at % result.length;
    const line = result[index];
    if (kind === 'insert') result.splice(index, 0, { text, entry: false });
    else if (!line) continue;
    else if (kind === 'variant') {
      const start = /^\s*[0-9\uff10-\uff19]+[.)]\s*\*{2,3}/u.exec(line.text);
      const variant = VARIANT_STARTS[cut % VARIANT_STARTS.length] ?? '7) ***';
      if (line.entry && start) result[index] = { text: `${variant}${line.text.slice(start[0].length)}`, entry: true };
    } else if (kind === 'delete') result.splice(index, 1);
    else if (kind === 'duplicate') result.splice(index, 0, { ...line });
    // A truncated entry line is no longer known to be one.
    else
      result[index] = { text: line.text.slice(0, line.text.length === 0 ? 0 : cut % line.text.length), entry: false };
  }
  return result;
}

/** The property: every known entry line is in the bundle, or errors name lines of the document. */
function checkBuild(lines: readonly Line[], file: string): void {
  const text = lines.map((line) => line.text).join('\n');
  const result = buildArchive([{ file, text }], tables);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.bundle) {
    expect(errors).toEqual([]);
    const built = new Set(result.bundle.entries.map((entry) => entry.source.line));
    lines.forEach((line, index) => {
      if (line.entry) expect(built.has(index + 1), `line ${index + 1} "${line.text}" is lost`).toBe(true);
    });
  } else {
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.file).toBe(file);
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(splitLines(text).length);
    }
  }
}

describe('fuzzing the parser with fast-check', () => {
  it('generated documents in every variant, with junk and edits: no entry is lost silently', () => {
    fc.assert(
      fc.property(documentShape, fc.array(mutation, { maxLength: 4 }), (shape, mutations) => {
        checkBuild(mutate(render(shape), mutations), 'doc.md');
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('every generated document with no edits builds, with every entry', () => {
    fc.assert(
      fc.property(documentShape, (shape) => {
        const lines = render(shape);
        const text = lines.map((line) => line.text).join('\n');
        const result = buildArchive([{ file: 'doc.md', text }], tables);
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(result.bundle?.entries).toHaveLength(lines.filter((line) => line.entry).length);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('the seed with lines deleted, duplicated, truncated or inserted: no entry is lost silently', () => {
    const seedLines = splitLines(seedText).map((text) => ({ text, entry: /^[ \t]*\d+\.[ \t]+\*\*\*/.test(text) }));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        checkBuild(mutate(seedLines, mutations), SEED_FILE);
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});
