/**
 * The archive's search engine: one per bundle. It builds its MiniSearch index in short time slices
 * (short fields first, so it answers early; bodies after), then answers each keystroke synchronously:
 * text search, exclusions, phrases, query filters, disjunctive facet counts, sorting, grouping by paper
 * and snippets for the results on screen.
 */
import type { Entry, Issue } from '../../../shared/bundle';
import {
  entryBodyText,
  foldText,
  fuzzinessFor,
  processIndexTerm,
  SEARCH_FIELDS,
  STOP_WORDS,
  suggestionOptions,
  textDocument,
  titleDocument,
  tokenize,
  prefixMatches,
  type SearchField,
} from '../../../shared/search-options';
import { ArchiveIndex, FIELD_BIT } from './archive-index';
import {
  buildBookmarkedTable,
  countFacets,
  describeFacets,
  FacetTablesBuilder,
  type FacetCounts,
  type FacetSelection,
  type FacetTable,
} from './facets';
import { bestSnippet, highlightText, phraseWords, type HighlightTerms, type TextSegment } from './highlight';
import { formatQuery, isEmptyQuery, parseQuery, type ParsedQuery, type QueryFilter } from './query-parser';

/** How far the index has got: `partial` answers from headlines, paper titles, organisations and topics only. */
export type IndexStatus = 'idle' | 'indexing' | 'partial' | 'ready';

/** Result orders. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

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
  /** Work at most this long before yielding. */
  sliceMs?: number;
  /** Gives the thread back (to input, rendering); defaults to the browser's scheduler or a message-channel tick. */
  yieldToMain?: () => Promise<void>;
}

/** Gives the main thread back for a moment: `scheduler.yield` where available, else a macrotask without timer clamping. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const now = () => performance.now();

/** A word of the query as the index is asked for it. */
interface QueryWord {
  /** Folded. */
  term: string;
  /** The word being typed: matched as a prefix. */
  isLast: boolean;
  /** Part of a phrase: no typo tolerance. */
  exact: boolean;
}

/** The search engine for one archive. Create it once per bundle ({@link engineFor}). */
export class SearchEngine {
  readonly entries: readonly Entry[];
  private readonly issueById: ReadonlyMap<string, Issue>;
  private readonly index: ArchiveIndex;
  private tables: FacetTable[] = [];
  private bookmarkTable: { ids: ReadonlySet<string>; table: FacetTable } | null = null;
  /** Entry indices newest first. */
  private dateOrder = new Int32Array(0);
  /** Position of each entry in {@link dateOrder}. */
  private dateRank = new Int32Array(0);
  /** Entries about the same paper (one paperGroup) share a group; each group lists its entries newest first. */
  private groupOf = new Int32Array(0);
  private groupMembers = new Map<number, number[]>();
  /** Lazily computed folded text of each entry, for phrases. */
  private readonly foldedText: (string | undefined)[] = [];
  /** Per-search scratch arrays, reset through `touched`. */
  private scores = new Float64Array(0);
  private fieldMasks = new Uint8Array(0);
  private wordHits = new Uint8Array(0);
  private lastWord = new Int16Array(0);
  private touched: number[] = [];

  private statusValue: IndexStatus = 'idle';
  private versionValue = 0;
  private readonly listeners = new Set<() => void>();
  private building: Promise<BuildStats> | null = null;

  constructor(
    entries: readonly Entry[],
    private readonly issues: readonly Issue[],
    private readonly topics: readonly string[],
  ) {
    this.entries = entries;
    this.index = new ArchiveIndex(entries.length * 2);
    this.issueById = new Map(issues.map((issue) => [issue.id, issue]));
  }

  /** How far the index has got. */
  get status(): IndexStatus {
    return this.statusValue;
  }

  /** Changes whenever the engine can answer more; for `useSyncExternalStore`. */
  get version(): number {
    return this.versionValue;
  }

  /** Calls `listener` whenever {@link version} changes. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setStatus(status: IndexStatus) {
    this.statusValue = status;
    this.versionValue++;
    for (const listener of this.listeners) listener();
  }

  /** Starts building the index (once); resolves when bodies are indexed too. */
  start(options: BuildOptions = {}): Promise<BuildStats> {
    this.building ??= this.build(options);
    return this.building;
  }

