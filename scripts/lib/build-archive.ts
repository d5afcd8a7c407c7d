/**
 * Normalisation: parsed documents and curated tables in, a validated bundle and diagnostics out.
 * Pure: no file system, no clock.
 */
import {
  parseBundle,
  SCHEMA_VERSION,
  type ArchiveBundle,
  type Entry,
  type EntryKind,
  type EntryLink,
  type InlineNode,
  type Issue,
  type Paper,
  type Paragraph,
  type Publication,
} from '../../src/shared/bundle';
import { arxivAbsUrl } from '../../src/shared/arxiv';
import {
  formatIssueTitle,
  inferYearFromArxiv,
  parseLeadingDate,
  resolveEntryYear,
  validIsoDate,
  type MonthDay,
} from './dates';
import { nodesToText, parseInline } from './inline';
import { applyCorrections, type Correction } from './corrections';
import { arxivIdFromUrl, classifyLink, doiFromUrl } from './links';
import {
  nearDuplicateOrganizations,
  OrganizationCanon,
  organizationPhrase,
  splitOrganizations,
  type OrganizationAlias,
} from './organizations';
import {
  findLostLines,
  parseNewsletter,
  type Diagnostic,
  type ParsedDocument,
  type RawEntry,
  type RawIssue,
} from './parse-newsletter';
import { outletOf, type SourceTable } from './outlets';
import { relatedEntries } from './related';
import { TopicMatcher, type TopicDefinition } from './topics';

/** A source document: its path as reported in diagnostics, and its text. */
export interface SourceDocument {
  file: string;
  text: string;
}

/** The curated tables that normalisation reads. */
export interface CuratedTables {
  organizations: OrganizationAlias[];
  topics: TopicDefinition[];
  /** Publisher names by host and the arXiv mirrors, from `data/sources.json`. */
  sources: SourceTable;
  /** The newsletter itself, from `data/publication.json`; copied into the bundle. */
  publication: Publication;
  /** Checked fixes of source errors, from `data/corrections.json`; none when absent. */
  corrections?: readonly Correction[];
}

/** Counts for the build's one-line summary. */
export interface BuildStats {
  issues: number;
  entries: number;
  papers: number;
  entryLines: number;
}

/** What a build produced: a bundle when there were no errors. */
export interface BuildResult {
  bundle: ArchiveBundle | null;
  diagnostics: Diagnostic[];
  stats: BuildStats;
}

interface DatedIssue {
  raw: RawIssue;
  file: string;
  iso: string;
}

/** Lower-case ASCII words joined by hyphens, at most `max` characters, cut at a word boundary. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 20 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Paper titles match when their words agree, ignoring case, punctuation and quotes. */
function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const OPENING_QUOTES = '“"«';

/** Whether `c` closes a quotation opened with `open`: `“` and `"` close with `”` or `"`, `«` with `»`. */
function closes(open: string, c: string): boolean {
  return open === '«' ? c === '»' : c === '”' || c === '"';
}

/**
 * The first non-empty double-quoted text in `text` from `from` on, with its opening quote's index. Single quotes and
 * apostrophes inside (`“LLMs are 'consensus machines'”`) do not end it. One pass: linear in the text.
 */
function quotedFrom(text: string, from = 0): { title: string; start: number } | null {
  let open = -1;
  for (let i = from; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (open < 0) {
      if (OPENING_QUOTES.includes(c)) open = i;
      continue;
    }
    if (!closes(text[open] ?? '', c)) continue;
    const title = text.slice(open + 1, i).trim();
    if (title) return { title, start: open };
    open = c === '"' ? i : -1;
  }
  return null;
}

/** How far after a link its quoted title may open; a venue phrase fits in it, a sentence does not. */
const TITLE_REACH = 120;

/**
 * What may stand between a paper link and its quoted title: nothing, a comma, a venue phrase such as "on Nature",
 * "at NeurIPS 2024", "in EMNLP2024", "on arXiv" or "published in the Nature journal" (a preposition and up to six
 * words that are numbers or have a capital, in front or after lower-case letters as in arXiv), or "titled". Matched against at most {@link TITLE_REACH} characters, and words are separated by
 * required white space, so the match is linear.
 */
