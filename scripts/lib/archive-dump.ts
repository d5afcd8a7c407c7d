/**
 * The archive in the fields of schema 1 (issues, entries with every field schema 1 had, topics), whatever the stored
 * layout: tools, diffs and tests read this instead of knowing how the bundle is stored. Fields added since (`outlet`,
 * `paperConflicts`, `paper.doi`) are left out, so the output keeps schema 1 exactly. Pure; the CLI is
 * scripts/archive-dump.ts.
 */
import { groupByPaper, type ArchiveBundle, type Entry, type Issue, type Paper } from '../../src/shared/bundle';

/** A paper as schema 1 wrote it. */
type SchemaOnePaper = Omit<Paper, 'doi'>;

/** An entry as schema 1 wrote it: `sameAs` lists the other entries about the same paper. */
export type SchemaOneEntry = Omit<Entry, 'paperGroup' | 'outlet' | 'paperConflicts' | 'paper'> & {
  paper: SchemaOnePaper | null;
  sameAs: string[];
};

/** The whole archive as schema 1 wrote it. */
export interface SchemaOneArchive {
  schemaVersion: 1;
  issues: Issue[];
  entries: SchemaOneEntry[];
  topics: string[];
}

/** Converts a bundle to schema 1; `sameAs` is spelled out per entry, so a paper covered n times costs n² ids here. */
export function toSchemaOne(bundle: ArchiveBundle): SchemaOneArchive {
  const members = groupByPaper(bundle.entries);
  const entries = bundle.entries.map(
    ({ paperGroup, outlet: _outlet, paperConflicts: _paperConflicts, paper, ...rest }): SchemaOneEntry => {
      const group = paperGroup === null ? [] : (members.get(paperGroup) ?? []);
      return {
        ...rest,
        paper: paper && { title: paper.title, arxivId: paper.arxivId, url: paper.url },
        sameAs: group.flatMap((other) => (other.id === rest.id ? [] : [other.id])),
      };
    },
  );
  return { schemaVersion: 1, issues: bundle.issues, entries, topics: bundle.topics };
}