  private async build({ sliceMs = 8, yieldToMain: giveWay = yieldToMain }: BuildOptions): Promise<BuildStats> {
    const started = now();
    let sliceStart = started;
    let longestSliceMs = 0;
    let slices = 1;
    this.setStatus('indexing');
    const pause = async () => {
      const elapsed = now() - sliceStart;
      if (elapsed < sliceMs) return;
      longestSliceMs = Math.max(longestSliceMs, elapsed);
      await giveWay();
      slices++;
      sliceStart = now();
    };
    const n = this.entries.length;

    const facetBuilder = new FacetTablesBuilder(this.entries, this.issues, this.topics);
    for (let i = 0; i < n; i++) {
      facetBuilder.add(this.entries[i]!);
      if ((i & 15) === 15) await pause();
    }
    this.tables = facetBuilder.build();
    await pause();
    this.prepareOrders();
    this.scores = new Float64Array(n);
    this.fieldMasks = new Uint8Array(n);
    this.wordHits = new Uint8Array(n);
    this.lastWord = new Int16Array(n).fill(-1);
    await pause();

    for (let i = 0; i < n; i++) {
      this.index.addDocument(titleDocument(this.entries[i]!, i));
      if ((i & 7) === 7) await pause();
    }
    const firstAnswerMs = now() - started;
    this.setStatus('partial');
    await pause();

    for (let i = 0; i < n; i++) {
      this.index.addDocument(textDocument(this.entries[i]!, i));
      await pause();
    }
    longestSliceMs = Math.max(longestSliceMs, now() - sliceStart);
    const readyMs = now() - started;
    this.setStatus('ready');
    return { firstAnswerMs, readyMs, longestSliceMs, slices };
  }

  /** Date order and paper groups; sorting once here keeps every keystroke linear. */
  private prepareOrders() {
    const n = this.entries.length;
    const issueRank = new Map(this.issues.map((issue, i) => [issue.id, i]));
    const entries = this.entries;
    // Numeric keys (newest date first, then issue order, then position) sort far faster than comparing strings.
    const keys = new Float64Array(n);
    entries.forEach((entry, i) => {
      const date = Number(entry.publishedOn.replaceAll('-', '')) || 0;
      keys[i] = -date * 1e7 + (issueRank.get(entry.issueId) ?? 0) * 1000 + Math.min(entry.position, 999);
    });
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
    this.dateOrder = Int32Array.from(order);
    this.dateRank = new Int32Array(n);
    order.forEach((entry, rank) => (this.dateRank[entry] = rank));

    const firstOfPaper = new Map<string, number>();
    this.groupOf = Int32Array.from({ length: n }, (_, i) => {
      const paperGroup = entries[i]!.paperGroup;
      if (paperGroup === null) return i;
      const first = firstOfPaper.get(paperGroup);
      if (first !== undefined) return first;
      firstOfPaper.set(paperGroup, i);
      return i;
    });
    this.groupMembers = new Map();
    for (const i of order) {
      const root = this.groupOf[i]!;
      const members = this.groupMembers.get(root);
      if (members) members.push(i);
      else this.groupMembers.set(root, [i]);
    }
  }

  private facetTables(bookmarkedIds: ReadonlySet<string>): FacetTable[] {
    if (this.bookmarkTable?.ids !== bookmarkedIds) {
      this.bookmarkTable = { ids: bookmarkedIds, table: buildBookmarkedTable(this.entries, bookmarkedIds) };
    }
    return [...this.tables, this.bookmarkTable.table];
  }

  private entryFoldedText(i: number): string {
    let text = this.foldedText[i];
    if (text === undefined) {
      const entry = this.entries[i]!;
      const parts = [entry.headline, entry.paper?.title ?? '', entry.summary, entryBodyText(entry)];
      text = ` ${parts.map((part) => tokenize(foldText(part)).join(' ')).join(' | ')} `;
      this.foldedText[i] = text;
    }
    return text;
  }

  private resetScratch() {
    for (const i of this.touched) {
      this.scores[i] = 0;
      this.fieldMasks[i] = 0;
      this.wordHits[i] = 0;
      this.lastWord[i] = -1;
    }
    this.touched.length = 0;
  }

