// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../scripts/lib/build-archive';
import { elementLines, type Correction, type EntryReference } from '../../scripts/lib/corrections';
import { entry, messages, tables } from './helpers';

const AT = { file: 'data/corrections.json', line: 7 };
const RECORD = 'https://arxiv.org/abs/2410.02525';

/** Lines 6, 9 and 12 hold entries 11, 31 and 33; entry 33's bold block ends with entry 31's headline, on line 14. */
const ISSUE = [
  '***Oct 6, 2024***',
  '',
  '9. ***Mitigating hallucinations:  <br>A summary.*** <br> <br>',
  '   Oct 3, UC Berkeley published a [paper](https://arxiv.org/pdf/2410.02762) “Interpreting VLMs”. It works.',
  '',
  '11. ***Contextual embeddings:  <br>A summary.*** <br> <br>',
  '   Oct 3, Cornell Uni published a [paper](https://arxiv.org/pdf/2410.02762) “Contextual Document Embeddings”.',
  '',
  '31. ***Nvidia compares reward models. It combines them.*** <br> <br>',
  '   Oct 2, Nvidia published a [paper](https://arxiv.org/pdf/2410.01257) “HelpSteer2-Preference”. It works.',
  '',
  '33. ***Enhancing credit assignment <br>',
  'This paper introduces VinePPO.',
  'Reward modeling comparison and combination <br>*** <br>',
  '   Oct 2, Mila published a [paper](https://arxiv.org/pdf/2410.01679) “VinePPO”. It works.',
  '',
].join('\n');

const byNumber = (issue: string, number: number): EntryReference => ({ issue, number });
const CDE = byNumber('2024-10-06', 11);

function buildWith(corrections: Correction[], ...documents: string[]) {
  return buildArchive(
    documents.map((text, i) => ({ file: `doc${i + 1}.md`, text })),
    { ...tables, corrections },
  );
}

function entryOf(result: ReturnType<typeof buildWith>, number: number) {
  return result.bundle?.entries.find((item) => item.number === number);
}

const arxivFix: Correction = {
  at: AT,
  entry: CDE,
  field: 'paper.arxivId',
  from: '2410.02762',
  to: '2410.02525',
  checkedAgainst: RECORD,
};

