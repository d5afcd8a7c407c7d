/**
 * The archive's search engine: one per bundle. It builds its MiniSearch index in short time slices
 * (short fields first, so it answers early; bodies after), then answers each keystroke synchronously, in steps:
 * plan the words, match them, filter, count facets, rank, and make snippets for the results on screen.
 */
import { filterCandidates } from '@/features/search/lib/candidate-filters';
import { ArchiveIndex, FIELD_BIT } from '@/features/search/lib/archive-index';
import {
  buildBookmarkedTable,
  buildReadTable,
  countFacets,
  describeFacets,
  FacetTablesBuilder,
  type FacetCounts,
  type FacetSelection,
  type FacetTable,
} from '@/features/search/lib/facets';
import { bestSnippet, highlightText, type HighlightTerms, type TextSegment } from '@/features/search/lib/highlight';
import { IdentifierIndex, type QueryIdentifier } from '@/features/search/lib/identifiers';
import { highlightTermsFor, planQuery, type QueryPlan, type QueryWord } from '@/features/search/lib/query-plan';
import { formatQuery, parseQuery, type ParsedQuery } from '@/features/search/lib/query-parser';
import {
  archiveOrder,
  effectiveSort,
  onePerPaper,
  paperDateRank,
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
  prefixMatches,
  SEARCH_FIELDS,
  suggestionDistance,
  textDocument,
  titleDocument,
  tokenize,
  type SearchField,
} from '@/shared/search-options';

