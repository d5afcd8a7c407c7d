import { citationArxivId, citationDoi, type CitationSource } from '@/lib/citation/citation-source';

/** Identifiers for Zotero's Add Item by Identifier, which fetches full records, authors included. */
export interface ZoteroIdentifiers {
  /** `arXiv:2410.21647`, one per paper, in the order given. */
  arxivIds: string[];
  /** DOIs such as `10.1038/s41586-024-08025-4`, one per paper, in the order given. */
  dois: string[];
  /** Items with neither (news, blog posts, papers with no known identifier). */
  withoutIdentifier: number;
  /** Papers left out because the newsletter gives their arXiv id to another paper too. */
  disputed: number;
}

/**
 * Each item's DOI when one is known (the version of record), else its arXiv id. The two kinds are kept apart because
 * Zotero reads one kind per paste: given any DOI, it looks up only the DOIs.
 */
export function zoteroIdentifiers(sources: readonly CitationSource[]): ZoteroIdentifiers {
  const arxivIds = new Set<string>();
  const dois = new Set<string>();
  let withoutIdentifier = 0;
  let disputed = 0;
  for (const source of sources) {
    if (source.disputed) {
      disputed += 1;
      continue;
    }
    const doi = citationDoi(source);
    const arxivId = citationArxivId(source);
    if (doi) dois.add(doi);
    else if (arxivId) arxivIds.add(`arXiv:${arxivId}`);
    else withoutIdentifier += 1;
  }
  return { arxivIds: [...arxivIds], dois: [...dois], withoutIdentifier, disputed };
}

/** One identifier per line, as Zotero's Add Item by Identifier box takes several at once. */
export function identifierLines(identifiers: readonly string[]): string {
  return identifiers.length > 0 ? `${identifiers.join('\n')}\n` : '';
}