const BEFORE_TITLE =
  /^\s*[,(]?\s*(?:(?:(?:published|accepted|presented|appearing)\s+)?(?:on|at|in|to|for)\s+(?:the\s+)?(?:[\p{Lu}\d]|\p{Ll}+\p{Lu})[^\s“”"«»]*(?:\s+(?:[\p{Lu}\d]|\p{Ll}+\p{Lu})[^\s“”"«»]*){0,5}(?:\s+(?:journal|conference|workshop|proceedings))?\s*[,:)]?\s*|(?:titled|entitled|called)\s*:?\s*)?$/u;

/** The quoted title that follows a link, directly or across a short venue phrase: `[paper](…) on Nature “Title”`. */
export function quotedTitleAfter(nodes: readonly InlineNode[], index: number): string | null {
  const next = nodes[index + 1];
  if (next?.type !== 'text') return null;
  const reach = next.text.slice(0, TITLE_REACH);
  let opening = -1;
  for (let i = 0; i < reach.length && opening < 0; i += 1) if (OPENING_QUOTES.includes(reach[i] ?? '')) opening = i;
  if (opening < 0 || !BEFORE_TITLE.test(reach.slice(0, opening))) return null;
  const quoted = quotedFrom(next.text, opening);
  return quoted?.start === opening ? quoted.title : null;
}

/** What an entry reports on, from its paper and the words and first link of its first paragraph. */
function entryKind(entry: Pick<Entry, 'body' | 'paper' | 'headline'>): EntryKind {
  const firstParagraph = entry.body[0] ?? [];
  const paper = entry.paper;
  const firstText = nodesToText(firstParagraph);
  const title = paper?.title ?? quotedFrom(firstText)?.title ?? entry.headline;
  const text = firstText.toLowerCase();
  const firstLink = firstParagraph.find((node) => node.type === 'link');
  const label = firstLink?.text.toLowerCase() ?? '';
  if (/\breport\b/i.test(title) && !paper?.arxivId) return 'report';
  if (/^according to\b/.test(label) || /\barticle\b/.test(label)) return 'news';
  if (/^released?\b|^launch/.test(label) || /\breleased\b/.test(text.slice(0, 80))) return paper ? 'paper' : 'release';
  if (paper) return 'paper';
  return 'blog';
}

/** Dates every issue: the heading's year, else arXiv identifiers, else neighbouring issues of the same document. */
function dateIssues(
  documents: readonly ParsedDocument[],
  diagnostics: Diagnostic[],
  arxivMirrors: readonly string[],
): DatedIssue[] {
  const dated: DatedIssue[] = [];
  for (const document of documents) {
    const years = document.issues.map(
      (issue) => issue.date.year ?? inferYearFromArxiv(issue.date, arxivIdsOf(issue, arxivMirrors)),
    );
    // Issues within a document are newest first, so an undated one sits between its neighbours: a year is carried
    // down from the nearest newer dated issue, else up from the nearest older one; two sweeps, linear in the issues.
    document.issues.forEach((issue, i) => {
      const newer = i > 0 ? years[i - 1] : null;
      const newerIssue = document.issues[i - 1];
      if (years[i] != null || newer == null || !newerIssue) return;
      years[i] = compareMonthDay(issue.date, newerIssue.date) <= 0 ? newer : newer - 1;
    });
    for (let i = document.issues.length - 2; i >= 0; i -= 1) {
      const issue = document.issues[i];
      const older = years[i + 1];
      const olderIssue = document.issues[i + 1];
      if (!issue || years[i] != null || older == null || !olderIssue) continue;
      years[i] = compareMonthDay(issue.date, olderIssue.date) >= 0 ? older : older + 1;
    }
    document.issues.forEach((issue, i) => {
      const year = years[i];
      if (year == null) {
        diagnostics.push({
          file: document.file,
          line: issue.line,
          severity: 'error',
          message: `cannot tell the year of issue "${issue.heading}": add it to the heading ("***${issue.heading}, YYYY***")`,
        });
        return;
      }
      const iso = validIsoDate(year, issue.date.month, issue.date.day);
      if (!iso) {
        diagnostics.push({
          file: document.file,
          line: issue.line,
          severity: 'error',
          message: `issue "${issue.heading}" falls in ${year}, which has no such day (add the right year to the heading)`,
        });
        return;
      }
      dated.push({ raw: issue, file: document.file, iso });
    });
  }
  return dated;
}

function compareMonthDay(a: MonthDay, b: MonthDay): number {
  return a.month - b.month || a.day - b.day;
}

