import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bookmark, BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';
import { toBibtex } from '@/features/bookmarks/lib/export-bibtex';
import type { ExportRecord } from '@/features/bookmarks/lib/export-record';
import { makeBookmark } from '../support/bookmarks';

/** Every character BibTeX or LaTeX gives a meaning to, TeX ligature halves, and text that looks like markup. */
const SPECIALS = [
  '{',
  '}',
  '\\',
  '#',
  '$',
  '%',
  '&',
  '~',
  '_',
  '^',
  '<',
  '>',
  '"',
  '-',
  "'",
  '`',
  '?',
  '!',
  ',',
  ';',
  '@',
  '=',
  '(',
  ')',
  '[',
  ']',
];
const NON_ASCII = ['é', 'ß', 'Ω', '中文', '😀', 'ﬁ', '\u00a0', '\u2003', 'Ä', 'ğ', '\u200b'];
const FRAGMENTS = [
  '\\textbf{x}',
  '\\emph{',
  '$x$',
  '--',
  '---',
  "''",
  '``',
  '?`',
  '!`',
  ',,',
  '\n\n',
  '\t',
  '  ',
  '\n@misc{x,\n',
  '<b>',
  '&amp;',
  '%comment',
  'LLMs',
  'GPT-4',
];

/** Text full of specials, with plain words and arbitrary Unicode between them. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SPECIALS),
      fc.constantFrom(...NON_ASCII),
      fc.constantFrom(...FRAGMENTS),
      fc.constantFrom(' ', 'a', 'Z', '7'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** What BibTeX makes of the text: control characters are dropped and each run of ASCII whitespace is one space. */
function bibtexText(text: string): string {
  return stripControls(text)
    .replace(/[ \t\n\r\f\v]+/g, ' ')
    .trim();
}

const hasText = (text: string) => bibtexText(text) !== '';

function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
}

function bookmark(snapshot: BookmarkSnapshot, extra: Partial<Bookmark> = {}): Bookmark {
  return makeBookmark('2024-10-27-special-characters', snapshot, extra);
}

function snapshot(extra: Partial<BookmarkSnapshot> = {}): BookmarkSnapshot {
  return {
    headline: 'A headline',
    issueId: '2024-10-27',
    issueDate: '2024-10-27',
    position: 7,
    publishedOn: '2024-10-24',
    paper: null,
    url: 'https://example.com/news',
    organizations: [],
    ...extra,
  };
}

/** Exports one record and parses the .bib back the way Zotero (Better BibTeX) does. */
function roundTrip(record: ExportRecord): Record<string, unknown> {
  const bib = toBibtex([record]);
  const library = parse(bib, { sentenceCase: false });
  expect(library.errors, bib).toEqual([]);
  expect(library.entries, bib).toHaveLength(1);
  return library.entries[0]!.fields;
}

function record(snap: BookmarkSnapshot, extra: Partial<Bookmark> = {}): ExportRecord {
  return { bookmark: bookmark(snap, extra), snapshot: snap, appUrl: 'https://reader.example/entries/x' };
}

describe('BibTeX export round trip', () => {
  it('gives back < and > as written, not ¡ and ¿', () => {
    const fields = roundTrip(record(snapshot({ headline: 'Scores <0.5> for a<b' }), { note: 'x -> y <= z' }));
    expect(fields.title).toBe('Scores <0.5> for a<b');
    expect(fields.annote).toBe('x -> y <= z');
  });

  it('gives back tags as written, without TeX escapes', () => {
    const fields = roundTrip(record(snapshot(), { tags: ['#llm', 'R&D', '50%', 'a_b', 'x^2', '~later', 'C:\\tmp'] }));
    expect(new Set(fields.keywords as string[])).toEqual(
      new Set(['#llm', 'R&D', '50%', 'a_b', 'x^2', '~later', 'C:\\tmp']),
    );
  });

  it('keeps TeX ligatures apart: -- stays two hyphens and two quotes stay two quotes', () => {
    const fields = roundTrip(record(snapshot({ headline: "Pre-training -- or not --- ''really'' ``so'' ?` !` ,," })));
    expect(fields.title).toBe("Pre-training -- or not --- ''really'' ``so'' ?` !` ,,");
  });

  it('gives back titles, notes and organisations exactly, whitespace runs read as one space', () => {
    fc.assert(
      fc.property(
        hostileText.filter(hasText),
        hostileText,
        fc.array(hostileText.filter(hasText), { maxLength: 3 }),
        (headline, note, organizations) => {
          const fields = roundTrip(record(snapshot({ headline, organizations }), { note }));
          expect(fields.title).toBe(bibtexText(headline));
          if (hasText(note)) expect(fields.annote).toBe(bibtexText(note));
          else expect(fields.annote).toBeUndefined();
          if (organizations.length > 0)
            expect(fields.note).toBe(bibtexText(`Organisations: ${organizations.join(', ')}`));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back paper titles exactly, with capitalised words protected', () => {
    fc.assert(
      fc.property(hostileText.filter(hasText), (title) => {
        const snap = snapshot({ paper: { title, url: 'https://arxiv.org/pdf/2410.21647', arxivId: '2410.21647' } });
        const fields = roundTrip(record(snap));
        expect(fields.title).toBe(bibtexText(title));
        expect(fields.eprint).toBe('2410.21647');
      }),
      { numRuns: 200 },
    );
  });

  it('gives back every tag; the list separators and $ and braces, which a verbatim list cannot hold, become full-width', () => {
    const fullWidth: Record<string, string> = {
      ',': '\uff0c',
      ';': '\uff1b',
      $: '\uff04',
      '{': '\uff5b',
      '}': '\uff5d',
    };
    fc.assert(
      fc.property(
        fc.uniqueArray(hostileText.filter(hasText), { maxLength: 5, selector: (tag) => bibtexText(tag).toLowerCase() }),
        (tags) => {
          const fields = roundTrip(record(snapshot(), { tags }));
          const expected = tags.map((tag) => bibtexText(tag).replace(/[,;${}]/g, (char) => fullWidth[char]!));
          if (tags.length === 0) expect(fields.keywords).toBeUndefined();
          else expect(new Set(fields.keywords as string[])).toEqual(new Set(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back URLs, with only braces, backslashes, $ and whitespace percent-encoded', () => {
    fc.assert(
      fc.property(hostileText, (path) => {
        const url = `https://example.com/${path}`;
        const fields = roundTrip(record(snapshot({ url })));
        const expected = [...stripControls(url)]
          .map((char) => (/[{}\\$\s]/u.test(char) ? encodeURIComponent(char) : char))
          .join('');
        expect(fields.url).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
