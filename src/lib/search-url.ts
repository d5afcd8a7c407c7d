/** Facet filters that other pages can link to; the search page reads the same parameter names. */
export interface SearchLink {
  q?: string;
  org?: string;
  topic?: string;
  issue?: string;
}

/** The URL of the search page with a query or one facet applied, e.g. `/search?org=Google`. */
export function searchUrl(link: SearchLink): string {
  const params = new URLSearchParams();
  if (link.q) params.set('q', link.q);
  if (link.org) params.append('org', link.org);
  if (link.topic) params.append('topic', link.topic);
  if (link.issue) params.append('issue', link.issue);
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