function arxivIdsOf(issue: RawIssue, arxivMirrors: readonly string[]): string[] {
  const ids: string[] = [];
  for (const entry of issue.entries) {
    for (const line of entry.body) {
      for (const match of line.text.matchAll(/https?:\/\/[^\s)\]]+/g)) {
        const id = arxivIdFromUrl(match[0], arxivMirrors);
        if (id) ids.push(id);
      }
    }
  }
  return ids;
}

interface EntryDraft {
  entry: Omit<
    Entry,
    'id' | 'paperGroup' | 'paperConflicts' | 'related' | 'topics' | 'position' | 'issueId' | 'outlet' | 'kind'
  >;
  rawOrganizations: string[];
}

function draftEntry(
  raw: RawEntry,
  issue: DatedIssue,
  canon: OrganizationCanon,
  arxivMirrors: readonly string[],
  report: (line: number, severity: Diagnostic['severity'], message: string) => void,
): EntryDraft {
  const body: Paragraph[] = [];
  for (const line of raw.body) {
    const inline = parseInline(line.text);
    for (const warning of inline.warnings) report(line.line, 'warning', warning);
    if (inline.nodes.length > 0) body.push(inline.nodes);
  }
  const headlineInline = raw.headline ? parseInline(raw.headline) : null;
  const summaryInline = parseInline(raw.summary);
  for (const warning of [...(headlineInline?.warnings ?? []), ...summaryInline.warnings])
    report(raw.line, 'warning', warning);

  const firstLine = raw.body[0];
  const firstText = firstLine ? nodesToText(body[0] ?? []) : '';
  const firstNode = body[0]?.[0];
  // Organisations are named before the first link: "Oct 31, Purdue Uni published a [paper]…".
  const opening = firstNode?.type === 'text' ? firstNode.text : '';
  const leading = parseLeadingDate(firstText);
  let publishedOn = issue.iso;
  if (leading) {
    const year = resolveEntryYear(leading.date, issue.iso);
    const iso = validIsoDate(year, leading.date.month, leading.date.day);
    if (iso) publishedOn = iso;
    else
      report(
        firstLine?.line ?? raw.line,
        'error',
        `entry ${raw.number} is dated "${firstText.slice(0, leading.length).replace(/[\s,]+$/, '')}", a day that does not exist in ${year}`,
      );
  } else {
    report(
      firstLine?.line ?? raw.line,
      'warning',
      `body of entry ${raw.number} does not start with a date ("Mon D, …"); the issue date is used`,
    );
  }

  const rawOrganizations =
    leading && opening.length >= leading.length
      ? splitOrganizations(organizationPhrase(`${opening.slice(leading.length)}[`))
      : [];
  const organizations: string[] = [];
  for (const name of rawOrganizations) {
    const canonical = canon.lookup(name) ?? name;
    if (!organizations.includes(canonical)) organizations.push(canonical);
  }

  const links: EntryLink[] = [];
  let paper: Paper | null = null;
  for (const paragraph of body) {
    paragraph.forEach((node, index) => {
      if (node.type !== 'link') return;
      const kind = classifyLink(node.url, node.text, arxivMirrors);
      if (!links.some((link) => link.url === node.url)) links.push({ url: node.url, label: node.text, kind });
      if (paper || kind !== 'paper') return;
      const arxivId = arxivIdFromUrl(node.url, arxivMirrors);
      const title = quotedTitleAfter(paragraph, index);
      if (!title && !arxivId && !/paper/i.test(node.text)) return;
      paper = {
        title: title ?? '',
        arxivId,
        doi: doiFromUrl(node.url),
        url: arxivId ? arxivAbsUrl(arxivId) : node.url,
      };
    });
  }
  if (links.length === 0) report(raw.line, 'warning', `entry ${raw.number} has no links`);

  const foundPaper = paper as Paper | null;
  const summary = nodesToText(summaryInline.nodes);
  let headline = headlineInline ? nodesToText(headlineInline.nodes) : '';
  if (!headline) headline = foundPaper?.title || summary.split(/\s+/).slice(0, 10).join(' ') || `Entry ${raw.number}`;
  if (foundPaper && !foundPaper.title) foundPaper.title = headline;

  return {
    entry: {
      number: raw.number,
      headline,
      summary,
      publishedOn,
      organizations,
      paper: foundPaper,
      links,
      body,
      source: { file: issue.file, line: raw.line },
    },
    rawOrganizations,
  };
}

