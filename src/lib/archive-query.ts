import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { ArchiveFetchError, fetchCatalogue, fetchIssueEntries, fetchWholeBundle } from '@/lib/archive-files';
import { yieldToMain } from '@/lib/yield-to-main';
import { bundleIssues, issueIdOfEntry, issueTopics, type Catalogue } from '@/shared/archive-layout';
import { groupByPaper, type ArchiveBundle, type Entry, type Issue } from '@/shared/bundle';

/** An issue of the archive: how many entries it has, always; their ids only once they are loaded (none before). */
export type ArchiveIssue = Issue & { entryCount: number };

/** The loaded archive, or the part of it a page needs, with the look-ups every page uses, computed once per load. */
export interface Archive {
  bundle: ArchiveBundle;
  /** Every issue, newest first, even when only some issues' entries are loaded. */
  issues: ArchiveIssue[];
  /** The loaded entries: all of them when {@link complete}. */
  entries: Entry[];
  /** False when only the catalogue and some issues' entries are loaded; the whole archive replaces it once loaded. */
  complete: boolean;
  /**
   * What this archive was loaded from: the catalogue, shared by the partial and whole archives of one load, so work
   * done once per load (the search index) is not redone when the whole archive replaces a partial one.
   */
  origin: object;
  /** How many entries the whole archive has, loaded or not. */
  entryCount: number;
  issueById: ReadonlyMap<string, ArchiveIssue>;
  entryById: ReadonlyMap<string, Entry>;
  /** Entries of each loaded issue, in reading order. */
  entriesByIssue: ReadonlyMap<string, Entry[]>;
  /** Each issue's most used topics, most frequent first: known for every issue, loaded or not. */
  issueTopics: ReadonlyMap<string, string[]>;
  /** Entries about the same paper, by {@link Entry.paperGroup}, in bundle order (newest issue first). */
  entriesByPaper: ReadonlyMap<string, Entry[]>;
}

/** Entries between two pauses of {@link lookUpSteps}: a few milliseconds of work. */
const ENTRIES_PER_STEP = 2000;

/** Builds the look-ups, pausing (`yield`) after each issue and every few thousand entries, so a caller can slice it. */
function* lookUpSteps(
  bundle: ArchiveBundle,
  issues: ArchiveIssue[],
  complete: boolean,
  origin: object,
  topicsOf: (issue: Issue, entries: Entry[]) => string[],
): Generator<void, Archive> {
  const entryById = new Map<string, Entry>();
  for (const [index, entry] of bundle.entries.entries()) {
    entryById.set(entry.id, entry);
    if (index % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
  }
  const entriesByIssue = new Map<string, Entry[]>();
  const topics = new Map<string, string[]>();
  let entryCount = 0;
  for (const issue of issues) {
    entryCount += issue.entryCount;
    const entries = issue.entryIds.map((id) => entryById.get(id)).filter((entry): entry is Entry => !!entry);
    if (entries.length > 0) entriesByIssue.set(issue.id, entries);
    topics.set(issue.id, topicsOf(issue, entries));
    yield;
  }
  return {
    bundle,
    issues,
    entries: bundle.entries,
    complete,
    origin,
    entryCount,
    issueById: new Map(issues.map((issue) => [issue.id, issue])),
    entryById,
    entriesByIssue,
    issueTopics: topics,
    entriesByPaper: groupByPaper(bundle.entries),
  };
}

/** Runs `steps` to the end at once. */
function runAtOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long {@link runInSlices} works before giving the main thread back: well inside a 50 ms long task. */
const SLICE_MS = 8;

/** Runs `steps` to the end, giving the main thread back whenever a slice has taken {@link SLICE_MS}. */
async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
}

function wholeArchiveSteps(bundle: ArchiveBundle, origin: object): Generator<void, Archive> {
  const issues = bundle.issues.map((issue) => ({ ...issue, entryCount: issue.entryIds.length }));
  return lookUpSteps(bundle, issues, true, origin, (_issue, entries) => issueTopics(entries, bundle.topics));
}

