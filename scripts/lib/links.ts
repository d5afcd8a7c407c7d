/** URL hygiene and classification for links found in newsletter text. Pure functions. */
import type { LinkKind } from '../../src/shared/bundle';

/** Query parameters added by mailers and social sites that identify the reader, not the page. */
const TRACKING_PARAMETER = /^(utm_.*|_bhlid|fbclid|gclid|mc_.*)$/i;

/** Characters that end a sentence rather than a bare URL. */
const TRAILING_PUNCTUATION = new Set([...'.,;:!?\'"“”‘’…']);

/** Result of cleaning a URL: the URL to publish, or why it was refused. */
export type CleanUrlResult = { ok: true; url: string } | { ok: false; reason: string };

/** Keeps http(s) URLs only and strips tracking parameters; everything else about the URL is kept. */
export function cleanUrl(raw: string): CleanUrlResult {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: `not a valid URL: ${trimmed}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `unsupported link scheme "${url.protocol.replace(/:$/, '')}" in ${trimmed}` };
  }
  const kept = [...url.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  if (kept.length !== [...url.searchParams].length) {
    url.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  }
  return { ok: true, url: url.toString() };
}

/**
 * Trims a bare URL: it ends before the first `)` or `]` that closes nothing inside it
 * (`…/Foo_(bar)` stays whole, `(…/a)` loses its `)`), and sentence punctuation is cut from its end.
 * One pass each way, so the time is linear in the length of the candidate.
 */
export function trimBareUrl(candidate: string): string {
  let parens = 0;
  let brackets = 0;
  let end = candidate.length;
  for (let i = 0; i < candidate.length; i += 1) {
    const c = candidate[i];
    if (c === '(') parens += 1;
    else if (c === '[') brackets += 1;
    else if (c === ')' && --parens < 0) end = i;
    else if (c === ']' && --brackets < 0) end = i;
    if (end !== candidate.length) break;
  }
  while (end > 0 && TRAILING_PUNCTUATION.has(candidate[end - 1] ?? '')) end -= 1;
  return candidate.slice(0, end);
}

const ARXIV_URL =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d+)?(?:\.pdf)?(?:[/?#].*)?$/i;

/** Patterns of the arXiv mirrors in `data/sources.json`, compiled once per host. */
const mirrorPatterns = new Map<string, RegExp>();

/** `https://papers.cool/arxiv/2410.08146v2#…` names `2410.08146` when `papers.cool` is a mirror. */
function mirrorPattern(host: string): RegExp {
  let pattern = mirrorPatterns.get(host);
  if (!pattern) {
    const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`^https?://(?:www\\.)?${escaped}/arxiv/(\\d{4}\\.\\d{4,5})(?:v\\d+)?(?:[/?#].*)?$`, 'i');
    mirrorPatterns.set(host, pattern);
  }
  return pattern;
}

/** The arXiv identifier a URL points at, on arXiv or one of `arxivMirrors`, without version suffix, or null. */
export function arxivIdFromUrl(url: string, arxivMirrors: readonly string[]): string | null {
  for (const pattern of [ARXIV_URL, ...arxivMirrors.map(mirrorPattern)]) {
    const match = pattern.exec(url);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** A DOI: `10.`, a registrant code, `/`, and a suffix without white space. */
const DOI = /^10\.\d{4,9}\/\S+$/;

/** The DOI in a path after `prefix` (`/doi/pdf/10.1145/3688007` after `/doi/pdf/`), decoded. */
function doiAfter(path: string, prefix: RegExp): string | null {
  const match = prefix.exec(path);
  if (!match) return null;
  let doi: string;
  try {
    doi = decodeURIComponent(path.slice(match[0].length));
  } catch {
    return null;
  }
  doi = doi.replace(/\/+$/, '');
  return DOI.test(doi) ? doi : null;
}

/**
 * The DOI a link gives, or null: `doi.org/10.…`, a publisher's `/doi/[abs|full|pdf|epdf]/10.…` path (ACM, Science and
 * others), `link.springer.com/article/10.…`, and Nature's `nature.com/articles/<id>`, whose DOI is `10.1038/<id>`.
 */
export function doiFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname;
  if (host === 'doi.org' || host.endsWith('.doi.org')) return doiAfter(path, /^\//);
  if (host === 'nature.com' || host.endsWith('.nature.com')) {
    const article = /^\/articles\/([a-z0-9][a-z0-9.-]*?)(?:\.pdf)?\/?$/i.exec(path);
    return article?.[1] ? `10.1038/${article[1]}` : null;
  }
  if (host === 'link.springer.com') return doiAfter(path, /^\/(?:article|chapter)\//);
  return doiAfter(path, /^\/doi\/(?:(?:abs|full|fullHtml|pdf|epdf|reader)\/)?/);
}

/** True when `host` is one of `hosts` or a subdomain of one. */
function onHost(host: string, hosts: readonly string[]): boolean {
  const lower = host.toLowerCase();
  return hosts.some((candidate) => lower === candidate.toLowerCase() || lower.endsWith(`.${candidate.toLowerCase()}`));
}

const PAPER_HOSTS =
  /(^|\.)(arxiv\.org|openreview\.net|aclanthology\.org|dl\.acm\.org|nature\.com|science\.org|ieeexplore\.ieee\.org|proceedings\.neurips\.cc|biorxiv\.org|medrxiv\.org|ssrn\.com)$/i;
const CODE_HOSTS = /(^|\.)(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)$/i;

/** Classifies a link by its host, path and the words it was written with; links to `arxivMirrors` are papers. */
export function classifyLink(url: string, label: string, arxivMirrors: readonly string[]): LinkKind {
  let host = '';
  let path = '';
  try {
    const parsed = new URL(url);
    host = parsed.hostname;
    path = parsed.pathname;
  } catch {
    return 'article';
  }
  const words = label.toLowerCase();
  if (
    arxivIdFromUrl(url, arxivMirrors) ||
    PAPER_HOSTS.test(host) ||
    onHost(host, arxivMirrors) ||
    /\bpaper\b/.test(words)
  )
    return 'paper';
  if (CODE_HOSTS.test(host) || /\bcode\b/.test(words)) return 'code';
  if (/(^|\.)huggingface\.co$/i.test(host)) {
    if (path.startsWith('/datasets/')) return 'dataset';
    if (path.startsWith('/spaces/')) return 'project';
    return 'model';
  }
  if (/(^|\.)github\.io$/i.test(host) || /\bproject\b/.test(words)) return 'project';
  if (/\bdataset\b/.test(words)) return 'dataset';
  return 'article';
}
