// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildArchive, type SourceDocument } from '../../scripts/lib/build-archive';
import type { ArchiveBundle } from '../../src/shared/bundle';
import { entry, messages, tables } from './helpers';

/** What an id must keep naming: the entry's words and where it came from. */
function namedEntries(bundle: ArchiveBundle | null): Map<string, string> {
  return new Map(
    (bundle?.entries ?? []).map((e) => [e.id, `${e.headline} | ${e.summary} | ${e.source.file}:${e.source.line}`]),
  );
}

function buildFrom(...sources: SourceDocument[]) {
  const result = buildArchive(sources, tables);
  expect(messages(result, 'error')).toEqual([]);
  return result;
}

/** Every entry of `before` that is still there keeps its id, and no id of `before` names another entry. */
function expectIdsKept(before: ArchiveBundle | null, after: ArchiveBundle | null) {
  const old = namedEntries(before);
  const now = namedEntries(after);
  const idNow = new Map([...now].map(([id, named]) => [named, id]));
  expect(old.size).toBeGreaterThan(0);
  for (const [id, named] of old) {
    if (idNow.has(named)) expect(idNow.get(named), named).toBe(id);
    else expect(now.has(id), `${id} names another entry`).toBe(false);
  }
}

const main: SourceDocument = {
  file: 'data/newsletters/main.md',
  text:
    `***Nov 2, 2024***\n\n${entry(1, 'Alpha')}${entry(2, 'Beta')}${entry(3, 'Gamma')}${entry(4, 'Alpha')}` +
    `***Oct 27, 2024***\n\n${entry(1, 'Alpha')}${entry(2, 'Delta')}`,
};

/** A later document for the same issue, sorting before the main one, repeating two of its headlines. */
const correction: SourceDocument = {
  file: 'data/newsletters/0-correction.md',
  text: `***Nov 2, 2024***\n\n${entry(5, 'Alpha').replace('A summary of Alpha', 'Another Alpha')}${entry(6, 'Beta').replace('A summary of Beta', 'Another Beta')}`,
};

/** A document that sorts last and also repeats a headline of the issue. */
const appendix: SourceDocument = {
  file: 'data/newsletters/zz-appendix.md',
  text: `***Nov 2, 2024***\n\n${entry(7, 'Gamma').replace('A summary of Gamma', 'More Gamma')}`,
};

describe('entry ids never move', () => {
  const alone = buildFrom(main);

  it('keeps the plain date-and-headline id for unique headlines and suffixes a repeat from the entry itself', () => {
    expect(alone.bundle?.entries.map((e) => e.id)).toEqual([
      '2024-11-02-alpha',
      '2024-11-02-beta',
      '2024-11-02-gamma',
      '2024-11-02-alpha--main-4',
      '2024-10-27-alpha',
      '2024-10-27-delta',
    ]);
  });

  it('keeps every id when a document that sorts first adds colliding headlines to the issue', () => {
    const larger = buildFrom(correction, main);
    expectIdsKept(alone.bundle, larger.bundle);
    const added = larger.bundle?.entries.filter((e) => e.source.file === correction.file).map((e) => e.id);
    expect(added).toEqual(['2024-11-02-alpha--0-correction-5', '2024-11-02-beta--0-correction-6']);
  });

  it('keeps every id when documents are added on both sides, removed again, or given in another order', () => {
    const all = buildFrom(main, correction, appendix);
    expectIdsKept(alone.bundle, all.bundle);
    expect(buildFrom(appendix, correction, main).bundle).toEqual(all.bundle);
    expectIdsKept(buildFrom(main, appendix).bundle, all.bundle);
    expectIdsKept(all.bundle, buildFrom(main, appendix).bundle);
    expectIdsKept(all.bundle, buildFrom(correction, main).bundle);
    expectIdsKept(all.bundle, alone.bundle);
  });

  it('keeps the ids of an added document when yet another one that sorts first is added', () => {
    const early: SourceDocument = {
      file: 'data/newsletters/0-a-early.md',
      text: `***Nov 2, 2024***\n\n${entry(8, 'Alpha').replace('A summary of Alpha', 'Early Alpha')}${entry(9, 'Beta').replace('A summary of Beta', 'Early Beta')}`,
    };
    const two = buildFrom(correction, main);
    expectIdsKept(two.bundle, buildFrom(early, correction, main, appendix).bundle);
  });
});

describe('the same issue in two documents', () => {
  it('merges the issue with an info line, warns about a repeated number and gives the repeat its own id', () => {
    const copy: SourceDocument = {
      file: 'data/newsletters/copy.md',
      text: `***Oct 27, 2024***\n\n${entry(2, 'Delta')}`,
    };
    const result = buildFrom(main, copy);
    expect(messages(result, 'info')).toContain(
      'data/newsletters/main.md:11: info: issue 2024-10-27 continues here (first heading at data/newsletters/copy.md:1); its entries are merged',
    );
    expect(
      messages(result, 'warning').some((m) => m.includes('entry number 2 is used twice in issue 2024-10-27')),
    ).toBe(true);
    expect(result.bundle?.issues.find((issue) => issue.id === '2024-10-27')?.entryIds).toEqual([
      '2024-10-27-delta--copy-2',
      '2024-10-27-alpha',
      '2024-10-27-delta',
    ]);
    expectIdsKept(buildFrom(main).bundle, result.bundle);
  });

  it('refuses the same document given twice', () => {
    const result = buildArchive([main, correction, main], tables);
    expect(result.bundle).toBeNull();
    expect(messages(result, 'error')).toEqual([
      'data/newsletters/main.md:1: error: this document is given twice (give each input once)',
    ]);
  });
});
