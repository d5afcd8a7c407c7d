/** arXiv identifiers and the URLs built from them, defined once for the build and the app. */

/** A new-style (`2410.21647`) or old-style (`cs/0112017`, `math.AG/0309136`) identifier without version suffix. */
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

/** True for a well-formed arXiv identifier without version suffix. */
export function isArxivId(text: string): boolean {
  return ARXIV_ID.test(text);
}

/** The id as a URL path: percent-encoded, except the `/` of old-style ids, so a stored id cannot change the URL's shape. */
function idPath(arxivId: string): string {
  return encodeURIComponent(arxivId).replace(/%2F/g, '/');
}

/** The canonical abstract page of an arXiv paper: `https://arxiv.org/abs/2410.21647`. */
export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${idPath(arxivId)}`;
}

/** The PDF of an arXiv paper: `https://arxiv.org/pdf/2410.21647`. */
export function arxivPdfUrl(arxivId: string): string {
  return `https://arxiv.org/pdf/${idPath(arxivId)}`;
}
