import { ExternalLink } from '@/components/ui/external-link';
import { arxivAbsUrl, arxivPdfUrl, isArxivId } from '@/shared/arxiv';
import type { Entry, EntryLink, LinkKind } from '@/shared/bundle';

/** A labelled outbound link of an entry, in display order. */
export interface ResourceLink {
  kind: LinkKind | 'abstract' | 'pdf';
  label: string;
  url: string;
}

/** arXiv abstract and PDF URLs for an id such as `2410.21647`; null for anything that is not an arXiv id. */
export function arxivUrls(arxivId: string): { abstract: string; pdf: string } | null {
  if (!isArxivId(arxivId)) return null;
  return { abstract: arxivAbsUrl(arxivId), pdf: arxivPdfUrl(arxivId) };
}

const KIND_LABEL: Record<LinkKind, string> = {
  paper: 'Paper',
  code: 'Code',
  model: 'Model',
  dataset: 'Dataset',
  project: 'Project',
  article: 'Article',
};

const KIND_ORDER: LinkKind[] = ['paper', 'code', 'model', 'dataset', 'project', 'article'];

/** Strips the protocol, `www.` and a trailing slash, for comparing URLs that differ only in those. */
function comparable(url: string): string {
  return url
    .replace(/^https?:\/\/(www\.)?/i, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

function isArxivLinkTo(url: string, arxivId: string): boolean {
  return /^https?:\/\/(www\.)?arxiv\.org\//i.test(url) && url.includes(arxivId);
}

/**
 * The paper's links (arXiv abstract + PDF, or the paper URL) followed by code, model, dataset, project
 * and article links; duplicates of the paper URL are dropped.
 */
export function resourceLinks(entry: Entry, kinds: readonly LinkKind[] = KIND_ORDER): ResourceLink[] {
  const links: ResourceLink[] = [];
  const seen = new Set<string>();
  const add = (link: ResourceLink) => {
    const key = comparable(link.url);
    if (seen.has(key)) return;
    seen.add(key);
    links.push(link);
  };
  const arxivId = entry.paper?.arxivId ?? null;
  const arxiv = arxivId ? arxivUrls(arxivId) : null;
  if (arxiv) {
    add({ kind: 'abstract', label: 'arXiv abstract', url: arxiv.abstract });
    add({ kind: 'pdf', label: 'PDF', url: arxiv.pdf });
  } else if (entry.paper && kinds.includes('paper')) {
    add({ kind: 'paper', label: 'Paper', url: entry.paper.url });
  }
  const byKind = (kind: LinkKind) => entry.links.filter((link: EntryLink) => link.kind === kind);
  for (const kind of kinds) {
    // The abstract and PDF links above already cover every arXiv link of the paper.
    const ofKind = byKind(kind).filter((link) => !(arxivId && isArxivLinkTo(link.url, arxivId)));
    ofKind.forEach((link, index) => {
      const label = ofKind.length > 1 ? `${KIND_LABEL[kind]} ${index + 1}` : KIND_LABEL[kind];
      add({ kind, label, url: link.url });
    });
  }
  return links;
}

/** The outbound links of an entry as a compact row. */
export function ResourceLinkList({
  links,
  about,
  className = '',
}: {
  links: ResourceLink[];
  /** Said after each link's label to screen readers, e.g. the headline, so "PDF" links are told apart. */
  about?: string;
  className?: string;
}) {
  if (links.length === 0) return null;
  return (
    <ul aria-label="Links" className={`flex flex-wrap gap-x-4 gap-y-1 text-sm ${className}`}>
      {links.map((link) => (
        <li key={link.url}>
          <ExternalLink
            href={link.url}
            icon
            className="font-medium text-indigo-700 underline decoration-indigo-300 underline-offset-4 hover:decoration-indigo-700 dark:text-indigo-300 dark:decoration-indigo-700 dark:hover:decoration-indigo-300"
          >
            {link.label}
            {about && <span className="sr-only">, {about}</span>}
          </ExternalLink>
        </li>
      ))}
    </ul>
  );
}
