import { arxivAbsUrl } from '@/shared/arxiv';

/** The paper a reference cites, as the archive (or a bookmark's snapshot) names it. */
export interface CitedPaper {
  title: string;
  url: string;
  /** Without version suffix, such as `2410.21647`; null when not on arXiv. */
  arxivId: string | null;
  /** Such as `10.1038/s41586-024-08025-4`; null when none is known. */
  doi: string | null;
}

/**
 * What a reference is made from: one entry, from the archive (the Cite menu) or from a bookmark (the exports).
 * Every export format reads this one shape, so the entry page and the bookmarks page cite alike.
 */
export interface CitationSource {
  /** The entry id: the BibTeX key and the CSL id. */
  id: string;
  /** Null when unknown (a bookmark saved before snapshots existed). */
  headline: string | null;
  paper: CitedPaper | null;
  /** The best link to the item itself: the paper, else the entry's first link. */
  url: string | null;
  /** Who published the paper (else the main link), such as `Nature`, `arXiv` or a bare host; null when unknown. */
  outlet: string | null;
  /** YYYY-MM-DD of the item; null when unknown. */
  publishedOn: string | null;
  /** YYYY-MM-DD of the newsletter issue; null when unknown. */
  issueDate: string | null;
  organizations: readonly string[];
  /** True when the newsletter links the paper's arXiv id to another paper too: no identifier is exported. */
  disputed: boolean;
  /** Absolute URL of the entry page in Frontier Reader. */
  appUrl: string;
  /** The newsletter's name, such as `Neural Frontier`; absent while the archive is not loaded. */
  publication?: string;
  /** YYYY-MM-DD the reader saved or cited it. */
  accessed: string;
  /** The reader's own note and tags; empty outside bookmarks. */
  note: string;
  tags: readonly string[];
}

/** How a reference is typed in every format. */
export type CitationKind =
  /** A preprint: on arXiv, or on another preprint server (`outlet`). */
  | 'preprint'
  /** A journal article; the journal is the outlet. */
  | 'article'
  /** A paper an organisation published itself (OpenAI, Meta AI, …): a report, the organisation its institution. */
  | 'report'
  /** Any other paper: a PDF on a site we cannot tell more about. */
  | 'paper'
  /** No paper: news, a blog post, a release. */
  | 'webpage';

/*
 * Outlets by what they publish, keyed by the names data/sources.json gives them. The bundle names each entry's outlet
 * but not what kind of publisher it is, so the citation type is decided here; an outlet not listed is a plain paper.
 */
const PREPRINT_SERVERS: ReadonlySet<string> = new Set(['arXiv', 'bioRxiv', 'medRxiv', 'SSRN']);
const JOURNALS: ReadonlySet<string> = new Set(['Nature', 'Science']);
const SELF_PUBLISHERS: ReadonlySet<string> = new Set([
  'OpenAI',
  'Anthropic',
  'Google DeepMind',
  'Google Research',
  'Google',
  'Meta AI',
  'Microsoft',
  'NVIDIA',
  'Apple',
]);

/** True for an absolute http(s) URL, the only kind a reference links to. */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The title a reference manager should show: the paper's title when known, else the headline, else the entry id. */
export function citationTitle(source: CitationSource): string {
  return source.paper?.title.trim() || source.headline || source.id;
}

/** The arXiv id to cite, or null: none, or one the newsletter also gives to another paper. */
export function citationArxivId(source: CitationSource): string | null {
  return source.disputed ? null : (source.paper?.arxivId ?? null);
}

/** The paper's own DOI to cite, or null: none known, or the paper's identity is disputed. */
export function citationDoi(source: CitationSource): string | null {
  return source.disputed ? null : (source.paper?.doi ?? null);
}

/** arXiv's DataCite DOI of a paper: `10.48550/arXiv.2410.21647`. */
export function arxivDoi(arxivId: string): string {
  return `10.48550/arXiv.${arxivId}`;
}

/**
 * The canonical abstract page for arXiv papers, else the item's own http(s) link, else the entry in this app. A disputed
 * paper links the entry here, which explains the dispute, rather than a page that may be another paper's.
 */
export function citationUrl(source: CitationSource): string {
  const arxivId = citationArxivId(source);
  if (arxivId) return arxivAbsUrl(arxivId);
  if (source.disputed) return source.appUrl;
  const own = [source.paper?.url, source.url].find((url) => url !== undefined && url !== null && isHttpUrl(url));
  return own ?? source.appUrl;
}

/** The publisher to name in a reference: the outlet, unless it is only a host name such as `dl.acm.org`. */
export function citationPublisher(source: CitationSource): string | null {
  const outlet = source.outlet?.trim();
  return outlet && !/^[\w-]+(\.[\w-]+)+$/.test(outlet) ? outlet : null;
}

/** What the cited item is, which decides `@misc`/`@article`/… and the CSL type. */
export function citationKind(source: CitationSource): CitationKind {
  if (!source.paper) return 'webpage';
  const outlet = citationPublisher(source);
  if (source.paper.arxivId || (outlet && PREPRINT_SERVERS.has(outlet))) return 'preprint';
  if (outlet && JOURNALS.has(outlet)) return 'article';
  if (outlet && SELF_PUBLISHERS.has(outlet)) return 'report';
  return 'paper';
}

/** "Neural Frontier newsletter, issue of 2024-11-02" ("Newsletter, issue of …" without the name), or null when the issue is unknown. */
export function citationIssue(source: CitationSource): string | null {
  if (!source.issueDate) return null;
  return `${source.publication ? `${source.publication} newsletter` : 'Newsletter'}, issue of ${source.issueDate}`;
}

/** Why a disputed paper's reference has no identifier; null for every other paper. */
export function disputeNote(source: CitationSource): string | null {
  if (!source.disputed) return null;
  const id = source.paper?.arxivId;
  return `The newsletter links ${id ? `arXiv:${id}` : 'this arXiv id'} to two different papers, so no arXiv id or DOI is given; check which paper this is before citing it.`;
}

/** "Organisations: Google, MIT", or null when there are none. */
export function organisationsNote(source: CitationSource): string | null {
  return source.organizations.length > 0 ? `Organisations: ${source.organizations.join(', ')}` : null;
}
