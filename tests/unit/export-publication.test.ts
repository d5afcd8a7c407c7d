import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '@/features/bookmarks/lib/bookmark-model';
import { toBibtex } from '@/features/bookmarks/lib/export-bibtex';
import { toCslJson } from '@/features/bookmarks/lib/export-csl';
import type { ExportRecord } from '@/features/bookmarks/lib/export-record';
import { fixtureBundle } from '../support/fixture-bundle';

const entry = fixtureBundle.entries.find((item) => item.id === '2024-11-02-benchmarking-code-generation')!;
const snapshot = snapshotOf(entry);

function record(publication?: string): ExportRecord {
  const bookmark = {
    entryId: entry.id,
    addedAt: '2025-01-15T10:00:00.000Z',
    updatedAt: '2025-01-15T10:00:00.000Z',
    note: '',
    tags: [],
    snapshot,
  };
  return {
    bookmark,
    snapshot,
    appUrl: `https://reader.example/entries/${entry.id}`,
    ...(publication === undefined ? {} : { publication }),
  };
}

describe('exported references name the newsletter the archive says it is from', () => {
  it('cites the publication given by the archive', () => {
    expect(parse(toBibtex([record('Example Weekly')]), { sentenceCase: false }).entries[0]!.fields.addendum).toBe(
      'Example Weekly newsletter, issue of 2024-11-02',
    );
    expect(toCslJson([record('Example Weekly')])).toContain('Example Weekly newsletter, issue of 2024-11-02');
  });

  it('names no newsletter while the archive is not loaded', () => {
    expect(parse(toBibtex([record()]), { sentenceCase: false }).entries[0]!.fields.addendum).toBe(
      'Newsletter, issue of 2024-11-02',
    );
  });
});
