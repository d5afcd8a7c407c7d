/**
 * Downloads the archive's files (src/shared/archive-layout.ts) from this origin: the catalogue, one issue, one entry, or
 * every issue put together. No React here, so the search worker loads the archive with the same code as the page.
 */
import {
  bundleIssues,
  CATALOGUE_PATH,
  entryFragmentPath,
  issueIdOfEntry,
  parseCatalogueInSlices,
  parseEntryFragment,
  parseIssueFile,
  type Catalogue,
  type CatalogueIssue,
} from '@/shared/archive-layout';
import { BundleError, checkBundleReferences, type ArchiveBundle, type Entry } from '@/shared/bundle';
import { yieldToMain } from '@/lib/yield-to-main';

/** Raised when part of the archive cannot be fetched; carries the HTTP status when there was one. */
export class ArchiveFetchError extends Error {
  override name = 'ArchiveFetchError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** How many issue files download at once: a browser's connections to one HTTP/1.1 host. */
const PARALLEL_DOWNLOADS = 6;

/** Fetches JSON from this origin, turning each failure into an {@link ArchiveFetchError} a reader can act on. */
export async function fetchJson(path: string, signal: AbortSignal | undefined): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${import.meta.env.BASE_URL}${path}`, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ArchiveFetchError('The archive could not be downloaded. Check your connection and try again.');
  }
  if (!response.ok) {
    throw new ArchiveFetchError(`The archive could not be downloaded (HTTP ${response.status}).`, response.status);
  }
  try {
    return await response.json();
  } catch {
    throw new ArchiveFetchError('The archive is not valid JSON.');
  }
}

/** Downloads and validates the catalogue, a slice at a time so the page stays responsive while it is checked. */
export async function fetchCatalogue(signal?: AbortSignal): Promise<Catalogue> {
  return parseCatalogueInSlices(await fetchJson(CATALOGUE_PATH, signal), yieldToMain);
}

/** Downloads and validates one issue's entries; the newest issue's are in the catalogue already. */
export async function fetchIssueEntries(
  catalogue: Catalogue,
  issue: CatalogueIssue,
  signal?: AbortSignal,
): Promise<Entry[]> {
  if (issue.id === catalogue.issues[0]?.id) return catalogue.latestEntries;
  const file = catalogue.issueFiles[issue.id];
  if (!file) throw new ArchiveFetchError(`The archive has no file for the issue of ${issue.date}.`);
  return parseIssueFile(await fetchJson(file, signal), issue);
}

/**
 * Downloads and validates the entry at `position` (0-based, reading order) of the issue whose file is `issueFile`,
 * from its own small file. Rejects when the entry, by its issue or its id, is not in that issue.
 */
export async function fetchEntryFile(
  issueFile: string,
  issue: Pick<CatalogueIssue, 'id' | 'date'>,
  position: number,
  signal?: AbortSignal,
): Promise<Entry> {
  const entry = parseEntryFragment(await fetchJson(entryFragmentPath(issueFile, position), signal));
  if (entry.issueId !== issue.id || issueIdOfEntry(entry.id) !== issue.id) {
    throw new BundleError(`The archive is malformed: entry ${position} of the issue of ${issue.date} is not in it`);
  }
  return entry;
}

/**
 * Downloads every issue and puts the whole bundle together, in bundle order (newest issue first, reading order), each
 * issue listing its entries' ids from its file. Each file is validated as it arrives, in its own task, so the page
 * stays responsive however large the archive.
 */
export async function fetchWholeBundle(
  signal?: AbortSignal,
  catalogue?: Catalogue,
  giveWay: () => Promise<void> = yieldToMain,
): Promise<ArchiveBundle> {
  const loaded = catalogue ?? (await fetchCatalogue(signal));
  const issues = loaded.issues;
  const entriesOf: Entry[][] = new Array<Entry[]>(issues.length);
  let next = 0;
  const download = async () => {
    while (next < issues.length) {
      const index = next++;
      const issue = issues[index];
      if (!issue) continue;
      entriesOf[index] = await fetchIssueEntries(loaded, issue, signal);
      await giveWay();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DOWNLOADS, issues.length) }, download));
  const bundle: ArchiveBundle = {
    schemaVersion: loaded.schemaVersion,
    publication: loaded.publication,
    issues: bundleIssues(loaded, new Map(issues.map((issue, index) => [issue.id, entriesOf[index] ?? []]))),
    entries: entriesOf.flat(),
    topics: loaded.topics,
  };
  checkBundleReferences(bundle);
  return bundle;
}