/** Builds the look-up maps over a validated bundle. */
export function indexArchive(bundle: ArchiveBundle, origin: object = bundle): Archive {
  return runAtOnce(wholeArchiveSteps(bundle, origin));
}

/** The part of the archive a page can show from the catalogue and the issues loaded so far. */
export function partialArchive(catalogue: Catalogue, loaded: ReadonlyMap<string, readonly Entry[]>): Archive {
  const latestId = catalogue.issues[0]?.id;
  const entries: Entry[] = [...catalogue.latestEntries];
  for (const [issueId, issueEntries] of loaded) if (issueId !== latestId) entries.push(...issueEntries);
  const entriesByIssue = new Map(loaded);
  if (latestId !== undefined) entriesByIssue.set(latestId, catalogue.latestEntries);
  const bundle: ArchiveBundle = {
    schemaVersion: catalogue.schemaVersion,
    publication: catalogue.publication,
    issues: bundleIssues(catalogue, entriesByIssue),
    entries,
    topics: catalogue.topics,
  };
  const issues = bundle.issues.map((issue, index) => ({
    ...issue,
    entryCount: catalogue.issues[index]?.entryCount ?? 0,
  }));
  const topics = new Map(catalogue.issues.map((issue) => [issue.id, issue.topics]));
  return runAtOnce(lookUpSteps(bundle, issues, false, catalogue, (issue) => topics.get(issue.id) ?? []));
}

/**
 * Downloads every issue and indexes the whole archive; each file is validated in its own task, and the look-ups are
 * built in slices, so no task grows with the archive.
 */
export async function fetchArchive(signal?: AbortSignal, catalogue?: Catalogue): Promise<Archive> {
  const bundle = await fetchWholeBundle(signal, catalogue);
  await yieldToMain();
  return runInSlices(wholeArchiveSteps(bundle, catalogue ?? bundle));
}

/** Query keys for the archive, general to specific. */
export const archiveKeys = {
  all: ['archive'] as const,
  bundle: () => [...archiveKeys.all, 'bundle'] as const,
  catalogue: () => [...archiveKeys.all, 'catalogue'] as const,
  issue: (issueId: string) => [...archiveKeys.all, 'issue', issueId] as const,
};

/** Files of one build never change, so each query is fetched once, kept forever and served from cache when offline. */
const kept = { staleTime: Infinity, gcTime: Infinity, networkMode: 'offlineFirst' } as const;

/** The whole archive: for search, bookmarks, and what an entry page shows from other issues. */
export function archiveQueryOptions() {
  return queryOptions({
    queryKey: archiveKeys.bundle(),
    queryFn: async ({ client, signal }) => fetchArchive(signal, await client.ensureQueryData(catalogueQueryOptions())),
    ...kept,
  });
}

/** The catalogue: every issue, and the newest issue's entries. */
export function catalogueQueryOptions() {
  return queryOptions({
    queryKey: archiveKeys.catalogue(),
    queryFn: ({ signal }) => fetchCatalogue(signal),
    ...kept,
  });
}

/** One issue's entries, from the file the catalogue names for it. */
export function issueEntriesQueryOptions(issueId: string) {
  return queryOptions({
    queryKey: archiveKeys.issue(issueId),
    queryFn: async ({ client, signal }): Promise<Entry[]> => {
      const catalogue = await client.ensureQueryData(catalogueQueryOptions());
      const issue = catalogue.issues.find((candidate) => candidate.id === issueId);
      if (!issue) throw new ArchiveFetchError(`The archive has no issue ${issueId}.`, 404);
      return fetchIssueEntries(catalogue, issue, signal);
    },
    ...kept,
  });
}

/** The whole archive query, for components that render their own loading and error states. */
export function useArchive({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...archiveQueryOptions(), enabled });
}

