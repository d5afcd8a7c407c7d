/**
 * Paper identifiers in queries and entries: arXiv ids, DOIs and links. A pasted identifier is looked up exactly in a
 * map built once per archive, never matched as text, since its digits mean nothing to the full-text index.
 */
import type { Entry } from '@/shared/bundle';

/** What kind of identifier a query names. */
export type IdentifierKind = 'arxiv' | 'doi' | 'url';

/** An identifier written in a query. */
export interface QueryIdentifier {
  kind: IdentifierKind;
  /** Normalised: an arXiv id without version, a DOI or a link as {@link normalizeUrl} writes them, all lower case. */
  value: string;
  /** As typed, so the query can be written back. */
  text: string;
}

/** A new-style id (`2410.21647`, month 01–12) or an old-style one (`hep-th/9901001`, `math.AG/0309136`), with an optional version. */
const ARXIV_ID = String.raw`(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?`;
const BARE_ARXIV = new RegExp(`^(?:arxiv:)?${ARXIV_ID}$`, 'i');
/** arXiv's own pages and the mirrors readers paste from, each followed by the id. */
const ARXIV_URL = new RegExp(
  String.raw`^(?:https?:\/\/)?(?:[\w-]+\.)*(?:arxiv\.org\/(?:abs|pdf|html|format|ps)|huggingface\.co\/papers|papers\.cool\/arxiv|alphaxiv\.org\/(?:abs|overview))\/` +
    ARXIV_ID +
    String.raw`(?:\.pdf)?\/?(?:[?#].*)?$`,
  'i',
);
const DOI = String.raw`(10\.\d{4,9}\/\S+)`;
const BARE_DOI = new RegExp(`^(?:doi:)?${DOI}$`, 'i');
const DOI_URL = new RegExp(String.raw`^(?:https?:\/\/)?(?:dx\.)?doi\.org\/` + DOI + '$', 'i');
/** A DOI inside a publisher's link, such as `dl.acm.org/doi/pdf/10.1145/3688007`. */
const DOI_IN_URL = new RegExp(String.raw`(?:doi\.org\/|\/doi\/(?:abs\/|pdf\/|full\/|epdf\/)?)` + DOI, 'i');
/** arXiv's DOIs name an arXiv id: `10.48550/arXiv.2410.21647`. */
const ARXIV_DOI = new RegExp(`^10\\.48550\\/arxiv\\.${ARXIV_ID}$`, 'i');
const WEB_URL = /^(?:https?:\/\/|www\.)\S+\.\S+$/i;