describe('data/corrections.json', () => {
  it('corrects an arXiv id, its paper link, and the paper groups and conflicts that follow from it', () => {
    const uncorrected = buildWith([], ISSUE);
    expect(entryOf(uncorrected, 9)?.paperConflicts).toEqual([entryOf(uncorrected, 11)?.id]);
    expect(entryOf(uncorrected, 11)?.paperConflicts).toEqual([entryOf(uncorrected, 9)?.id]);
    expect(messages(uncorrected, 'warning').some((m) => m.includes('arXiv 2410.02762 is linked by two'))).toBe(true);

    const corrected = buildWith([arxivFix], ISSUE);
    expect(entryOf(corrected, 11)?.paper).toMatchObject({
      arxivId: '2410.02525',
      url: 'https://arxiv.org/abs/2410.02525',
    });
    expect(entryOf(corrected, 9)?.paper?.arxivId).toBe('2410.02762');
    expect(corrected.bundle?.entries.map((item) => item.paperConflicts)).toEqual([[], [], [], []]);
    expect(messages(corrected, 'warning').filter((m) => m.includes('linked by'))).toEqual([]);
    expect(messages(corrected, 'info')).toContain(
      `doc1.md:6: info: corrected paper.arxivId of entry 11 (2024-10-06-contextual-embeddings) from "2410.02762" to "2410.02525", checked against ${RECORD} (data/corrections.json:7)`,
    );
  });

  it('corrects a paper title, a DOI and a headline, naming the entry by file and line, and never moves its id', () => {
    const where = { file: 'doc1.md', line: 6 };
    const result = buildWith(
      [
        {
          at: AT,
          entry: where,
          field: 'paper.title',
          from: 'Contextual Document Embeddings',
          to: 'CDE',
          checkedAgainst: RECORD,
        },
        {
          at: AT,
          entry: where,
          field: 'paper.doi',
          from: null,
          to: '10.48550/arXiv.2410.02525',
          checkedAgainst: RECORD,
        },
        {
          at: AT,
          entry: where,
          field: 'headline',
          from: 'Contextual embeddings',
          to: 'Context matters',
          checkedAgainst: RECORD,
        },
      ],
      ISSUE,
    );
    const corrected = entryOf(result, 11);
    expect(corrected?.paper).toMatchObject({ title: 'CDE', doi: '10.48550/arXiv.2410.02525' });
    expect(corrected?.headline).toBe('Context matters');
    expect(corrected?.id).toBe('2024-10-06-contextual-embeddings');
    expect(messages(result, 'info').filter((m) => m.includes('info: corrected'))).toHaveLength(3);
  });

  it('moves a stray line to the entry that lacks a headline, and retires the two warnings about them', () => {
    const uncorrected = buildWith([], ISSUE);
    expect(messages(uncorrected, 'warning')).toEqual(
      expect.arrayContaining([
        'doc1.md:9: warning: entry 31 has no headline in its bold block; the paper title is used',
        'doc1.md:14: warning: stray line inside the bold block of entry 33 ("Reward modeling comparison and combination"); kept at the end of the summary',
      ]),
    );
    const move: Correction = {
      at: AT,
      entry: byNumber('2024-10-06', 33),
      field: 'strayHeadline',
      from: 'Reward modeling comparison and combination',
      moveTo: byNumber('2024-10-06', 31),
      checkedAgainst: 'https://arxiv.org/abs/2410.01257',
    };
    const result = buildWith([move], ISSUE);
    expect(entryOf(result, 31)?.headline).toBe('Reward modeling comparison and combination');
    expect(entryOf(result, 31)?.id).toBe(entryOf(uncorrected, 31)?.id);
    expect(entryOf(result, 33)?.summary).toBe('This paper introduces VinePPO.');
    expect(messages(result, 'warning').filter((m) => /entry 3[13]/.test(m))).toEqual([]);
    expect(messages(result, 'info').filter((m) => m.includes('info: corrected'))).toEqual([
      'doc1.md:12: info: corrected summary of entry 33 (2024-10-06-enhancing-credit-assignment) by moving its last line, "Reward modeling comparison and combination", to entry 31, checked against https://arxiv.org/abs/2410.01257 (data/corrections.json:7)',
      'doc1.md:9: info: corrected headline of entry 31 (2024-10-06-helpsteer2-preference) to "Reward modeling comparison and combination", the stray line of entry 33, checked against https://arxiv.org/abs/2410.01257 (data/corrections.json:7)',
    ]);

    const fixedSource = ISSUE.replace('Reward modeling comparison and combination <br>', '<br>');
    const stale = buildWith([move], fixedSource);
    expect(messages(stale, 'warning')).toContain(
      'data/corrections.json:7: warning: correction of strayHeadline for entry 33 of issue 2024-10-06 not applied: the summary of entry 33 no longer ends with "Reward modeling comparison and combination" (update or remove the correction)',
    );
    const headlined = buildWith(
      [move],
      ISSUE.replace('31. ***Nvidia compares', '31. ***Own headline:  <br>Nvidia compares'),
    );
    expect(entryOf(headlined, 31)?.headline).toBe('Own headline');
    expect(
      messages(headlined, 'warning').some((m) => m.includes('now has a headline of its own, "Own headline"')),
    ).toBe(true);
  });

  it('warns about a correction that no longer matches, and changes nothing', () => {
    const result = buildWith(
      [
        { ...arxivFix, from: '2410.99999' },
        { ...arxivFix, entry: byNumber('2024-10-06', 99) },
        { ...arxivFix, entry: { file: 'doc1.md', line: 5 } },
        { ...arxivFix, entry: byNumber('2024-10-06', 31), field: 'paper.doi', from: '10.1/x', to: null },
      ],
      ISSUE,
    );
    expect(entryOf(result, 11)?.paper?.arxivId).toBe('2410.02762');
    expect(messages(result, 'warning').filter((m) => m.startsWith('data/corrections.json'))).toEqual([
      'data/corrections.json:7: warning: correction of paper.arxivId for entry 11 of issue 2024-10-06 not applied: paper.arxivId of entry 11 (2024-10-06-contextual-embeddings) is "2410.02762", not "2410.99999" (update or remove the correction)',
      'data/corrections.json:7: warning: correction of paper.arxivId for entry 99 of issue 2024-10-06 not applied: entry 99 of issue 2024-10-06 is not in the archive (update or remove the correction)',
      'data/corrections.json:7: warning: correction of paper.arxivId for the entry at doc1.md:5 not applied: the entry at doc1.md:5 is not in the archive (update or remove the correction)',
      'data/corrections.json:7: warning: correction of paper.doi for entry 31 of issue 2024-10-06 not applied: paper.doi of entry 31 (2024-10-06-helpsteer2-preference) is none, not "10.1/x" (update or remove the correction)',
    ]);
    expect(messages(result, 'info').some((m) => m.includes('info: corrected'))).toBe(false);
  });

  it('refuses to guess between two entries with the same issue and number, and skips issues the build did not read', () => {
    const ambiguous = buildWith([arxivFix], ISSUE, ISSUE);
    expect(ambiguous.bundle?.entries.map((item) => item.paper?.arxivId)).not.toContain('2410.02525');
    expect(messages(ambiguous, 'warning')).toContain(
      'data/corrections.json:7: warning: correction of paper.arxivId for entry 11 of issue 2024-10-06 not applied: entry 11 of issue 2024-10-06 is 2 entries (doc1.md:6, doc2.md:6); name it by file and line (update or remove the correction)',
    );
    const elsewhere = buildWith([arxivFix], `***Nov 2, 2024***\n\n${entry(11, 'Other')}`);
    expect(messages(elsewhere).filter((m) => m.includes('corrections.json'))).toEqual([]);
  });

  it('finds the line each correction starts on, so its diagnostics can name it', () => {
    const text =
      '{\n  "$comment": "a [list] of {things}, \\"quoted\\"",\n  "corrections": [\n    {\n      "entry": { "issue": "x" }\n    },\n    { "b": [1, 2] },\n\n    "c"\n  ],\n  "other": [{}]\n}\n';
    expect(elementLines(text, 'corrections')).toEqual([4, 7, 9]);
    expect(elementLines(text, 'missing')).toEqual([]);
  });
});
