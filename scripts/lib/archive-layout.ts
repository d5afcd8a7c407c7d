import { createHash } from 'node:crypto';
import {
  CATALOGUE_PATH,
  entryFragmentPath,
  issueFilePath,
  issueTopics,
  type Catalogue,
  type EntryFragment,
  type IssueFile,
} from '../../src/shared/archive-layout';
import type { ArchiveBundle, Entry } from '../../src/shared/bundle';

/** One file of the split archive: its path relative to the site root, such as `data/issues/2024-10-27.1a2b3c4d5e.json`. */
export interface ArchiveFile {
  path: string;
  json: string;
}

/** The fragments of one issue file: a folder named after it, one file per entry (see {@link entryFragmentPath}). */
export interface FragmentFolder {
  /** Relative to the site root, such as `data/issues/2024-10-27.1a2b3c4d5e`. */
  path: string;
  /** In the issue file's entry order. */
  fragments: ArchiveFile[];
}

/**
 * The split archive: the catalogue, one file per issue but the newest, and a folder of one file per entry beside each
 * issue file (see src/shared/archive-layout.ts).
 */
export interface ArchiveLayout {
  catalogue: ArchiveFile;
  issueFiles: ArchiveFile[];
  /** The content hash in each issue's file name ({@link issueFilePath}), by issue id: every issue but the newest. */
  hashOfIssue: Readonly<Record<string, string>>;
  /** One per issue file, in the same order. */
  fragmentFolders: FragmentFolder[];
}

const toJson = (value: unknown) => `${JSON.stringify(value)}\n`;

/** Ten hex digits of SHA-256: a name that changes exactly when the content does. */
function contentHash(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 10);
}

/** One fragment per entry of the issue file at `issueFile`, in its entry order. */
function fragmentFolder(issueFile: string, file: IssueFile): FragmentFolder {
  return {
    path: issueFile.replace(/\.json$/, ''),
    fragments: file.entries.map((entry, position) => {
      const fragment: EntryFragment = { schemaVersion: file.schemaVersion, entry };
      return { path: entryFragmentPath(issueFile, position), json: toJson(fragment) };
    }),
  };
}

/**
 * Splits a built bundle into the catalogue (each issue with its entry count), per-issue files (each with its entries,
 * so its entry ids) and per-entry fragments beside them. Pure and deterministic; linear in the archive.
 */
export function layoutArchive(bundle: ArchiveBundle): ArchiveLayout {
  const entriesByIssue = new Map<string, Entry[]>();
  for (const entry of bundle.entries) {
    const entries = entriesByIssue.get(entry.issueId);
    if (entries) entries.push(entry);
    else entriesByIssue.set(entry.issueId, [entry]);
  }
  const entryById = new Map(bundle.entries.map((entry) => [entry.id, entry]));
  // Each issue's entries in its reading order: what its file holds, and so what the catalogue counts.
  const listed = new Map(
    bundle.issues.map((issue) => [
      issue.id,
      issue.entryIds.map((id) => entryById.get(id)).filter((entry): entry is Entry => entry !== undefined),
    ]),
  );
  const inOrder = (issueId: string) => listed.get(issueId) ?? [];

  const issueFiles: ArchiveFile[] = [];
  const fragmentFolders: FragmentFolder[] = [];
  const fileOfIssue: Record<string, string> = {};
  const hashOfIssue: Record<string, string> = {};
  for (const issue of bundle.issues.slice(1)) {
    const file: IssueFile = {
      schemaVersion: bundle.schemaVersion,
      issueId: issue.id,
      entries: inOrder(issue.id),
    };
    const json = toJson(file);
    const hash = contentHash(json);
    const path = issueFilePath(issue.id, hash);
    fileOfIssue[issue.id] = path;
    hashOfIssue[issue.id] = hash;
    issueFiles.push({ path, json });
    fragmentFolders.push(fragmentFolder(path, file));
  }
  const latest = bundle.issues[0];
  const catalogue: Catalogue = {
    schemaVersion: bundle.schemaVersion,
    publication: bundle.publication,
    topics: bundle.topics,
    issues: bundle.issues.map(({ id, date, title }) => ({
      id,
      date,
      title,
      entryCount: inOrder(id).length,
      topics: issueTopics(entriesByIssue.get(id) ?? [], bundle.topics),
    })),
    latestEntries: latest ? inOrder(latest.id) : [],
    issueFiles: fileOfIssue,
  };
  return { catalogue: { path: CATALOGUE_PATH, json: toJson(catalogue) }, issueFiles, hashOfIssue, fragmentFolders };
}
