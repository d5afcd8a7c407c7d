/**
 * The archive's search engine: one per bundle. It builds its MiniSearch index in short time slices
 * (short fields first, so it answers early; bodies after), then answers each keystroke synchronously, in steps:
 * plan the words, match them, filter, count facets, rank, and make snippets for the results on screen.
 */
import { filterCandidates } from '@/features/search/lib/candidate-filters';
import { ArchiveIndex, FIELD_BIT } from '@/features/search/lib/archive-index';
import {
  buildBookmarkedTable,
  countFacets,
  describeFacets,
  FacetTablesBuilder,
  type FacetCounts,
  type FacetSelection,
  type FacetTable,
} from '@/features/search/lib/facets';
import { bestSnippet, highlightText, type HighlightTerms, type TextSegment } from '@/features/search/lib/highlight';
import { highlightTermsFor, planQuery } from '@/features/search/lib/query-plan';
import { formatQuery, parseQuery, type ParsedQuery } from '@/features/search/lib/query-parser';
import {
  archiveOrder,
  effectiveSort,
  onePerPaper,
  rankEntries,
  type ArchiveOrder,
  type SortOrder,
} from '@/features/search/lib/ranking';
import { SLICE_MS, TimeSlicer } from '@/features/search/lib/time-slicer';
import { yieldToMain } from '@/lib/yield-to-main';
import { WordMatcher } from '@/features/search/lib/word-matcher';
import { IndexStatusSource, type IndexStatus } from '@/features/search/lib/index-status';
import type { Entry, Issue } from '@/shared/bundle';
import {
  entryBodyText,
  foldText,
  SEARCH_FIELDS,
  STOP_WORDS,
  suggestionOptions,
  textDocument,
  titleDocument,
  tokenize,
  type SearchField,
} from '@/shared/search-options';

/** Everything one search needs; all of it comes from the URL except the bookmarks. */
export interface SearchRequest {
  query: string;
  selection: FacetSelection;
  /** `relevance` falls back to `newest` when there are no words to rank by. */
  sort: SortOrder;
  groupByPaper: boolean;
  bookmarkedIds: ReadonlySet<string>;
  /** How many results to prepare for display (snippets cost time; the rest are only counted). */
  limit: number;
  /**
   * The {@link SearchEngine.version} the caller has seen. The engine always answers from its current index; the
   * version is part of the request so that a memoised answer is asked again as the index grows.
   */
  indexVersion?: number;
}

/** One result as the page shows it. */
export interface SearchHit {
  entry: Entry;
  issue: Issue | undefined;
  /** Where the query matched, in display order. */
  fields: SearchField[];
  headline: TextSegment[];
  snippet: TextSegment[];
  /** With grouping by paper: every entry about this paper, newest first (including `entry`). */
  coverage: Entry[];
}

/** The answer to a {@link SearchRequest}. */
export interface SearchResponse {
  parsed: ParsedQuery;
  /** Number of results (papers when grouped). */
  total: number;
  /** The first `limit` results. */
  hits: SearchHit[];
  facets: FacetCounts[];
  /** The order actually used. */
  sort: SortOrder;
  /** A corrected query when nothing matched and a spelling fix would match: "Did you mean …". */
  suggestion: string | null;
  status: IndexStatus;
}

/** Timings of an index build, for the benchmark. */
export interface BuildStats {
  /** From start until search can answer (short fields indexed). */
  firstAnswerMs: number;
  /** From start until the bodies are indexed too. */
  readyMs: number;
  /** The longest stretch the build ran without yielding. */
  longestSliceMs: number;
  slices: number;
}

/** How the build shares the thread. */
export interface BuildOptions {
  /** Work at most about this long before yielding (default {@link SLICE_MS}). */
  sliceMs?: number;
  /** Gives the thread back (to input, rendering); defaults to the browser's scheduler or a message-channel tick. */
  yieldToMain?: () => Promise<void>;
}

