/**
 * The first answers, before the full index is in: a plain query answered from the prebuilt search shards
 * (src/shared/search-shards.ts) and one small file per result on screen (src/shared/archive-layout.ts), as Pagefind
 * answers; an issue whose entry files cannot be had is read from its issue file instead.
 * Words are expanded, scored and combined exactly as the full engine does (ArchiveIndex.expandWord, visitExpansions,
 * WordMatcher, rankEntries), so the results are the full engine's, in its order; facets wait for the full engine.
 * Anything else (phrases, filters, identifiers, exclusions, facets, paper grouping or order, a word the archive
 * lacks) is left to the full engine: {@link FirstAnswer.answer} returns null.
 */
import MiniSearch from 'minisearch';
import { FIELD_BIT, MIN_STEM_PREFIX, prefixMatchWeight, stemBeginning } from '@/features/search/lib/archive-index';
import { bestSnippet, highlightText, type HighlightTerms } from '@/features/search/lib/highlight';
import { highlightTermsFor, planQuery, type QueryWord } from '@/features/search/lib/query-plan';
import { parseQuery } from '@/features/search/lib/query-parser';
import { effectiveSort, rankEntries } from '@/features/search/lib/ranking';
import { snippetPassages } from '@/features/search/lib/search-engine';
import type { WireSearchHit, WireSearchRequest, WireSearchResponse } from '@/features/search/worker/protocol';
import { fetchEntryFile, fetchJson } from '@/lib/archive-files';
import { rememberByKey } from '@/lib/remember';
import { issueFilePath, parseIssueFile, type Catalogue } from '@/shared/archive-layout';
import type { Entry } from '@/shared/bundle';
import {
  FIELD_BOOSTS,
  prefixMatches,
  SEARCH_FIELDS,
  searchIndexOptions,
  STEM_WEIGHT,
  stemOf,
  type SearchDocument,
} from '@/shared/search-options';
import {
  chunkOfTerm,
  chunksOfPrefix,
  parseSearchChunk,
  parseSearchShardsMeta,
  SEARCH_SHARDS_PATH,
  type SearchChunk,
  type SearchShardsMeta,
} from '@/shared/search-shards';

/** Most chunks one query may fetch: a two-letter beginning can span many, and then the full index is not far off. */
const MAX_CHUNKS = 12;

/** Most results a first answer prepares: more means many issue files, as good as loading them all. */
const MAX_LIMIT = 200;

/** Results a first screen shows: their files are fetched first, and the answer can be shown once they are in. */
export const FIRST_SCREEN = 4;

/** Reads the search options as MiniSearch merges them with its defaults, as ArchiveIndex reads them. */
class SearchOptionsProbe extends MiniSearch<SearchDocument> {
  get merged() {
    return this._options.searchOptions;
  }
}

/** MiniSearch's prefix weight and BM25+ parameters, exactly those the full index scores with. */
const searchOptions = new SearchOptionsProbe(searchIndexOptions).merged;

/** An issue as the shards' meta file lists it: enough to rank its entries and fetch their files. */
export interface ShardIssue {
  id: string;
  date: string;
  entryCount: number;
  /** Its issue file; null for the newest issue, whose entries are in the catalogue. */
  file: string | null;
}

/** An issue as the meta file lists it, with its file's path. */
function shardIssue([id, entryCount, date, hash]: SearchShardsMeta['issues'][number]): ShardIssue {
  return { id, entryCount, date, file: hash === null ? null : issueFilePath(id, hash) };
}

/** Where the first answer gets its files: each one fetched once, validated. */
export interface FirstAnswerSource {
  chunk(path: string): Promise<SearchChunk>;
  /** The entry at `position` (0-based, reading order) of `issue`, from its own file or the catalogue; in that issue. */
  entry(issue: ShardIssue, position: number): Promise<Entry>;
  /** Every entry of `issue`, from its issue file or the catalogue: what {@link entry} falls back on. */
  issueEntries(issue: ShardIssue): Promise<Entry[]>;
}