/** Builds the bundle from source documents. Errors leave `bundle` null; nothing is dropped silently. */
export function buildArchive(sources: readonly SourceDocument[], tables: CuratedTables): BuildResult {
  const given = new Set<string>();
  const repeated: Diagnostic[] = [];
  const unique = [...sources].filter((source) => {
    if (!given.has(source.file)) return given.add(source.file);
    repeated.push({
      file: source.file,
      line: 1,
      severity: 'error',
      message: 'this document is given twice (give each input once)',
    });
    return false;
  });
  const documents = unique
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((source) => parseNewsletter(source.text, source.file));
  const diagnostics: Diagnostic[] = [...repeated, ...documents.flatMap((document) => document.diagnostics)];
  const entryLines = documents.reduce((sum, document) => sum + document.entryLineCount, 0);
  const canon = new OrganizationCanon(tables.organizations);
  const topics = new TopicMatcher(tables.topics);

  const datedIssues = dateIssues(documents, diagnostics, tables.sources.arxivMirrors);
  const issueById = new Map<string, { issue: Issue; file: string; line: number }>();
  const entries: Entry[] = [];
  const unknownOrganizations = new Set<string>();
  const pending: PendingEntry[] = [];
  const entriesInIssue = new Map<string, number>();
  const numbersInIssue = new Map<string, Set<number>>();

  for (const dated of datedIssues) {
    const report = (line: number, severity: Diagnostic['severity'], message: string) =>
      diagnostics.push({ file: dated.file, line, severity, message });
    let target = issueById.get(dated.iso);
    if (target) {
      report(
        dated.raw.line,
        'info',
        `issue ${dated.iso} continues here (first heading at ${target.file}:${target.line}); its entries are merged`,
      );
    } else {
      target = {
        issue: { id: dated.iso, date: dated.iso, title: formatIssueTitle(dated.iso), entryIds: [] },
        file: dated.file,
        line: dated.raw.line,
      };
      issueById.set(dated.iso, target);
    }
    let seenNumbers = numbersInIssue.get(dated.iso);
    if (!seenNumbers) numbersInIssue.set(dated.iso, (seenNumbers = new Set<number>()));
    for (const raw of dated.raw.entries) {
      if (seenNumbers.has(raw.number))
        report(raw.line, 'warning', `entry number ${raw.number} is used twice in issue ${dated.iso}`);
      seenNumbers.add(raw.number);
      const draft = draftEntry(raw, dated, canon, tables.sources.arxivMirrors, report);
      for (const name of draft.rawOrganizations) if (!canon.lookup(name)) unknownOrganizations.add(name);
      // Kind, topics and outlet are derived once corrections are applied.
      const entry: Entry = {
        ...draft.entry,
        id: '',
        issueId: dated.iso,
        position: (entriesInIssue.get(dated.iso) ?? 0) + 1,
        kind: 'blog',
        topics: [],
        paperGroup: null,
        paperConflicts: [],
        related: [],
        outlet: null,
      };
      entriesInIssue.set(dated.iso, entry.position);
      pending.push({ entry, slug: `${dated.iso}-${slugify(draft.entry.headline) || `entry-${raw.number}`}` });
      entries.push(entry);
    }
  }
  // Ids wait until every document is read: an id may depend on the other entries that share its slug. They come from
  // the headline as the source gives it, so a correction never moves a reader's bookmark.
  assignEntryIds(pending);
  for (const entry of entries) issueById.get(entry.issueId)?.issue.entryIds.push(entry.id);
  applyCorrections(entries, tables.corrections ?? [], diagnostics);
  for (const entry of entries) {
    if (entry.organizations.length === 0) entry.organizations = canon.namesIn(`${entry.headline}\n${entry.summary}`);
    if (entry.organizations.length === 0) {
      diagnostics.push({
        file: entry.source.file,
        line: entry.source.line,
        severity: 'info',
        message: `entry ${entry.number} (${entry.id}) has no organisation: its body names none before its first link, and its headline and summary name none that data/organizations.json knows`,
      });
    }
    entry.kind = entryKind(entry);
    entry.topics = topics.match(`${entry.headline} ${entry.paper?.title ?? ''}`, entry.summary);
    entry.outlet = outletOf(entry, tables.sources.publishers);
  }

  for (const { issue, file, line } of issueById.values()) {
    if (issue.entryIds.length === 0)
      diagnostics.push({ file, line, severity: 'warning', message: `issue ${issue.id} has no entries` });
  }
  linkSamePapers(entries, diagnostics);
  const { related } = relatedEntries(
    entries.map((entry) => ({
      id: entry.id,
      text: [entry.headline, entry.paper?.title ?? '', entry.summary, entry.topics.join(' ')].join(' '),
      group: entry.paperGroup,
    })),
  );
  for (const entry of entries) entry.related = related.get(entry.id) ?? [];

  if (unknownOrganizations.size > 0) {
    diagnostics.push({
      file: 'data/organizations.json',
      line: 1,
      severity: 'info',
      message: `organisations not in the alias table (passed through): ${[...unknownOrganizations].sort().join('; ')}`,
    });
  }
  const allNames = [...new Set(entries.flatMap((entry) => entry.organizations))];
  const curated = new Set(tables.organizations.map((organization) => organization.name));
  const uncurated = nearDuplicateOrganizations(allNames).filter(([a, b]) => !curated.has(a) || !curated.has(b));
  for (const [a, b] of uncurated.slice(0, REPORTED_DUPLICATES)) {
    diagnostics.push({
      file: 'data/organizations.json',
      line: 1,
      severity: 'info',
      message: `possible duplicate organisations: "${a}" and "${b}"`,
    });
  }
  if (uncurated.length > REPORTED_DUPLICATES) {
    const more = uncurated.length - REPORTED_DUPLICATES;
    diagnostics.push({
      file: 'data/organizations.json',
      line: 1,
      severity: 'info',
      message: `… and ${more} more possible duplicate organisations`,
    });
  }

  const issues = [...issueById.values()]
    .map((value) => value.issue)
    .filter((issue) => issue.entryIds.length > 0)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const order = new Map(issues.map((issue, index) => [issue.id, index]));
  entries.sort((a, b) => (order.get(a.issueId) ?? 0) - (order.get(b.issueId) ?? 0) || a.position - b.position);

  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  if (!hasErrors)
    diagnostics.push(
      ...findLostLines(
        sources,
        documents,
        entries.map((entry) => entry.source),
      ),
    );
  const stats: BuildStats = {
    issues: issues.length,
    entries: entries.length,
    papers: new Set(entries.flatMap((entry) => (entry.paper ? [entry.paper.arxivId ?? entry.paper.url] : []))).size,
    entryLines,
  };
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { bundle: null, diagnostics, stats };
  const bundle = parseBundle({
    schemaVersion: SCHEMA_VERSION,
    publication: tables.publication,
    issues,
    entries,
    topics: topics.names,
  });
  return { bundle, diagnostics, stats };
}