/** The texts a snippet is chosen from: the summary, each paragraph, the paper title. */
function snippetPassages(entry: Entry): string[] {
  return [
    entry.summary,
    ...entry.body.map((paragraph) => paragraph.map((node) => node.text).join('')),
    entry.paper?.title ?? '',
  ];
}

/** An entry's text folded into words joined by single spaces and wrapped in spaces, for phrase tests. */
function phraseText(entry: Entry): string {
  const parts = [entry.headline, entry.paper?.title ?? '', entry.summary, entryBodyText(entry)];
  return ` ${parts.map((part) => tokenize(foldText(part)).join(' ')).join(' | ')} `;
}

/** Levenshtein distance between two words. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The term spelt most like `word` (the first of equals), or `word` itself when there are none. */
function closestTerm(word: string, terms: readonly string[]): string {
  let best = word;
  let bestDistance = Infinity;
  for (const term of terms) {
    const distance = editDistance(word, term);
    if (distance < bestDistance) [best, bestDistance] = [term, distance];
  }
  return best;
}

const now = () => performance.now();

/** The search engine for one archive. Create it once per bundle ({@link engineFor}). */
export class SearchEngine extends IndexStatusSource {
  readonly entries: readonly Entry[];
  private readonly issueById: ReadonlyMap<string, Issue>;
  private readonly index: ArchiveIndex;
  private readonly matcher: WordMatcher;
  private tables: FacetTable[] = [];
  private bookmarkTable: { ids: ReadonlySet<string>; table: FacetTable } | null = null;
  private order: ArchiveOrder = archiveOrder([], []);
  /** Lazily computed {@link phraseText} of each entry. */
  private readonly phraseTexts: (string | undefined)[] = [];

  private building: Promise<BuildStats> | null = null;

  constructor(
    entries: readonly Entry[],
    private readonly issues: readonly Issue[],
    private readonly topics: readonly string[],
  ) {
    super();
    this.entries = entries;
    this.index = new ArchiveIndex(entries.length * 2);
    this.matcher = new WordMatcher(this.index, entries.length);
    this.issueById = new Map(issues.map((issue) => [issue.id, issue]));
  }

  /** Starts building the index (once); resolves when bodies are indexed too. */
  start(options: BuildOptions = {}): Promise<BuildStats> {
    this.building ??= this.build(options);
    return this.building;
  }

  /**
   * Facets, orders, titles, then texts, each phase in slices. Each phase starts a fresh slice (its first steps may
   * compile code), and each status change gets a task of its own, since listeners re-render the page.
   */
  private async build({ sliceMs = SLICE_MS, yieldToMain: giveWay = yieldToMain }: BuildOptions): Promise<BuildStats> {
    const started = now();
    const slicer = new TimeSlicer(sliceMs, giveWay);
    this.announce('indexing');
    await slicer.yield();

    const facetBuilder = new FacetTablesBuilder(this.entries, this.issues, this.topics);
    await slicer.forEach(this.entries, (entry) => facetBuilder.add(entry));
    this.tables = facetBuilder.build();
    // One sort of the whole archive, which cannot be split: give it a slice of its own.
    await slicer.yield();
    this.order = archiveOrder(this.entries, this.issues);
    await slicer.yield();

    await slicer.forEach(this.entries, (entry, i) => this.index.addDocument(titleDocument(entry, i)));
    const firstAnswerMs = now() - started;
    await slicer.yield();
    this.announce('partial');
    await slicer.yield();

    await slicer.forEach(this.entries, (entry, i) => this.index.addDocument(textDocument(entry, i)));
    const { longestSliceMs, slices } = slicer;
    const readyMs = now() - started;
    await slicer.yield();
    this.announce('ready');
    return { firstAnswerMs, readyMs, longestSliceMs, slices };
  }

  private facetTables(bookmarkedIds: ReadonlySet<string>): FacetTable[] {
    if (this.bookmarkTable?.ids !== bookmarkedIds) {
      this.bookmarkTable = { ids: bookmarkedIds, table: buildBookmarkedTable(this.entries, bookmarkedIds) };
    }
    return [...this.tables, this.bookmarkTable.table];
  }

