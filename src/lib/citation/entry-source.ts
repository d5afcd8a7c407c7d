import type { CitationSource } from '@/lib/citation/citation-source';
import type { Entry } from '@/shared/bundle';

/** Where and when an entry is cited from, which the entry itself does not say. */
export interface EntryCitationContext {
  /** YYYY-MM-DD of the entry's issue, when known. */
  issueDate: string | null;
  /** Absolute URL of the entry page in Frontier Reader. */
  appUrl: string;
  /** The newsletter's name (`bundle.publication.name`). */
  publication?: string;
  /** YYYY-MM-DD the reader cites it. */
  accessed: string;
}

/** An archive entry as a citation source, for citing straight from the entry page. */
export function entryCitationSource(entry: Entry, context: EntryCitationContext): CitationSource {
  return {
    id: entry.id,
    headline: entry.headline,
    paper: entry.paper
      ? { title: entry.paper.title, url: entry.paper.url, arxivId: entry.paper.arxivId, doi: entry.paper.doi }
      : null,
    url: entry.paper?.url ?? entry.links[0]?.url ?? null,
    outlet: entry.outlet,
    publishedOn: entry.publishedOn,
    issueDate: context.issueDate,
    organizations: entry.organizations,
    disputed: entry.paperConflicts.length > 0,
    appUrl: context.appUrl,
    ...(context.publication === undefined ? {} : { publication: context.publication }),
    accessed: context.accessed,
    note: '',
    tags: [],
  };
}
