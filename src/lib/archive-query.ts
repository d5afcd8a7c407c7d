import { queryOptions, useQuery } from '@tanstack/react-query';
import { BUNDLE_PATH, groupByPaper, parseBundle, type ArchiveBundle, type Entry, type Issue } from '@/shared/bundle';
import { yieldToMain } from '@/lib/yield-to-main';

/** The loaded bundle with the look-ups every page needs, computed once per fetch. */
export interface Archive {
  bundle: ArchiveBundle;
  issues: Issue[];
  entries: Entry[];
  issueById: ReadonlyMap<string, Issue>;
  entryById: ReadonlyMap<string, Entry>;
  /** Entries of each issue, in reading order. */
  entriesByIssue: ReadonlyMap<string, Entry[]>;
  /** Entries about the same paper, by {@link Entry.paperGroup}, in bundle order (newest issue first). */
  entriesByPaper: ReadonlyMap<string, Entry[]>;
}

/** Raised when the bundle cannot be fetched; carries the HTTP status when there was one. */
export class ArchiveFetchError extends Error {
  override name = 'ArchiveFetchError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Builds the look-up maps over a validated bundle. */
export function indexArchive(bundle: ArchiveBundle): Archive {
  const entryById = new Map(bundle.entries.map((entry) => [entry.id, entry]));
  const entriesByIssue = new Map<string, Entry[]>();
  for (const issue of bundle.issues) {
    entriesByIssue.set(
      issue.id,
      issue.entryIds.map((id) => entryById.get(id)).filter((entry): entry is Entry => entry !== undefined),
    );
  }
  return {
    bundle,
    issues: bundle.issues,
    entries: bundle.entries,
    issueById: new Map(bundle.issues.map((issue) => [issue.id, issue])),
    entryById,
    entriesByIssue,
    entriesByPaper: groupByPaper(bundle.entries),
  };
}

/** Fetches and validates the bundle from this origin; parsing, validating and indexing each run in their own task. */
export async function fetchArchive(signal?: AbortSignal): Promise<Archive> {
  const url = `${import.meta.env.BASE_URL}${BUNDLE_PATH}`;
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ArchiveFetchError('The archive could not be downloaded. Check your connection and try again.');
  }
  if (!response.ok) {
    throw new ArchiveFetchError(`The archive could not be downloaded (HTTP ${response.status}).`, response.status);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ArchiveFetchError('The archive is not valid JSON.');
  }
  await yieldToMain();
  const bundle = parseBundle(json);
  await yieldToMain();
  return indexArchive(bundle);
}

/** Query keys for the archive, general to specific. */
export const archiveKeys = {
  all: ['archive'] as const,
  bundle: () => [...archiveKeys.all, 'bundle'] as const,
};

/** The one query for the archive bundle: fetched once, kept forever, served from cache when offline. */
export function archiveQueryOptions() {
  return queryOptions({
    queryKey: archiveKeys.bundle(),
    queryFn: ({ signal }) => fetchArchive(signal),
    staleTime: Infinity,
    gcTime: Infinity,
    networkMode: 'offlineFirst',
  });
}

/** The archive query, for components that render their own loading and error states. */
export function useArchive() {
  return useQuery(archiveQueryOptions());
}