  private phraseTextOf = (i: number): string => (this.phraseTexts[i] ??= phraseText(this.entries[i]!));

  /** Answers a query. Before the first answer is possible, returns an empty response with status `indexing`. */
  search(request: SearchRequest): SearchResponse {
    const parsed = parseQuery(request.query);
    const tables = this.facetTables(request.bookmarkedIds);
    const status = this.status;
    if (status === 'idle' || status === 'indexing') {
      return { parsed, total: 0, hits: [], facets: [], sort: request.sort, suggestion: null, status };
    }

    const plan = planQuery(parsed);
    const hasText = plan.words.length > 0;
    const { entries: matched, matchedTerms } = this.matcher.match(plan.words);
    const candidates = filterCandidates(
      hasText ? matched : Array.from(this.order.dateOrder),
      {
        excluded: this.matcher.excluded(parsed.excludedWords),
        filters: parsed.filters,
        phrases: plan.phrases,
        excludedPhrases: parsed.excludedPhrases,
      },
      tables,
      this.phraseTextOf,
    );
    const { matches, counts } = countFacets(tables, request.selection, candidates);
    const sort = effectiveSort(request.sort, hasText);
    const ranked = rankEntries(matches, sort, hasText, this.matcher.scores, this.order.dateRank);
    const results = request.groupByPaper ? onePerPaper(ranked, this.order.groupOf) : ranked;

    const highlight = highlightTermsFor(plan, matchedTerms);
    return {
      parsed,
      total: results.length,
      hits: results.slice(0, Math.max(0, request.limit)).map((i) => this.hit(i, highlight, request.groupByPaper)),
      facets: describeFacets(tables, request.selection, counts),
      sort,
      // Only when the words themselves found nothing: if filters or facets emptied the results, spelling is not the cause.
      suggestion: results.length === 0 && parsed.words.length > 0 && matched.length === 0 ? this.suggest(parsed) : null,
      status,
    };
  }

  /** A result with its highlighted headline, best snippet and, when grouped, every entry about its paper. */
  private hit(i: number, highlight: HighlightTerms, grouped: boolean): SearchHit {
    const entry = this.entries[i]!;
    const mask = this.matcher.fieldsOf(i);
    const members = grouped ? (this.order.groupMembers.get(this.order.groupOf[i]!) ?? [i]) : null;
    return {
      entry,
      issue: this.issueById.get(entry.issueId),
      fields: SEARCH_FIELDS.filter((field) => mask & FIELD_BIT[field]),
      headline: highlightText(entry.headline, highlight),
      snippet: bestSnippet(snippetPassages(entry), highlight),
      coverage: members ? members.map((member) => this.entries[member]!) : [entry],
    };
  }

  /** "Did you mean …": the query with each word respelt as the index knows it, if that differs. */
  private suggest(parsed: ParsedQuery): string | null {
    const words = parsed.words.join(' ');
    const folded = tokenize(foldText(words)).filter((word) => !STOP_WORDS.has(word));
    for (const candidate of this.index.autoSuggest(words, suggestionOptions)) {
      // A suggestion lists every index term its documents matched; keep the one closest to each word typed.
      const respelt = folded.map((word) => closestTerm(word, candidate.terms));
      if (respelt.join(' ') !== folded.join(' ')) return formatQuery({ ...parsed, words: respelt });
    }
    return null;
  }

  /** The index as JSON, for measuring its size. */
  serializedIndex(): string {
    return JSON.stringify(this.index);
  }
}

const engines = new WeakMap<object, SearchEngine>();

/** The one engine for a bundle: the index is built once per bundle, never per keystroke or route change. */
export function engineFor(bundle: {
  entries: readonly Entry[];
  issues: readonly Issue[];
  topics: readonly string[];
}): SearchEngine {
  let engine = engines.get(bundle);
  if (!engine) {
    engine = new SearchEngine(bundle.entries, bundle.issues, bundle.topics);
    engines.set(bundle, engine);
  }
  return engine;
}
