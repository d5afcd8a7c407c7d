/**
 * Facets over the archive, precomputed once per bundle as compact tables, and disjunctive counting:
 * OR within a facet, AND across facets, and each facet's counts computed as if its own selection were empty.
 */
import type { Entry, Issue } from '@/shared/bundle';
import { ENTRY_KINDS } from '@/shared/bundle';
import { ENTRY_KIND_LABELS, MONTH_NAMES } from '@/shared/labels';

/** The facets, by their URL parameter name. */
export type FacetKey = 'issue' | 'month' | 'org' | 'topic' | 'kind' | 'source' | 'code' | 'bookmarked' | 'read';
export const FACET_KEYS = [
  'issue',
  'month',
  'org',
  'topic',
  'kind',
  'source',
  'code',
  'bookmarked',
  'read',
] as const satisfies readonly FacetKey[];

/** Selected values per facet; a missing or empty list means "any". Yes/no facets use the value `'1'`. */
export type FacetSelection = Partial<Record<FacetKey, readonly string[]>>;

/** One facet's values and which values each entry has, as offsets into a flat array (CSR). */
export interface FacetTable {
  key: FacetKey;
  /** Value keys as they appear in the URL. */
  values: string[];
  /** What the user reads for each value. */
  labels: string[];
  /** Entry i has values `valueIds[offsets[i]] … valueIds[offsets[i + 1] - 1]`. */
  offsets: Uint32Array;
  valueIds: Uint32Array;
  /** Whether values are listed in their own order (issues, topics) rather than by count. */
  fixedOrder: boolean;
}

/** One value of a facet as the page shows it. */
export interface FacetValueCount {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/** A facet's values with counts that account for every other active facet. */
export interface FacetCounts {
  key: FacetKey;
  values: FacetValueCount[];
}

/** `2024-10` → `October 2024`. */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split('-');
  return `${MONTH_NAMES[Number(monthNumber) - 1] ?? monthNumber} ${year}`;
}

/** Whether an entry links to code. */
export function hasCode(entry: Entry): boolean {
  return entry.links.some((link) => link.kind === 'code');
}

class TableBuilder {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  readonly labels: string[] = [];
  private readonly offsets: number[] = [0];
  private readonly valueIds: number[] = [];

  constructor(
    private readonly key: FacetKey,
    private readonly fixedOrder: boolean,
  ) {}

  /** Declares a value up front, to fix its position in the list. */
  declare(value: string, label: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
      this.labels.push(label);
    }
    return id;
  }

  addEntry(values: readonly string[], label: (value: string) => string = (value) => value): void {
    const seen = new Set<number>();
    for (const value of values) {
      const id = this.declare(value, label(value));
      if (!seen.has(id)) {
        seen.add(id);
        this.valueIds.push(id);
      }
    }
    this.offsets.push(this.valueIds.length);
  }

  build(): FacetTable {
    return {
      key: this.key,
      values: this.values,
      labels: this.labels,
      offsets: Uint32Array.from(this.offsets),
      valueIds: Uint32Array.from(this.valueIds),
      fixedOrder: this.fixedOrder,
    };
  }
}

/** Builds every facet table except `bookmarked` and `read` (which change while the page is open), one entry at a time. */
export class FacetTablesBuilder {
  private readonly issue = new TableBuilder('issue', true);
  private readonly month = new TableBuilder('month', true);
  private readonly org = new TableBuilder('org', false);
  private readonly topic = new TableBuilder('topic', true);
  private readonly kind = new TableBuilder('kind', true);
  private readonly source = new TableBuilder('source', false);
  private readonly code = new TableBuilder('code', true);

  /** Each issue's month (`2024-10`): an entry's month is its issue's, when readers saw it, not its paper's. */
  private readonly issueMonth: ReadonlyMap<string, string>;

  constructor(entries: readonly Entry[], issues: readonly Issue[], topics: readonly string[]) {
    for (const item of issues) this.issue.declare(item.id, item.title || item.id);
    this.issueMonth = new Map(issues.map((item) => [item.id, item.date.slice(0, 7)]));
    const months = [...new Set(entries.map((entry) => this.monthOf(entry)))].sort().reverse();
    for (const value of months) this.month.declare(value, monthLabel(value));
    for (const value of topics) this.topic.declare(value, value);
    for (const value of ENTRY_KINDS) this.kind.declare(value, ENTRY_KIND_LABELS[value]);
    this.code.declare('1', 'Has code');
  }

  /** The month an entry is listed under; an entry whose issue is missing (the bundle check forbids it) uses its own date. */
  private monthOf(entry: Entry): string {
    return this.issueMonth.get(entry.issueId) ?? entry.publishedOn.slice(0, 7);
  }

  /** Adds the next entry; entries must be added in bundle order. */
  add(entry: Entry): void {
    this.issue.addEntry([entry.issueId]);
    this.month.addEntry([this.monthOf(entry)], monthLabel);
    this.org.addEntry(entry.organizations);
    this.topic.addEntry(entry.topics);
    this.kind.addEntry([entry.kind]);
    this.source.addEntry(entry.outlet ? [entry.outlet] : []);
    this.code.addEntry(hasCode(entry) ? ['1'] : []);
  }