  /** Runs the text part of a query: entries matching every word, with scores and matched fields in the scratch arrays. */
  private matchWords(words: readonly QueryWord[], matchedTerms: Set<string>): number[] {
    const { scores, fieldMasks, wordHits, lastWord, touched } = this;
    words.forEach((word, k) => {
      const match = { prefix: word.isLast && prefixMatches(word.term), fuzzy: word.exact ? false : fuzzinessFor(word.term) };
      const terms = this.index.visitPostings(word.term, match, (documentId, score, fieldBit) => {
        const i = documentId >> 1;
        if (lastWord[i] !== k) {
          if (k === 0) {
            if (wordHits[i] === 0) touched.push(i);
            wordHits[i] = 1;
          } else if (wordHits[i] === k) {
            wordHits[i] = k + 1;
          } else {
            return;
          }
          lastWord[i] = k;
        }
        scores[i]! += score;
        fieldMasks[i]! |= fieldBit;
      });
      for (const term of terms) matchedTerms.add(term);
    });
    const required = words.length;
    return touched.filter((i) => wordHits[i] === required);
  }

  /** Entries that contain any of the excluded words. */
  private excludedEntries(words: readonly string[]): Set<number> {
    const excluded = new Set<number>();
    for (const word of words) {
      const term = processIndexTerm(word);
      if (term) this.index.visitPostings(term, { prefix: false, fuzzy: false }, (documentId) => excluded.add(documentId >> 1));
    }
    return excluded;
  }

  /** A predicate for the `org:`, `topic:` and `issue:` filters written in the query. */
  private queryFilterTest(filters: readonly QueryFilter[]): ((entry: number) => boolean) | null {
    if (filters.length === 0) return null;
    const tests = filters.map((filter) => {
      const wanted = ` ${tokenize(foldText(filter.value)).join(' ')}`;
      const table = this.tables.find((candidate) => candidate.key === filter.field)!;
      const accepted = new Uint8Array(table.values.length);
      table.values.forEach((value, id) => {
        // Matches whole words or word beginnings: `org:maryland` finds "University of Maryland", `issue:2024-10` every October issue.
        const names = filter.field === 'issue' ? [value, table.labels[id] ?? ''] : [value];
        if (names.some((name) => ` ${tokenize(foldText(name)).join(' ')}`.includes(wanted))) accepted[id] = 1;
      });
      return (entry: number) => {
        let found = false;
        for (let k = table.offsets[entry]!; k < table.offsets[entry + 1]!; k++) {
          if (accepted[table.valueIds[k]!]) {
            found = true;
            break;
          }
        }
        return found !== filter.negated;
      };
    });
    return (entry) => tests.every((test) => test(entry));
  }