/** `2024-10-13` as 20241013, as ranking.ts sorts dates. */
const dateNumber = (date: string | undefined) => Number(date?.replaceAll('-', '')) || 0;

/** The terms of the chunks fetched for one query, in term order, with their postings. */
class ChunkVocabulary {
  private readonly postings = new Map<string, readonly number[]>();
  private readonly sorted: string[] = [];

  /** `chunks` in chunk order, so their terms are in term order. */
  constructor(chunks: readonly SearchChunk[]) {
    for (const chunk of chunks) {
      for (const [term, postings] of chunk.terms) {
        this.postings.set(term, postings);
        this.sorted.push(term);
      }
    }
  }

  get(term: string): readonly number[] | undefined {
    return this.postings.get(term);
  }

  /** Terms beginning with `prefix`, in term order (all of them: the prefix's chunks were fetched). */
  atPrefix(prefix: string): string[] {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let at = low; at < this.sorted.length && this.sorted[at]!.startsWith(prefix); at++)
      found.push(this.sorted[at]!);
    return found;
  }
}

/** How a query word is expanded, as WordMatcher.expand and ArchiveIndex.expandWord decide it. */
function wordForms(word: QueryWord): { prefix: boolean; stem: string; stems: boolean } {
  const prefix = word.isLast && prefixMatches(word.term);
  const stems = !(prefix && word.term.length < MIN_STEM_PREFIX);
  return { prefix, stems, stem: stems ? stemOf(word.term) : word.term };
}

/** The chunks that hold every term a word can stand for. */
function chunksOfWord(chunks: SearchShardsMeta['chunks'], word: QueryWord): number[] {
  const { prefix, stems, stem } = wordForms(word);
  const found = [chunkOfTerm(chunks, word.term)];
  if (stems) found.push(...chunksOfPrefix(chunks, stemBeginning(stem)));
  if (prefix) {
    found.push(...chunksOfPrefix(chunks, word.term));
    if (stem !== word.term && stem.length >= MIN_STEM_PREFIX && word.term.startsWith(stem))
      found.push(...chunksOfPrefix(chunks, stem));
  }
  return found;
}

/** The terms a word stands for, with their weights: ArchiveIndex.expandWord over the fetched chunks. */
function expandWord(vocabulary: ChunkVocabulary, word: QueryWord): [string, number][] {
  const { prefix, stems, stem } = wordForms(word);
  const term = word.term;
  const weights = new Map<string, number>();
  const offer = (candidate: string, weight: number) => {
    if (weight > (weights.get(candidate) ?? 0)) weights.set(candidate, weight);
  };
  if (vocabulary.get(term)) offer(term, 1);
  if (stems) {
    for (const form of vocabulary.atPrefix(stemBeginning(stem)))
      if (stemOf(form) === stem) offer(form, form === term ? 1 : STEM_WEIGHT);
  }
  if (prefix) {
    const prefixWeight = (candidate: string) => prefixMatchWeight(searchOptions.weights.prefix, candidate, term);
    for (const candidate of vocabulary.atPrefix(term)) offer(candidate, prefixWeight(candidate));
    if (stem !== term && stem.length >= MIN_STEM_PREFIX && term.startsWith(stem)) {
      for (const candidate of vocabulary.atPrefix(stem)) offer(candidate, prefixWeight(candidate) * STEM_WEIGHT);
    }
  }
  return [...weights];
}

/** Whether a request is a plain query the shards can answer exactly as the full engine would. */
function isPlain(request: WireSearchRequest, parsed: ReturnType<typeof parseQuery>): boolean {
  return (
    parsed.phrases.length === 0 &&
    parsed.excludedPhrases.length === 0 &&
    parsed.excludedWords.length === 0 &&
    parsed.filters.length === 0 &&
    parsed.identifiers.length === 0 &&
    parsed.excludedIdentifiers.length === 0 &&
    Object.values(request.selection).every((values) => !values || values.length === 0) &&
    !request.groupByPaper &&
    request.sort !== 'paper' &&
    request.limit <= MAX_LIMIT
  );
}

