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
} from '../../src/shared/bundle';
import { formatIssueTitle, inferYearFromArxiv, isoDate, parseLeadingDate, resolveEntryYear, type MonthDay } from './dates';
import { nodesToText, parseInline } from './inline';
import { arxivAbsUrl, arxivIdFromUrl, classifyLink } from './links';
import {
  nearDuplicateOrganizations,
  OrganizationCanon,
  organizationPhrase,
  splitOrganizations,
  type OrganizationAlias,
} from './organizations';
import { parseNewsletter, type Diagnostic, type ParsedDocument, type RawEntry, type RawIssue } from './parse-newsletter';
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

function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Paper titles match when their words agree, ignoring case, punctuation and quotes. */
function sameTitle(a: string, b: string): boolean {
  return normaliseTitle(a) === normaliseTitle(b);
}

/** The quoted title that directly follows a link: `[paper](…) “Title”`. */
function quotedTitleAfter(nodes: readonly InlineNode[], index: number): string | null {
  const next = nodes[index + 1];
  if (next?.type !== 'text') return null;
  const match = /^\s*,?\s*[“"«]([^”"»]+)[”"»]/.exec(next.text);
  return match?.[1]?.trim() || null;
}

function entryKind(firstParagraph: readonly InlineNode[], paper: Paper | null, title: string): EntryKind {
  const text = nodesToText(firstParagraph).toLowerCase();
  const firstLink = firstParagraph.find((node) => node.type === 'link');
  const label = firstLink?.text.toLowerCase() ?? '';
  if (/\breport\b/i.test(title) && !paper?.arxivId) return 'report';
  if (/^according to\b/.test(label) || /\barticle\b/.test(label)) return 'news';
  if (/^released?\b|^launch/.test(label) || /\breleased\b/.test(text.slice(0, 80))) return paper ? 'paper' : 'release';
  if (paper) return 'paper';
  return 'blog';
}

/** Dates every issue: the heading's year, else arXiv identifiers, else neighbouring issues of the same document. */
function dateIssues(documents: readonly ParsedDocument[], diagnostics: Diagnostic[]): DatedIssue[] {
  const dated: DatedIssue[] = [];
  for (const document of documents) {
    const years = document.issues.map((issue) => issue.date.year ?? inferYearFromArxiv(issue.date, arxivIdsOf(issue)));
    // Issues within a document are newest first, so an undated one sits between its neighbours.
    for (let pass = 0; pass < document.issues.length; pass += 1) {
      document.issues.forEach((issue, i) => {
        if (years[i] != null) return;
        const newer = i > 0 ? years[i - 1] : null;
        const older = i + 1 < years.length ? years[i + 1] : null;
        if (newer != null) {
          const newerIssue = document.issues[i - 1];
          years[i] = newerIssue && compareMonthDay(issue.date, newerIssue.date) <= 0 ? newer : newer - 1;
        } else if (older != null) {
          const olderIssue = document.issues[i + 1];
          years[i] = olderIssue && compareMonthDay(issue.date, olderIssue.date) >= 0 ? older : older + 1;
        }
      });
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
      dated.push({ raw: issue, file: document.file, iso: isoDate(year, issue.date.month, issue.date.day) });
    });
  }
  return dated;
}

function compareMonthDay(a: MonthDay, b: MonthDay): number {
  return a.month - b.month || a.day - b.day;
}

function arxivIdsOf(issue: RawIssue): string[] {
  const ids: string[] = [];
  for (const entry of issue.entries) {
    for (const line of entry.body) {
      for (const match of line.text.matchAll(/https?:\/\/[^\s)\]]+/g)) {
        const id = arxivIdFromUrl(match[0]);
        if (id) ids.push(id);
      }
    }
  }
  return ids;
}

interface EntryDraft {
  entry: Omit<Entry, 'id' | 'sameAs' | 'related' | 'topics' | 'position' | 'issueId'>;
  rawOrganizations: string[];
}