  /** Answers a query. Before the first answer is possible, returns an empty response with status `indexing`. */
  search(request: SearchRequest): SearchResponse {
    const parsed = parseQuery(request.query);
    const tables = this.facetTables(request.bookmarkedIds);
    if (this.statusValue === 'idle' || this.statusValue === 'indexing') {
      return { parsed, total: 0, hits: [], facets: [], sort: request.sort, suggestion: null, status: this.statusValue };
    }

    const words: QueryWord[] = [];
    const prefixes: string[] = [];
    const lastIndex = parsed.words.length - 1;
    parsed.words.forEach((word, k) => {
      const term = foldText(word);
      const isLast = k === lastIndex && parsed.partialWord !== null;
      if (isLast) {
        // A single letter being typed narrows nothing yet; wait for the next one.
        if (!prefixMatches(term)) return;
        prefixes.push(term);
      } else if (STOP_WORDS.has(term)) return;
      if (!words.some((existing) => existing.term === term && !existing.isLast)) words.push({ term, isLast, exact: false });
    });
    const phrases = parsed.phrases.map(phraseWords).filter((phrase) => phrase.length > 0);
    for (const phrase of phrases) {
      for (const term of phrase) {
        if (!STOP_WORDS.has(term) && !words.some((existing) => existing.term === term)) words.push({ term, isLast: false, exact: true });
      }
    }

    this.resetScratch();
    const matchedTerms = new Set<string>();
    const hasText = words.length > 0;
    let candidates: number[] = hasText ? this.matchWords(words, matchedTerms) : Array.from(this.dateOrder);

    const excluded = this.excludedEntries(parsed.excludedWords);
    const excludedPhrases = parsed.excludedPhrases.map((phrase) => ` ${phraseWords(phrase).join(' ')} `);
    const requiredPhrases = phrases.map((phrase) => ` ${phrase.join(' ')} `);
    const filterTest = this.queryFilterTest(parsed.filters);
    if (excluded.size > 0 || excludedPhrases.length > 0 || requiredPhrases.length > 0 || filterTest) {
      candidates = candidates.filter((i) => {
        if (excluded.has(i)) return false;
        if (filterTest && !filterTest(i)) return false;
        if (requiredPhrases.length === 0 && excludedPhrases.length === 0) return true;
        const text = this.entryFoldedText(i);
        return requiredPhrases.every((phrase) => text.includes(phrase)) && !excludedPhrases.some((phrase) => text.includes(phrase));
      });
    }

    const { matches, counts } = countFacets(tables, request.selection, candidates);
    const sort: SortOrder = request.sort === 'relevance' && !hasText ? 'newest' : request.sort;
    if (sort === 'relevance') {
      const { scores, dateRank } = this;
      matches.sort((a, b) => scores[b]! - scores[a]! || dateRank[a]! - dateRank[b]!);
    } else if (hasText) {
      const { dateRank } = this;
      matches.sort(sort === 'newest' ? (a, b) => dateRank[a]! - dateRank[b]! : (a, b) => dateRank[b]! - dateRank[a]!);
    } else if (sort === 'oldest') {
      matches.reverse();
    }

    let ranked = matches;
    if (request.groupByPaper) {
      const seen = new Set<number>();
      ranked = matches.filter((i) => {
        const group = this.groupOf[i]!;
        if (seen.has(group)) return false;
        seen.add(group);
        return true;
      });
    }

    const highlight: HighlightTerms = {
      terms: new Set([...matchedTerms, ...words.filter((word) => !word.isLast).map((word) => word.term)]),
      prefixes,
      phrases,
    };
    const hits = ranked.slice(0, Math.max(0, request.limit)).map((i) => this.hit(i, highlight, request.groupByPaper));

    let suggestion: string | null = null;
    if (ranked.length === 0 && parsed.words.length > 0) suggestion = this.suggest(parsed);

    return {
      parsed,
      total: ranked.length,
      hits,
      facets: describeFacets(tables, request.selection, counts),
      sort,
      suggestion,
      status: this.statusValue,
    };
  }

  private hit(i: number, highlight: HighlightTerms, grouped: boolean): SearchHit {
    const entry = this.entries[i]!;
    const mask = this.fieldMasks[i]!;
    const passages = [entry.summary, ...entry.body.map((paragraph) => paragraph.map((node) => node.text).join('')), entry.paper?.title ?? ''];
    return {
      entry,
      issue: this.issueById.get(entry.issueId),
      fields: SEARCH_FIELDS.filter((field) => mask & FIELD_BIT[field]),
      headline: highlightText(entry.headline, highlight),
      snippet: bestSnippet(passages, highlight),
      coverage: grouped ? (this.groupMembers.get(this.groupOf[i]!) ?? [i]).map((member) => this.entries[member]!) : [entry],
    };
  }

  /** "Did you mean …": the query with its words respelt as the index knows them, if that differs. */
  private suggest(parsed: ParsedQuery): string | null {
    const words = parsed.words.join(' ');
    const folded = tokenize(foldText(words)).filter((word) => !STOP_WORDS.has(word)).join(' ');
    for (const candidate of this.index.autoSuggest(words, suggestionOptions)) {
      if (candidate.suggestion !== folded) {
        return formatQuery({ ...parsed, words: candidate.terms });
      }
    }
    return null;
  }

  /** The index as JSON, for measuring its size. */
  serializedIndex(): string {
    return JSON.stringify(this.index);
  }

  /** Whether a query has anything that narrows the archive (words, phrases, exclusions or filters). */
  static isEmptyQuery(query: string): boolean {
    return isEmptyQuery(parseQuery(query));
  }
}

const engines = new WeakMap<object, SearchEngine>();

/** The one engine for a bundle: the index is built once per bundle, never per keystroke or route change. */
export function engineFor(bundle: { entries: readonly Entry[]; issues: readonly Issue[]; topics: readonly string[] }): SearchEngine {
  let engine = engines.get(bundle);
  if (!engine) {
    engine = new SearchEngine(bundle.entries, bundle.issues, bundle.topics);
    engines.set(bundle, engine);
  }
  return engine;
}