/** A plain query's words and the files of the chunks that hold them, in chunk order; null if the shards cannot answer it. */
function chunksOfQuery(
  meta: SearchShardsMeta,
  request: WireSearchRequest,
): { parsed: ReturnType<typeof parseQuery>; plan: ReturnType<typeof planQuery>; paths: string[] } | null {
  const parsed = parseQuery(request.query);
  if (!isPlain(request, parsed)) return null;
  const plan = planQuery(parsed);
  if (plan.words.length === 0) return null;
  const wanted = [...new Set(plan.words.flatMap((word) => chunksOfWord(meta.chunks, word)))].sort((a, b) => a - b);
  if (wanted.length > MAX_CHUNKS) return null;
  return { parsed, plan, paths: wanted.map((chunk) => meta.chunks[chunk]![1]) };
}

/** Answers plain queries from the search shards until the full engine is ready. One per worker. */
export class FirstAnswer {
  private readonly entryCount: number;
  /** First entry index of each issue, in archive order. */
  private readonly issueStart: Int32Array;
  private readonly dateRank: Int32Array;
  private readonly fieldBits = SEARCH_FIELDS.map((field) => FIELD_BIT[field]);
  private readonly boosts = SEARCH_FIELDS.map((field) => FIELD_BOOSTS[field]);

  private constructor(
    private readonly meta: SearchShardsMeta,
    private readonly issues: readonly ShardIssue[],
    private readonly source: FirstAnswerSource,
  ) {
    this.issueStart = new Int32Array(issues.length + 1);
    issues.forEach((issue, r) => (this.issueStart[r + 1] = this.issueStart[r]! + issue.entryCount));
    this.entryCount = this.issueStart[issues.length]!;
    this.dateRank = this.dateRanks();
  }

  /** A first answerer, or null when the shards cannot answer (an archive without them, or a meta file that is off). */
  static create(meta: SearchShardsMeta, source: FirstAnswerSource): FirstAnswer | null {
    const issues = meta.issues.map(shardIssue);
    const usable =
      meta.chunks.length > 0 &&
      meta.averageLengths.length === SEARCH_FIELDS.length &&
      issues.length > 0 &&
      issues.every((issue, r) => (issue.file === null) === (r === 0)) &&
      meta.documentCount === 2 * issues.reduce((sum, issue) => sum + issue.entryCount, 0);
    return usable ? new FirstAnswer(meta, issues, source) : null;
  }

  /**
   * Each entry's place newest first, as ranking.ts's archiveOrder (entries run issue by issue, in reading order): the
   * issues sorted by date, then each one's entries in order, so it costs a sort of the issues, not of every entry.
   */
  private dateRanks(): Int32Array {
    const dates = this.issues.map((issue) => dateNumber(issue.date));
    const order = this.issues.map((_, r) => r).sort((a, b) => dates[b]! - dates[a]! || a - b);
    const ranks = new Int32Array(this.entryCount);
    let rank = 0;
    for (const r of order) for (let i = this.issueStart[r]!; i < this.issueStart[r + 1]!; i++) ranks[i] = rank++;
    return ranks;
  }

