/** Who published what an entry links to, named from the curated table in `data/sources.json`. Pure functions. */
import type { Entry } from '../../src/shared/bundle';

/** The table in `data/sources.json`. */
export interface SourceTable {
  /** Host, or a domain it belongs to, → the name readers know it by: `arxiv.org` → `arXiv`. */
  publishers: Readonly<Record<string, string>>;
  /** Hosts that serve arXiv papers at `/arxiv/<id>`, such as `papers.cool`. */
  arxivMirrors: readonly string[];
}

/**
 * Where an entry's paper (else its first paper or article link, else its first link) is published: the publisher's
 * name for its host or the nearest domain above it (`cdn.openai.com` → `OpenAI`), else the bare host; null without a link.
 */
export function outletOf(entry: Pick<Entry, 'paper' | 'links'>, publishers: SourceTable['publishers']): string | null {
  const url =
    entry.paper?.url ??
    entry.links.find((link) => link.kind === 'paper' || link.kind === 'article')?.url ??
    entry.links[0]?.url;
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i += 1) {
    const domain = labels.slice(i).join('.');
    // Own keys only: a host such as `x.constructor` must not find Object.prototype's members.
    if (Object.hasOwn(publishers, domain)) return publishers[domain] ?? host;
  }
  return host || null;
}