/** Punctuation that surrounds a pasted identifier in running text but is no part of it. */
const LEADING = /^[<([{'"‘“]+/;
const TRAILING = /[>)\]}'"’”.,;:!?]+$/;

/** Percent-decoded, or as it was when it is not valid percent-encoding. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A DOI as stored: decoded, lower case (DOIs are case-insensitive), without the query or fragment of a link. */
function normalizeDoi(doi: string): string {
  return decode(doi.replace(/[?#].*$/, '')).toLowerCase();
}

/** The arXiv id a DOI names, if it is one of arXiv's. */
function arxivOfDoi(doi: string): string | null {
  return ARXIV_DOI.exec(doi)?.[1]?.toLowerCase() ?? null;
}

/** A DOI as an identifier: arXiv's own DOIs name the arXiv id. */
function doiIdentifier(doi: string): { kind: IdentifierKind; value: string } {
  const value = normalizeDoi(doi);
  const arxivId = arxivOfDoi(value);
  return arxivId ? { kind: 'arxiv', value: arxivId } : { kind: 'doi', value };
}

/** Query parameters that only track a click. */
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref_src)$/i;

/** Scheme, host and the rest of a link; a string match, since `new URL()` is slow for every link of a large archive. */
const URL_PARTS = /^(?:https?:\/\/)?([^/?#\s]+)([^?#\s]*)(?:\?([^#\s]*))?/i;

/**
 * A link compared without what does not change the page: scheme, `www.`, case, a trailing slash, the fragment and
 * tracking parameters. `https://www.Example.com/a/?utm_source=x#top` → `example.com/a`.
 */
export function normalizeUrl(url: string): string | null {
  const parts = URL_PARTS.exec(url);
  if (!parts) return null;
  const host = parts[1]!.replace(/^www\./i, '');
  const path = (parts[2]!.includes('%') ? decode(parts[2]!) : parts[2]!).replace(/\/+$/, '');
  const search = parts[3]
    ? parts[3]
        .split('&')
        .filter((parameter) => parameter !== '' && !TRACKING_PARAMETER.test(parameter.split('=')[0]!))
        .join('&')
    : '';
  return `${host}${path}${search ? `?${search}` : ''}`.toLowerCase();
}

/** The identifier a query token names, or null for an ordinary word. Surrounding punctuation is ignored. */
export function parseIdentifier(token: string): QueryIdentifier | null {
  const text = decode(token.replace(LEADING, '').replace(TRAILING, ''));
  if (text === '') return null;
  const arxiv = BARE_ARXIV.exec(text) ?? ARXIV_URL.exec(text);
  if (arxiv) return { kind: 'arxiv', value: arxiv[1]!.toLowerCase(), text: token };
  const isLink = WEB_URL.test(text);
  const doi = BARE_DOI.exec(text) ?? DOI_URL.exec(text) ?? (isLink ? DOI_IN_URL.exec(text) : null);
  if (doi) return { ...doiIdentifier(doi[1]!), text: token };
  const value = isLink ? normalizeUrl(text) : null;
  return value ? { kind: 'url', value, text: token } : null;
}

/** A word that only announces the identifier after it, as in `arXiv: 2410.21647`. */
export function isIdentifierLabel(token: string): boolean {
  return /^(?:arxiv|doi):?$/i.test(token);
}

/** The identifiers a link names: its arXiv id or DOI, and the link itself. */
function identifiersOfUrl(url: string): { kind: IdentifierKind; value: string }[] {
  const found: { kind: IdentifierKind; value: string }[] = [];
  const arxiv = ARXIV_URL.exec(url);
  if (arxiv) found.push({ kind: 'arxiv', value: arxiv[1]!.toLowerCase() });
  const doi = DOI_IN_URL.exec(url);
  if (doi) found.push(doiIdentifier(doi[1]!));
  const normalized = normalizeUrl(url);
  if (normalized) found.push({ kind: 'url', value: normalized });
  return found;
}

/** How strongly an entry is about what an identifier names: its own paper, or only a link it gives. */
export const PAPER_MATCH = 2;
export const LINK_MATCH = 1;

const key = (kind: IdentifierKind, value: string) => `${kind}:${value}`;

/** Every identifier of the archive, each with the entries it names and how strongly. */
export class IdentifierIndex {
  /** Per identifier, its entries as `entry index × 4 + strength`: one small array, as most name one entry. */
  private readonly entriesOf = new Map<string, number[]>();

  private note(kind: IdentifierKind, value: string, i: number, strength: number): void {
    const k = key(kind, value);
    const entries = this.entriesOf.get(k);
    if (entries) entries.push(i * 4 + strength);
    else this.entriesOf.set(k, [i * 4 + strength]);
  }

  /** Adds entry `i`'s paper (its arXiv id, DOI and link) and every link it gives. */
  add(entry: Entry, i: number): void {
    const { paper } = entry;
    if (paper) {
      if (paper.arxivId) this.note('arxiv', paper.arxivId.toLowerCase(), i, PAPER_MATCH);
      if (paper.doi) {
        const { kind, value } = doiIdentifier(paper.doi);
        this.note(kind, value, i, PAPER_MATCH);
      }
      for (const { kind, value } of identifiersOfUrl(paper.url)) this.note(kind, value, i, PAPER_MATCH);
    }
    for (const link of entry.links) {
      for (const { kind, value } of identifiersOfUrl(link.url)) this.note(kind, value, i, LINK_MATCH);
    }
  }

  /** The entries an identifier names, each with its strongest match, {@link PAPER_MATCH} or {@link LINK_MATCH}. */
  lookup(identifier: Pick<QueryIdentifier, 'kind' | 'value'>): Map<number, number> {
    const found = new Map<number, number>();
    for (const packed of this.entriesOf.get(key(identifier.kind, identifier.value)) ?? []) {
      const i = packed >> 2;
      found.set(i, Math.max(found.get(i) ?? 0, packed & 3));
    }
    return found;
  }
}