  /** The issue holding entry `i` (binary search over the issues' first entries). */
  private issueOf(i: number): number {
    let low = 0;
    let high = this.issues.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.issueStart[middle]! <= i) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /**
   * The full engine's answer to a plain query, without facets; null for anything else (the engine answers it).
   * `onFirstScreen`, when given, gets the answer's first {@link FIRST_SCREEN} hits as soon as their files are in (when
   * there are more to come), so a page can show them while the rest download.
   */
  async answer(
    request: WireSearchRequest,
    onFirstScreen?: (response: WireSearchResponse) => void,
  ): Promise<WireSearchResponse | null> {
    const query = chunksOfQuery(this.meta, request);
    if (!query) return null;
    const { parsed, plan, paths } = query;
    const vocabulary = new ChunkVocabulary(await Promise.all(paths.map((path) => this.source.chunk(path))));
    const expansions = plan.words.map((word) => expandWord(vocabulary, word));
    // A word the archive lacks is respelt by the full engine, which needs the whole vocabulary.
    if (expansions.some((terms) => terms.length === 0)) return null;

    const { matches, scores, fields } = this.match(vocabulary, expansions);
    const ranked = rankEntries(matches, effectiveSort(request.sort, true), true, scores, this.dateRank);
    const highlight = highlightTermsFor(
      plan,
      expansions.flat().map(([term]) => term),
    );
    const shown = ranked.slice(0, Math.max(0, request.limit));
    const respond = (entries: readonly Entry[]): WireSearchResponse => ({
      parsed,
      total: ranked.length,
      hits: entries.map((entry, k) => this.hit(entry, fields[shown[k]!]!, highlight)),
      facets: [],
      sort: effectiveSort(request.sort, true),
      suggestion: null,
      correction: null,
      status: 'partial',
    });
    if (!onFirstScreen || shown.length <= FIRST_SCREEN) return respond(await this.entriesAt(shown));
    // The rest's files are asked for only once the first screen is sent: before, they would slow its files down.
    onFirstScreen(respond(await this.entriesAt(shown.slice(0, FIRST_SCREEN))));
    return respond(await this.entriesAt(shown));
  }

  /**
   * Entries matching every word, with scores and field masks: WordMatcher.match over ArchiveIndex.visitExpansions,
   * with MiniSearch's BM25+ worked out from the postings' frequencies and field lengths.
   */
  private match(
    vocabulary: ChunkVocabulary,
    expansions: readonly (readonly [string, number][])[],
  ): { matches: number[]; scores: Float64Array; fields: Uint8Array } {
    const scores = new Float64Array(this.entryCount);
    const fields = new Uint8Array(this.entryCount);
    const wordHits = new Uint8Array(this.entryCount);
    const lastWord = new Int16Array(this.entryCount).fill(-1);
    const touched: number[] = [];
    const { k, b, d } = searchOptions.bm25;
    const documentCount = this.meta.documentCount;
    expansions.forEach((terms, word) => {
      for (const [term, weight] of terms) {
        const postings = vocabulary.get(term)!;
        let at = 0;
        while (at < postings.length) {
          const field = postings[at++]!;
          const matching = postings[at++]!;
          const inverseDocumentFrequency = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
          const averageLength = this.meta.averageLengths[field] || 1;
          const boost = weight * this.boosts[field]!;
          const bit = this.fieldBits[field]!;
          let i = 0;
          for (let n = 0; n < matching; n++) {
            i += postings[at++]!;
            const stored = postings[at++]!;
            const frequency = stored < 0 ? postings[at++]! : 1;
            const length = Math.abs(stored);
            const bm25 =
              inverseDocumentFrequency *
              (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength)));
            // WordMatcher.record: an entry counts only while it has matched every earlier word.
            if (lastWord[i] !== word) {
              if (word === 0) {
                if (wordHits[i] === 0) touched.push(i);
                wordHits[i] = 1;
              } else if (wordHits[i] === word) {
                wordHits[i] = word + 1;
              } else continue;
              lastWord[i] = word;
            }
            scores[i]! += boost * bm25;
            fields[i]! |= bit;
          }
        }
      }
    });
    return { matches: touched.filter((i) => wordHits[i] === expansions.length), scores, fields };
  }

  /**
   * The entries at these indices, each from its own file; an issue any of whose entry files fails (an old service worker
   * offline, a missing file) is read from its issue file instead, so the answer is never lost.
   */
  private async entriesAt(indices: readonly number[]): Promise<Entry[]> {
    const positionsOf = new Map<number, number[]>();
    for (const i of indices) {
      const r = this.issueOf(i);
      const positions = positionsOf.get(r);
      if (positions) positions.push(i - this.issueStart[r]!);
      else positionsOf.set(r, [i - this.issueStart[r]!]);
    }
    const found = new Map(
      await Promise.all(
        [...positionsOf].map(async ([r, positions]) => {
          const issue = this.issues[r]!;
          const entries = await Promise.all(positions.map((position) => this.source.entry(issue, position))).catch(
            async () => {
              const all = await this.source.issueEntries(issue);
              return positions.map((position) => all[position]);
            },
          );
          return [r, new Map(positions.map((position, k) => [position, entries[k]]))] as const;
        }),
      ),
    );
    return indices.map((i) => {
      const r = this.issueOf(i);
      const entry = found.get(r)?.get(i - this.issueStart[r]!);
      if (entry?.issueId !== this.issues[r]!.id)
        throw new Error(`first-answer: error: entry ${i} is not where the search index says`);
      return entry;
    });
  }

  private hit(entry: Entry, mask: number, highlight: HighlightTerms): WireSearchHit {
    return {
      entry,
      fields: SEARCH_FIELDS.filter((field) => mask & FIELD_BIT[field]),
      headline: highlightText(entry.headline, highlight),
      snippet: bestSnippet(snippetPassages(entry), highlight),
      coverage: [entry],
    };
  }
}