/** What {@link usePageArchive} and {@link useArchive} have in common: enough for a page to load, fail and retry. */
export interface ArchiveState {
  data: Archive | undefined;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/**
 * The archive as far as a page about one issue needs it: the whole archive if it is already loaded, else the catalogue
 * and that issue's entries (`'latest'` for the newest issue), so the page never waits for the rest of the archive.
 */
export function usePageArchive(issueId: string): ArchiveState {
  const whole = useQuery({ ...archiveQueryOptions(), enabled: false });
  const catalogue = useQuery({ ...catalogueQueryOptions(), enabled: !whole.data });
  const latestId = catalogue.data?.issues[0]?.id;
  const targetId = issueId === 'latest' ? latestId : issueId;
  const known = !!catalogue.data?.issues.some((issue) => issue.id === targetId);
  const needsFile = !!targetId && known && targetId !== latestId;
  const issue = useQuery({
    ...issueEntriesQueryOptions(targetId ?? ''),
    enabled: !whole.data && needsFile,
  });

  if (whole.data) return { ...whole, data: whole.data };
  if (catalogue.isError || !catalogue.data) {
    return {
      data: undefined,
      isError: catalogue.isError,
      error: catalogue.error,
      isFetching: catalogue.isFetching,
      refetch: catalogue.refetch,
    };
  }
  if (needsFile && !issue.data) {
    return {
      data: undefined,
      isError: issue.isError,
      error: issue.error,
      isFetching: issue.isFetching,
      refetch: issue.refetch,
    };
  }
  return {
    data: memoPartial(catalogue.data, needsFile && targetId && issue.data ? [targetId, issue.data] : null),
    isError: false,
    error: null,
    isFetching: false,
    refetch: catalogue.refetch,
  };
}

/** Partial archives by catalogue and issue entries, so a re-render hands pages the same object (and memoised views). */
const partials = new WeakMap<Catalogue, Map<Entry[] | null, Archive>>();

function memoPartial(catalogue: Catalogue, loaded: [string, Entry[]] | null): Archive {
  let byEntries = partials.get(catalogue);
  if (!byEntries) partials.set(catalogue, (byEntries = new Map<Entry[] | null, Archive>()));
  const key = loaded?.[1] ?? null;
  let archive = byEntries.get(key);
  if (!archive) {
    archive = partialArchive(catalogue, new Map(loaded ? [loaded] : []));
    byEntries.set(key, archive);
  }
  return archive;
}

/** Starts loading the whole archive once the browser is idle: for what a page shows from other issues, after its own. */
export function useWholeArchiveWhenIdle(): void {
  const client = useQueryClient();
  useEffect(() => {
    const load = () => void client.prefetchQuery(archiveQueryOptions());
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(load, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(load, 200);
    return () => clearTimeout(handle);
  }, [client]);
}

/** The loaded archive that holds `entryId`, whole or partial, without fetching anything; undefined if none does. */
function loadedArchiveWith(client: QueryClient, entryId: string): Archive | undefined {
  const whole = client.getQueryData(archiveQueryOptions().queryKey);
  if (whole) return whole;
  const catalogue = client.getQueryData(catalogueQueryOptions().queryKey);
  const issueId = issueIdOfEntry(entryId);
  if (!catalogue || !issueId) return undefined;
  if (issueId === catalogue.issues[0]?.id) return memoPartial(catalogue, null);
  const entries = client.getQueryData(issueEntriesQueryOptions(issueId).queryKey);
  return entries ? memoPartial(catalogue, [issueId, entries]) : undefined;
}

/** Looks up an entry in whatever part of the archive is loaded, with that archive; never starts a download. */
export function useLoadedEntry(): (entryId: string) => { entry: Entry; archive: Archive } | undefined {
  const client = useQueryClient();
  return useCallback(
    (entryId: string) => {
      const archive = loadedArchiveWith(client, entryId);
      const entry = archive?.entryById.get(entryId);
      return archive && entry ? { entry, archive } : undefined;
    },
    [client],
  );
}
