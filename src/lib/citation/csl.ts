import {
  arxivDoi,
  citationArxivId,
  citationDoi,
  citationIssue,
  citationKind,
  citationPublisher,
  citationTitle,
  citationUrl,
  disputeNote,
  organisationsNote,
  type CitationKind,
  type CitationSource,
} from '@/lib/citation/citation-source';

type DateParts = { 'date-parts': [[number, number, number]] };

/** The subset of a CSL-JSON item this app writes. */
export interface CslItem {
  id: string;
  type: 'article' | 'article-journal' | 'report' | 'webpage';
  title: string;
  URL: string;
  'container-title'?: string;
  issued?: DateParts;
  accessed: DateParts;
  DOI?: string;
  number?: string;
  publisher?: string;
  genre?: string;
  note?: string;
  keyword?: string;
}

function dateParts(day: string): DateParts {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return { 'date-parts': [[year, month, date]] };
}

/** CSL's type for each kind: `article` is CSL's preprint or unpublished paper. */
const CSL_TYPES: Record<CitationKind, CslItem['type']> = {
  preprint: 'article',
  article: 'article-journal',
  report: 'report',
  paper: 'article',
  webpage: 'webpage',
};

/**
 * One CSL-JSON item: an arXiv or other preprint (`article`, genre Preprint), a journal article with its journal, an
 * organisation's report, another paper, or a `webpage`. A known DOI is given; a disputed paper gives none and says why.
 */
export function toCslItem(source: CitationSource): CslItem {
  const kind = citationKind(source);
  const arxivId = citationArxivId(source);
  const doi = citationDoi(source) ?? (arxivId ? arxivDoi(arxivId) : null);
  const publisher = citationPublisher(source);
  const notes = [
    disputeNote(source),
    organisationsNote(source),
    citationIssue(source),
    source.note.trim() || null,
  ].filter((line): line is string => line !== null);
  const item: CslItem = {
    id: source.id,
    type: CSL_TYPES[kind],
    title: citationTitle(source),
    URL: citationUrl(source),
    accessed: dateParts(source.accessed),
  };
  if ((kind === 'article' || kind === 'webpage') && publisher) item['container-title'] = publisher;
  if (source.publishedOn) item.issued = dateParts(source.publishedOn);
  if (doi) item.DOI = doi;
  if (arxivId) item.number = `arXiv:${arxivId}`;
  if (kind === 'preprint' || kind === 'report' || kind === 'paper') {
    const name = arxivId ? 'arXiv' : publisher;
    if (name) item.publisher = name;
  }
  if (kind === 'preprint') item.genre = 'Preprint';
  if (notes.length > 0) item.note = notes.join('\n');
  if (source.tags.length > 0) item.keyword = source.tags.join(', ');
  return item;
}

/** A CSL-JSON array, as Zotero, Pandoc and citeproc read it. */
export function toCslJson(sources: readonly CitationSource[]): string {
  return `${JSON.stringify(sources.map(toCslItem), null, 2)}\n`;
}