/** The shards' meta file: as the page downloaded it, if it did, else from the network. */
async function shardsMeta(fromPage: Promise<ArrayBuffer | null> | undefined): Promise<unknown> {
  const body = await fromPage;
  return body ? JSON.parse(new TextDecoder().decode(body)) : fetchJson(SEARCH_SHARDS_PATH, undefined);
}

/**
 * Downloads the shards' meta file, for a {@link FirstAnswer} over this origin's files; null when the archive has no
 * shards or their meta file is off. The answers need no catalogue: the meta file names each issue's file, and only a
 * result in the newest issue asks for the catalogue (`catalogue`, shared with whoever else needs it).
 * `metaFromPage`: the meta file's bytes when the page downloaded them, or null when it could not.
 */
export async function loadFirstAnswer(
  catalogue: () => Promise<Catalogue>,
  metaFromPage?: Promise<ArrayBuffer | null>,
): Promise<FirstAnswer | null> {
  const chunks = rememberByKey<SearchChunk>();
  const meta = await shardsMeta(metaFromPage)
    .then(parseSearchShardsMeta)
    .catch(() => null);
  if (!meta) return null;
  /** The newest issue's entries, from the catalogue, once it is checked to be the same issue. */
  const newest = async (issue: ShardIssue): Promise<Entry[]> => {
    const loaded = await catalogue();
    if (loaded.issues[0]?.id !== issue.id || loaded.latestEntries.length !== issue.entryCount) {
      throw new Error(`first-answer: error: the catalogue's newest issue is not ${issue.id}`);
    }
    return loaded.latestEntries;
  };
  const issueEntries = rememberByKey<Entry[]>();
  const entries = rememberByKey<Entry>();
  return FirstAnswer.create(meta, {
    chunk: (path) => chunks(path, async () => parseSearchChunk(await fetchJson(path, undefined))),
    issueEntries: (issue) =>
      issueEntries(issue.id, async () =>
        issue.file === null ? newest(issue) : parseIssueFile(await fetchJson(issue.file, undefined), issue),
      ),
    entry: (issue, position) =>
      entries(`${issue.id}/${position}`, async () => {
        if (issue.file !== null) return fetchEntryFile(issue.file, issue, position);
        const found = (await newest(issue))[position];
        if (!found) throw new Error(`first-answer: error: the issue of ${issue.date} has no entry ${position}`);
        return found;
      }),
  });
}