/** Everything one search needs; all of it comes from the URL except the bookmarks and read entries. */
export interface SearchRequest {
  query: string;
  selection: FacetSelection;
  /** `relevance` falls back to `newest` when there are no words to rank by. */
  sort: SortOrder;
  groupByPaper: boolean;
  bookmarkedIds: ReadonlySet<string>;
  /** Entries the reader has read, for the Read/Unread facet; absent counts every entry unread (tests, the bench). */
  readIds?: ReadonlySet<string>;
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
  /**
   * The query as searched when words the archive lacks were respelt ("transformer" for "transfromer"): the results are
   * for it, "Showing results for …". Null when every word was searched as typed.
   */
  correction: string | null;
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
export function snippetPassages(entry: Entry): string[] {
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

/** A score above any text match's, so entries found by an identifier rank first; times the match's strength. */
const IDENTIFIER_SCORE = 1e6;

/** Respellings of a query tried for a suggestion, at most: each costs a look-up per word. */
const MAX_SUGGESTION_TRIES = 8;

/** The query with its words respelt (`respelt` maps folded words); stop words and the rest as typed. */
function respeltQuery(parsed: ParsedQuery, respelt: ReadonlyMap<string, string>): string {
  return formatQuery({ ...parsed, words: parsed.words.map((word) => respelt.get(foldText(word)) ?? word) });
}

/** Choices of one option per slot, the first options first, then each other option of one slot at a time. */
function* spellingChoices(options: readonly (readonly string[])[]): Generator<string[]> {
  const first = options.map((choices) => choices[0]!);
  yield first;
  for (const [k, choices] of options.entries()) {
    for (const choice of choices.slice(1)) yield first.map((word, j) => (j === k ? choice : word));
  }
}

const now = () => performance.now();

/** The read ids of a request that gives none, one set so the read table is built once. */
const NONE_READ: ReadonlySet<string> = new Set();

/** The search engine for one archive. Create it once per bundle ({@link engineFor}). */
export class SearchEngine extends IndexStatusSource {
  readonly entries: readonly Entry[];
  private readonly issueById: ReadonlyMap<string, Issue>;
  private readonly index: ArchiveIndex;
  private readonly matcher: WordMatcher;
  private tables: FacetTable[] = [];
  private bookmarkTable: { ids: ReadonlySet<string>; table: FacetTable } | null = null;
  private readTable: { ids: ReadonlySet<string>; table: FacetTable } | null = null;
  private order: ArchiveOrder = archiveOrder([], []);
  private paperRank: Int32Array = new Int32Array(0);
  /** Built in slices once the text is searchable, or at once by the first query with an identifier before that. */
  private readonly identifierIndex = new IdentifierIndex();
  /** How many entries, from the first, {@link identifierIndex} holds. */
  private identifiersAdded = 0;
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
    // Each sort of the whole archive cannot be split: give each a slice of its own.
    await slicer.yield();
    this.order = archiveOrder(this.entries, this.issues);
    await slicer.yield();
    this.paperRank = paperDateRank(this.entries, this.issues);
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
    // Identifiers come last: a query needs them only when one is pasted, and then adds any still missing itself.
    await slicer.forEach(this.entries, () => this.addIdentifiers(this.identifiersAdded + 1));
    return { firstAnswerMs, readyMs, longestSliceMs, slices };
  }

  /** Adds the identifiers of entries up to (not including) `end`. */
  private addIdentifiers(end: number) {
    for (; this.identifiersAdded < Math.min(end, this.entries.length); this.identifiersAdded++) {
      this.identifierIndex.add(this.entries[this.identifiersAdded]!, this.identifiersAdded);
    }
  }

  private facetTables(bookmarkedIds: ReadonlySet<string>, readIds: ReadonlySet<string>): FacetTable[] {
    if (this.bookmarkTable?.ids !== bookmarkedIds) {
      this.bookmarkTable = { ids: bookmarkedIds, table: buildBookmarkedTable(this.entries, bookmarkedIds) };
    }
    if (this.readTable?.ids !== readIds) {
      this.readTable = { ids: readIds, table: buildReadTable(this.entries, readIds) };
    }
    return [...this.tables, this.bookmarkTable.table, this.readTable.table];
  }

  private phraseTextOf = (i: number): string => (this.phraseTexts[i] ??= phraseText(this.entries[i]!));

  /** Entries named by any of the identifiers, each with how strongly ({@link IdentifierIndex.lookup}). */
  private identified(identifiers: readonly QueryIdentifier[]): Map<number, number> {
    const found = new Map<number, number>();
    if (identifiers.length === 0) return found;
    this.addIdentifiers(this.entries.length);
    for (const identifier of identifiers) {
      for (const [i, strength] of this.identifierIndex.lookup(identifier))
        found.set(i, Math.max(found.get(i) ?? 0, strength));
    }
    return found;
  }

  /** Answers a query. Before the first answer is possible, returns an empty response with status `indexing`. */
  search(request: SearchRequest): SearchResponse {
    const parsed = parseQuery(request.query);
    const tables = this.facetTables(request.bookmarkedIds, request.readIds ?? NONE_READ);
    const status = this.status;
    if (status === 'idle' || status === 'indexing') {
      return { parsed, total: 0, hits: [], facets: [], sort: request.sort, suggestion: null, correction: null, status };
    }

    const plan = planQuery(parsed);
    // While only titles are indexed a word may still be in a body: respell nothing yet.
    const matchOptions = { respell: status === 'ready' };
    const { entries: textMatches, matchedTerms, corrections } = this.matcher.match(plan.words, matchOptions);
    // Identifiers are looked up exactly and rank above text matches; entries matching either are found.
    const identified = this.identified(parsed.identifiers);
    for (const [i, strength] of identified) this.matcher.boost(i, strength * IDENTIFIER_SCORE);
    const matched =
      identified.size === 0 ? textMatches : [...identified.keys(), ...textMatches.filter((i) => !identified.has(i))];
    const hasText = plan.words.length > 0 || parsed.identifiers.length > 0;
    const excluded = this.matcher.excluded(parsed.excludedWords);
    for (const i of this.identified(parsed.excludedIdentifiers).keys()) excluded.add(i);
    const candidates = filterCandidates(
      hasText ? matched : Array.from(this.order.dateOrder),
      { excluded, filters: parsed.filters, phrases: plan.phrases, excludedPhrases: parsed.excludedPhrases },
      tables,
      this.phraseTextOf,
    );
    const { matches, counts } = countFacets(tables, request.selection, candidates);
    const sort = effectiveSort(request.sort, hasText);
    const ranked = rankEntries(matches, sort, hasText, this.matcher.scores, this.order.dateRank, this.paperRank);
    const results = request.groupByPaper ? onePerPaper(ranked, this.order.groupOf) : ranked;

    const highlight = highlightTermsFor(plan, matchedTerms, corrections);
    // Only when the words themselves found nothing: if filters or facets emptied the results, spelling is not the cause.
    const spellingFailed =
      results.length === 0 && parsed.words.length > 0 && matched.length === 0 && parsed.identifiers.length === 0;
    return {
      parsed,
      total: results.length,
      hits: results.slice(0, Math.max(0, request.limit)).map((i) => this.hit(i, highlight, request.groupByPaper)),
      facets: describeFacets(tables, request.selection, counts),
      sort,
      suggestion: spellingFailed && matchOptions.respell ? this.suggest(parsed, plan) : null,
      correction: corrections.size > 0 ? respeltQuery(parsed, corrections) : null,
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

  /**
   * "Did you mean …": the query with each word the archive lacks respelt, one word for each word typed, further than
   * search respells by itself; the first respelling (likeliest spellings first) that finds something. Runs only when
   * nothing matched, and each word's spellings are kept until the index grows, so typing stays cheap.
   */
  private suggest(parsed: ParsedQuery, plan: QueryPlan): string | null {
    const options = plan.words.map((word): readonly string[] => {
      const prefix = word.isLast && prefixMatches(word.term);
      if (word.exact || this.index.knows(word.term, { prefix, stems: true })) return [word.term];
      const distance = suggestionDistance(word.term);
      const spellings = distance > 0 ? this.index.respell(word.term, distance, false, 3) : [];
      return spellings.length > 0 ? spellings : [word.term];
    });
    if (options.every((choices, k) => choices.length === 1 && choices[0] === plan.words[k]!.term)) return null;
    let tries = 0;
    for (const choice of spellingChoices(options)) {
      if (++tries > MAX_SUGGESTION_TRIES) break;
      const words = plan.words.map((word, k): QueryWord => ({
        ...word,
        term: choice[k]!,
        isLast: word.isLast && choice[k] === word.term,
      }));
      if (!this.matcher.anyMatch(words, { respell: false })) continue;
      const respelt = new Map(plan.words.map((word, k) => [word.term, choice[k]!]));
      return respeltQuery(parsed, respelt);
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