/** An entry whose id is not yet known, and the `${issueDate}-${slug}` it would like. */
interface PendingEntry {
  entry: Entry;
  slug: string;
}

/**
 * Gives each entry its id by the rule documented on {@link Entry.id}. Only entries that share a slug are compared,
 * and the comparison never looks at the order documents were read in, so ids do not move when documents do.
 */
function assignEntryIds(pending: readonly PendingEntry[]): void {
  const bySlug = new Map<string, PendingEntry[]>();
  const perIssueFile = new Map<string, number>();
  const perFile = new Map<string, number>();
  for (const item of pending) {
    const group = bySlug.get(item.slug);
    if (group) group.push(item);
    else bySlug.set(item.slug, [item]);
    const key = `${item.entry.issueId}\n${item.entry.source.file}`;
    perIssueFile.set(key, (perIssueFile.get(key) ?? 0) + 1);
    perFile.set(item.entry.source.file, (perFile.get(item.entry.source.file) ?? 0) + 1);
  }
  const share = (entry: Entry) => perIssueFile.get(`${entry.issueId}\n${entry.source.file}`) ?? 0;
  const size = (entry: Entry) => perFile.get(entry.source.file) ?? 0;
  const mainFirst = (a: PendingEntry, b: PendingEntry) =>
    share(b.entry) - share(a.entry) ||
    size(b.entry) - size(a.entry) ||
    compareText(a.entry.source.file, b.entry.source.file) ||
    a.entry.source.line - b.entry.source.line;
  for (const [slug, group] of bySlug) {
    if (group.length === 1) {
      if (group[0]) group[0].entry.id = slug;
      continue;
    }
    const [first, ...others] = [...group].sort(mainFirst);
    if (!first) continue;
    first.entry.id = slug;
    const suffixes: ((entry: Entry) => string)[] = [
      (entry) => `${slugify(fileStem(entry.source.file)) || 'source'}-${entry.number}`,
      (entry) => `${slugify(fileStem(entry.source.file)) || 'source'}-${entry.number}-line-${entry.source.line}`,
      (entry) => `${slugify(entry.source.file, 200) || 'source'}-${entry.number}-line-${entry.source.line}`,
    ];
    const taken = new Set<string>();
    let unresolved = others;
    for (const suffix of suffixes) {
      const counts = new Map<string, number>();
      const ids = unresolved.map(({ entry }) => `${slug}--${suffix(entry)}`);
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      // An entry keeps a suffix only when no other entry would share it, so the choice never depends on order.
      unresolved = unresolved.filter((item, i) => {
        const id = ids[i] ?? '';
        if (counts.get(id) !== 1 || taken.has(id)) return true;
        item.entry.id = id;
        taken.add(id);
        return false;
      });
    }
    for (const { entry } of unresolved) {
      let n = 1;
      while (taken.has(`${slug}--${n}`)) n += 1;
      entry.id = `${slug}--${n}`;
      taken.add(entry.id);
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A source path's file name without its extension: `data/newsletters/extra.md` → `extra`. */
function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** How many listed titles a warning about one arXiv id shows before "and N more". */
const LISTED_TITLES = 10;

/** How many possible duplicate organisations the build lists before one "and N more" line. */
const REPORTED_DUPLICATES = 50;

/**
 * Entries sharing an arXiv id and a paper title are one paper: they get one `paperGroup`, the id of the group's
 * first entry in bundle order (newest issue first, then reading order). A shared id with different titles is a source
 * error, reported once per arXiv id. Linear: entries are bucketed, never compared in pairs.
 */
function linkSamePapers(entries: readonly Entry[], diagnostics: Diagnostic[]): void {
  const byArxiv = new Map<string, Map<string, Entry[]>>();
  for (const entry of entries) {
    const id = entry.paper?.arxivId;
    if (!id) continue;
    let byTitle = byArxiv.get(id);
    if (!byTitle) byArxiv.set(id, (byTitle = new Map<string, Entry[]>()));
    const title = normaliseTitle(entry.paper?.title ?? '');
    const group = byTitle.get(title);
    if (group) group.push(entry);
    else byTitle.set(title, [entry]);
  }
  const bundleOrder = (a: Entry, b: Entry) => compareText(b.issueId, a.issueId) || a.position - b.position;
  for (const [arxivId, byTitle] of byArxiv) {
    for (const group of byTitle.values()) {
      if (group.length < 2) continue;
      const key = group.reduce((first, entry) => (bundleOrder(entry, first) < 0 ? entry : first)).id;
      for (const entry of group) entry.paperGroup = key;
    }
    if (byTitle.size < 2) continue;
    const groups = [...byTitle.values()];
    for (const group of groups) {
      // Capped so one id given to thousands of papers cannot make the bundle grow with the square of them.
      const others = groups.filter((other) => other !== group).flatMap((other) => other.slice(0, LISTED_TITLES));
      for (const entry of group) entry.paperConflicts = others.slice(0, LISTED_TITLES).map((other) => other.id);
    }
    const firsts = [...byTitle.values()].flatMap((group) => group.slice(0, 1));
    const shown = firsts.slice(0, LISTED_TITLES);
    const last = shown.length === firsts.length ? shown.pop() : undefined;
    const where = last ?? shown[shown.length - 1];
    if (!where) continue;
    const described = shown.map(
      (entry) => `"${entry.paper?.title}" (${entry.source.file}:${entry.source.line}, ${entry.id})`,
    );
    const tail = last ? ` and "${last.paper?.title}" (${last.id})` : ` and ${firsts.length - shown.length} more`;
    const count = firsts.length === 2 ? 'two' : String(firsts.length);
    diagnostics.push({
      file: where.source.file,
      line: where.source.line,
      severity: 'warning',
      message: `arXiv ${arxivId} is linked by ${count} different papers, not merged: ${described.join(', ')}${tail}`,
    });
  }
}