function draftEntry(
  raw: RawEntry,
  issue: DatedIssue,
  canon: OrganizationCanon,
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
  for (const warning of [...(headlineInline?.warnings ?? []), ...summaryInline.warnings]) report(raw.line, 'warning', warning);

  const firstLine = raw.body[0];
  const firstText = firstLine ? nodesToText(body[0] ?? []) : '';
  const firstNode = body[0]?.[0];
  // Organisations are named before the first link: "Oct 31, Purdue Uni published a [paper]…".
  const opening = firstNode?.type === 'text' ? firstNode.text : '';
  const leading = parseLeadingDate(firstText);
  let publishedOn = issue.iso;
  if (leading) {
    publishedOn = isoDate(resolveEntryYear(leading.date, issue.iso), leading.date.month, leading.date.day);
  } else {
    report(firstLine?.line ?? raw.line, 'warning', `body of entry ${raw.number} does not start with a date ("Mon D, …"); the issue date is used`);
  }

  const rawOrganizations = leading && opening.length >= leading.length ? splitOrganizations(organizationPhrase(`${opening.slice(leading.length)}[`)) : [];
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
      const kind = classifyLink(node.url, node.text);
      if (!links.some((link) => link.url === node.url)) links.push({ url: node.url, label: node.text, kind });
      if (paper || kind !== 'paper') return;
      const arxivId = arxivIdFromUrl(node.url);
      const title = quotedTitleAfter(paragraph, index);
      if (!title && !arxivId && !/paper/i.test(node.text)) return;
      paper = { title: title ?? '', arxivId, url: arxivId ? arxivAbsUrl(arxivId) : node.url };
    });
  }
  if (links.length === 0) report(raw.line, 'warning', `entry ${raw.number} has no links`);

  const foundPaper = paper as Paper | null;
  const summary = nodesToText(summaryInline.nodes);
  let headline = headlineInline ? nodesToText(headlineInline.nodes) : '';
  if (!headline) headline = foundPaper?.title || summary.split(/\s+/).slice(0, 10).join(' ') || `Entry ${raw.number}`;
  if (foundPaper && !foundPaper.title) foundPaper.title = headline;
  const quoted = /[“"]([^”"]+)[”"]/.exec(firstText)?.[1] ?? headline;

  return {
    entry: {
      number: raw.number,
      headline,
      summary,
      publishedOn,
      organizations,
      kind: entryKind(body[0] ?? [], foundPaper, foundPaper?.title ?? quoted),
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
  const documents = [...sources]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((source) => parseNewsletter(source.text, source.file));
  const diagnostics: Diagnostic[] = documents.flatMap((document) => document.diagnostics);
  const entryLines = documents.reduce((sum, document) => sum + document.entryLineCount, 0);
  const canon = new OrganizationCanon(tables.organizations);
  const topics = new TopicMatcher(tables.topics);

  const datedIssues = dateIssues(documents, diagnostics);
  const issueById = new Map<string, { issue: Issue; file: string; line: number }>();
  const entries: Entry[] = [];
  const unknownOrganizations = new Set<string>();
  const usedIds = new Set<string>();

  for (const dated of datedIssues) {
    const report = (line: number, severity: Diagnostic['severity'], message: string) =>
      diagnostics.push({ file: dated.file, line, severity, message });
    let target = issueById.get(dated.iso);
    if (target) {
      report(dated.raw.line, 'info', `issue ${dated.iso} continues here (first heading at ${target.file}:${target.line}); its entries are merged`);
    } else {
      target = { issue: { id: dated.iso, date: dated.iso, title: formatIssueTitle(dated.iso), entryIds: [] }, file: dated.file, line: dated.raw.line };
      issueById.set(dated.iso, target);
    }
    const seenNumbers = new Set(entries.filter((entry) => entry.issueId === dated.iso).map((entry) => entry.number));
    for (const raw of dated.raw.entries) {
      if (seenNumbers.has(raw.number)) report(raw.line, 'warning', `entry number ${raw.number} is used twice in issue ${dated.iso}`);
      seenNumbers.add(raw.number);
      const draft = draftEntry(raw, dated, canon, report);
      for (const name of draft.rawOrganizations) if (!canon.lookup(name)) unknownOrganizations.add(name);
      const base = `${dated.iso}-${slugify(draft.entry.headline) || `entry-${raw.number}`}`;
      let id = base;
      for (let n = 2; usedIds.has(id); n += 1) id = `${base}-${n}`;
      usedIds.add(id);
      const entry: Entry = {
        ...draft.entry,
        id,
        issueId: dated.iso,
        position: target.issue.entryIds.length + 1,
        topics: topics.match(`${draft.entry.headline} ${draft.entry.paper?.title ?? ''}`, draft.entry.summary),
        sameAs: [],
        related: [],
      };
      target.issue.entryIds.push(id);
      entries.push(entry);
    }
  }

  for (const { issue, file, line } of issueById.values()) {
    if (issue.entryIds.length === 0) diagnostics.push({ file, line, severity: 'warning', message: `issue ${issue.id} has no entries` });
  }
  linkSamePapers(entries, diagnostics);
  const related = relatedEntries(
    entries.map((entry) => ({
      id: entry.id,
      text: [entry.headline, entry.paper?.title ?? '', entry.summary, entry.topics.join(' ')].join(' '),
      exclude: entry.sameAs,
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
  for (const [a, b] of uncurated) {
    diagnostics.push({ file: 'data/organizations.json', line: 1, severity: 'info', message: `possible duplicate organisations: "${a}" and "${b}"` });
  }

  const issues = [...issueById.values()]
    .map((value) => value.issue)
    .filter((issue) => issue.entryIds.length > 0)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const order = new Map(issues.map((issue, index) => [issue.id, index]));
  entries.sort((a, b) => (order.get(a.issueId) ?? 0) - (order.get(b.issueId) ?? 0) || a.position - b.position);

  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  if (!hasErrors && entries.length !== entryLines) {
    diagnostics.push({
      file: sources[0]?.file ?? '(input)',
      line: 1,
      severity: 'error',
      message: `${entryLines} numbered entry lines in, ${entries.length} entries out: an entry would be lost`,
    });
  }
  const stats: BuildStats = {
    issues: issues.length,
    entries: entries.length,
    papers: new Set(entries.flatMap((entry) => (entry.paper ? [entry.paper.arxivId ?? entry.paper.url] : []))).size,
    entryLines,
  };
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { bundle: null, diagnostics, stats };
  const bundle = parseBundle({ schemaVersion: SCHEMA_VERSION, issues, entries, topics: topics.names });
  return { bundle, diagnostics, stats };
}

/** Entries sharing an arXiv id and a paper title are one paper; a shared id with different titles is a source error. */
function linkSamePapers(entries: Entry[], diagnostics: Diagnostic[]): void {
  const byArxiv = new Map<string, Entry[]>();
  for (const entry of entries) {
    const id = entry.paper?.arxivId;
    if (!id) continue;
    byArxiv.set(id, [...(byArxiv.get(id) ?? []), entry]);
  }
  for (const [arxivId, group] of byArxiv) {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const a = group[i];
        const b = group[j];
        if (!a || !b) continue;
        if (sameTitle(a.paper?.title ?? '', b.paper?.title ?? '')) {
          a.sameAs.push(b.id);
          b.sameAs.push(a.id);
        } else {
          diagnostics.push({
            file: b.source.file,
            line: b.source.line,
            severity: 'warning',
            message: `arXiv ${arxivId} is linked by two different papers, not merged: "${a.paper?.title}" (${a.source.file}:${a.source.line}, ${a.id}) and "${b.paper?.title}" (${b.id})`,
          });
        }
      }
    }
  }
}