  build(): FacetTable[] {
    return [this.issue, this.month, this.org, this.topic, this.kind, this.source, this.code].map((table) =>
      table.build(),
    );
  }
}

/** Every facet table except `bookmarked` and `read`, in one go. */
export function buildFacetTables(
  entries: readonly Entry[],
  issues: readonly Issue[],
  topics: readonly string[],
): FacetTable[] {
  const builder = new FacetTablesBuilder(entries, issues, topics);
  for (const entry of entries) builder.add(entry);
  return builder.build();
}

/** The `bookmarked` facet for the current set of bookmarks. */
export function buildBookmarkedTable(entries: readonly Entry[], bookmarkedIds: ReadonlySet<string>): FacetTable {
  const offsets = new Uint32Array(entries.length + 1);
  const valueIds: number[] = [];
  entries.forEach((entry, i) => {
    if (bookmarkedIds.has(entry.id)) valueIds.push(0);
    offsets[i + 1] = valueIds.length;
  });
  return {
    key: 'bookmarked',
    values: ['1'],
    labels: ['Bookmarked'],
    offsets,
    valueIds: Uint32Array.from(valueIds),
    fixedOrder: true,
  };
}

/** The `read` facet for the entries the reader has read: every entry is either `read` or `unread`. */
export function buildReadTable(entries: readonly Entry[], readIds: ReadonlySet<string>): FacetTable {
  const offsets = new Uint32Array(entries.length + 1);
  const valueIds = new Uint32Array(entries.length);
  entries.forEach((entry, i) => {
    valueIds[i] = readIds.has(entry.id) ? 0 : 1;
    offsets[i + 1] = i + 1;
  });
  return { key: 'read', values: ['read', 'unread'], labels: ['Read', 'Unread'], offsets, valueIds, fixedOrder: true };
}

/** The result of {@link countFacets}: entries passing every facet, and each facet's disjunctive counts. */
export interface FacetOutcome {
  /** Candidates that pass all selected facets, in the order given. */
  matches: number[];
  /** Per table, a count per value id. */
  counts: Uint32Array[];
}

/**
 * Filters candidate entries by the selection and counts facet values in one pass.
 * An entry counts towards facet F's values when it passes every active facet except possibly F
 * (disjunctive faceting: a facet's counts show what choosing one more of its values would give).
 */
export function countFacets(
  tables: readonly FacetTable[],
  selection: FacetSelection,
  candidates: Iterable<number>,
): FacetOutcome {
  const counts = tables.map((table) => new Uint32Array(table.values.length));
  const active: { tableIndex: number; table: FacetTable; selected: Uint8Array }[] = [];
  tables.forEach((table, tableIndex) => {
    const chosen = selection[table.key];
    if (!chosen || chosen.length === 0) return;
    const selected = new Uint8Array(table.values.length);
    const wanted = new Set(chosen);
    table.values.forEach((value, id) => {
      if (wanted.has(value)) selected[id] = 1;
    });
    active.push({ tableIndex, table, selected });
  });
  const matches: number[] = [];
  const countInto = (table: FacetTable, tableCounts: Uint32Array, entry: number) => {
    const end = table.offsets[entry + 1]!;
    for (let k = table.offsets[entry]!; k < end; k++) tableCounts[table.valueIds[k]!]!++;
  };
  for (const entry of candidates) {
    let failures = 0;
    let failedTable = -1;
    for (const { tableIndex, table, selected } of active) {
      let passes = false;
      const end = table.offsets[entry + 1]!;
      for (let k = table.offsets[entry]!; k < end; k++) {
        if (selected[table.valueIds[k]!]) {
          passes = true;
          break;
        }
      }
      if (!passes) {
        failures++;
        failedTable = tableIndex;
        if (failures > 1) break;
      }
    }
    if (failures === 0) {
      matches.push(entry);
      for (let t = 0; t < tables.length; t++) countInto(tables[t]!, counts[t]!, entry);
    } else if (failures === 1) {
      countInto(tables[failedTable]!, counts[failedTable]!, entry);
    }
  }
  return { matches, counts };
}

/** Turns raw counts into what the page lists: fixed-order facets keep their order, others go by count. */
export function describeFacets(
  tables: readonly FacetTable[],
  selection: FacetSelection,
  counts: readonly Uint32Array[],
): FacetCounts[] {
  return tables.map((table, t) => {
    const chosen = new Set(selection[table.key] ?? []);
    const tableCounts = counts[t]!;
    const values: FacetValueCount[] = table.values.map((value, id) => ({
      value,
      label: table.labels[id] ?? value,
      count: tableCounts[id] ?? 0,
      selected: chosen.has(value),
    }));
    if (!table.fixedOrder)
      values.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    // A selected value the archive does not have (from an old link) stays visible so it can be cleared.
    const known = new Set(table.values);
    for (const value of chosen) {
      if (!known.has(value)) values.push({ value, label: value, count: 0, selected: true });
    }
    return { key: table.key, values };
  });
}
