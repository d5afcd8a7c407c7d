import { Link } from 'react-router';
import { arxivUrls, resourceLinks, ResourceLinkList } from '@/components/entry/paper-links';
import { entryPath } from '@/components/entry/paths';
import { formatDate } from '@/components/ui/formatted-date';
import type { Entry } from '@/shared/bundle';

/** Another entry the newsletter gives the same arXiv id: its headline once its issue is loaded. */
export interface ConflictingEntry {
  id: string;
  issueId: string;
  headline: string | null;
}

export interface PaperBlockProps {
  entry: Entry;
  /** Entries the newsletter gives this entry's arXiv id under another paper title. */
  conflicts?: readonly ConflictingEntry[];
}

/**
 * The paper an entry is about (title, arXiv id) and every resource link: abstract, PDF, code, model, dataset, project.
 * When the newsletter gives the same arXiv id to another paper, says so and links the other entries.
 */
export function PaperBlock({ entry, conflicts = [] }: PaperBlockProps) {
  const links = resourceLinks(entry);
  if (!entry.paper && links.length === 0) return null;
  const arxivId = entry.paper?.arxivId && arxivUrls(entry.paper.arxivId) ? entry.paper.arxivId : null;
  const heading = entry.paper ? 'Paper' : 'Links';
  return (
    <section
      aria-labelledby="paper-heading"
      className="rounded-xl border border-stone-200 bg-stone-100/60 p-5 sm:p-6 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2
        id="paper-heading"
        className="text-sm font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400"
      >
        {heading}
      </h2>
      {entry.paper && (
        <p className="mt-2 text-lg leading-snug font-semibold text-balance text-stone-900 dark:text-stone-50">
          <cite className="not-italic">{entry.paper.title}</cite>
        </p>
      )}
      {arxivId && (
        <p className="mt-1 font-mono text-sm text-stone-700 dark:text-stone-300">
          <span className="sr-only">arXiv identifier:</span> arXiv:{arxivId}
        </p>
      )}
      {entry.paper?.doi && (
        <p className="mt-1 font-mono text-sm text-stone-700 dark:text-stone-300">
          <span className="sr-only">DOI:</span> doi:{entry.paper.doi}
        </p>
      )}
      {conflicts.length > 0 && (
        <div
          role="note"
          className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 [--focus-ring-color:var(--color-amber-700)] dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-50 dark:[--focus-ring-color:var(--color-amber-300)]"
        >
          <p className="font-semibold">The newsletter links this arXiv id to two different papers.</p>
          <p className="mt-1">It gives {arxivId ? `arXiv:${arxivId}` : 'the same id'} to this entry and to:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {conflicts.map((other) => (
              <li key={other.id}>
                <Link to={entryPath(other.id)} className="font-medium underline underline-offset-4">
                  {other.headline ?? 'Another entry'}
                </Link>{' '}
                (issue of {formatDate(other.issueId)})
              </li>
            ))}
          </ul>
          <p className="mt-1">Check which paper this is before citing it; citations from this page leave the id out.</p>
        </div>
      )}
      <ResourceLinkList links={links} className="mt-4" />
    </section>
  );
}
