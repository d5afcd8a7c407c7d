import { arxivUrls, resourceLinks, ResourceLinkList } from '@/components/entry/paper-links';
import type { Entry } from '@/shared/bundle';

/** The paper an entry is about (title, arXiv id) and every resource link: abstract, PDF, code, model, dataset, project. */
export function PaperBlock({ entry }: { entry: Entry }) {
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
      <ResourceLinkList links={links} className="mt-4" />
    </section>
  );
}
