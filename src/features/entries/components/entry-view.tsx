import type { ReactNode } from 'react';
import { Link, useHref } from 'react-router';
import { entryPath, issuePath } from '@/components/entry/paths';
import { Page } from '@/components/layout/page';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { OrganizationLinks, TopicChips } from '@/components/ui/chips';
import { FormattedDate, formatDate } from '@/components/ui/formatted-date';
import { CiteMenu } from '@/features/entries/components/cite-menu';
import { CopyLinkButton } from '@/features/entries/components/copy-link-button';
import { EntryBody } from '@/features/entries/components/entry-body';
import { PaperBlock } from '@/features/entries/components/paper-block';
import type { Archive } from '@/lib/archive-query';
import { entryCitationSource } from '@/lib/citation/entry-source';
import type { Entry } from '@/shared/bundle';
import { ENTRY_KIND_LABELS } from '@/shared/labels';

export interface EntryViewProps {
  archive: Archive;
  entry: Entry;
  /** Controls beside the copy-link button, e.g. a bookmark toggle. */
  actions?: ReactNode;
}

/** An entry page: the full text, its paper, other coverage of the same paper, related entries and neighbours in the issue. */
export function EntryView({ archive, entry, actions }: EntryViewProps) {
  const href = useHref(entryPath(entry.id));
  const shareUrl = new URL(href, window.location.origin).href;
  const issue = archive.issueById.get(entry.issueId);
  const siblings = archive.entriesByIssue.get(entry.issueId) ?? [];
  const index = siblings.findIndex((candidate) => candidate.id === entry.id);
  const previous = index > 0 ? siblings[index - 1] : undefined;
  const next = index >= 0 ? siblings[index + 1] : undefined;
  const lookup = (ids: string[]) =>
    ids.map((id) => archive.entryById.get(id)).filter((found): found is Entry => !!found && found.id !== entry.id);
  const sameAs =
    entry.paperGroup === null
      ? []
      : (archive.entriesByPaper.get(entry.paperGroup) ?? []).filter((other) => other.id !== entry.id);
  const related = lookup(entry.related).slice(0, 5);
  // Listed from the entry's own data: another issue's entry may not be loaded yet, and the notice must not wait for it.
  const conflicts = entry.paperConflicts.map((id) => {
    const other = archive.entryById.get(id);
    return { id, issueId: other?.issueId ?? id.slice(0, 10), headline: other?.headline ?? null };
  });
  const issueLabel = formatDate(entry.issueId);
  const citation = entry.paper
    ? entryCitationSource(entry, {
        issueDate: issue?.date ?? null,
        appUrl: shareUrl,
        publication: archive.bundle.publication.name,
        accessed: new Date().toISOString().slice(0, 10),
      })
    : null;

  return (
    <Page title={entry.headline} width="prose">
      <Breadcrumbs
        crumbs={[
          { label: 'Issues', to: '/' },
          { label: issueLabel, to: issuePath(entry.issueId) },
          { label: entry.headline },
        ]}
      />
      <article data-entry-id={entry.id} tabIndex={-1} aria-labelledby="entry-headline" className="outline-none">
        <header>
          <p className="flex flex-wrap items-center gap-x-2 text-sm font-medium text-stone-600 dark:text-stone-400">
            <span className="font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">
              {ENTRY_KIND_LABELS[entry.kind]}
            </span>
            <span aria-hidden="true">·</span>
            <span>
              Published <FormattedDate date={entry.publishedOn} />
            </span>
            <span aria-hidden="true">·</span>
            <span>
              No. {entry.position} in{' '}
              <Link
                to={issuePath(entry.issueId)}
                className="underline underline-offset-4 hover:text-stone-900 dark:hover:text-white"
              >
                the issue of {issue ? formatDate(issue.date) : issueLabel}
              </Link>
            </span>
          </p>
          <h1
            id="entry-headline"
            className="mt-3 text-3xl leading-tight font-semibold tracking-tight text-stone-900 sm:text-4xl dark:text-stone-50"
          >
            {entry.headline}
          </h1>
          {entry.summary && (
            <p className="mt-4 text-lg leading-relaxed text-stone-700 dark:text-stone-300">{entry.summary}</p>
          )}
          <div className="mt-5 flex flex-col gap-2.5">
            <OrganizationLinks organizations={entry.organizations} />
            <TopicChips topics={entry.topics} />
          </div>
          <div className="mt-6 flex flex-wrap items-start gap-3 border-y border-stone-200 py-3 dark:border-stone-800 print:hidden">
            {actions}
            {citation && <CiteMenu source={citation} />}
            <CopyLinkButton url={shareUrl} />
          </div>
        </header>

        {entry.body.length > 0 && (
          <div className="mt-8">
            <EntryBody body={entry.body} />
          </div>
        )}

        <div className="mt-10">
          <PaperBlock entry={entry} conflicts={conflicts} />
        </div>
      </article>

      {sameAs.length > 0 && (
        <section aria-labelledby="same-as-heading" className="mt-10">
          <h2 id="same-as-heading" className="text-xl font-semibold text-stone-900 dark:text-stone-50">
            Also covered in
          </h2>
          <ul className="mt-3 space-y-2">
            {sameAs.map((other) => (
              <li key={other.id}>
                <Link
                  to={entryPath(other.id)}
                  className="font-medium text-indigo-700 underline underline-offset-4 dark:text-indigo-300"
                >
                  {other.headline}
                </Link>{' '}
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  — issue of {formatDate(other.issueId)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {related.length > 0 && (
        <section aria-labelledby="related-heading" className="mt-10 print:hidden">
          <h2 id="related-heading" className="text-xl font-semibold text-stone-900 dark:text-stone-50">
            Related entries
          </h2>
          <ul className="mt-3 divide-y divide-stone-200 border-y border-stone-200 dark:divide-stone-800 dark:border-stone-800">
            {related.map((other) => (
              <li key={other.id}>
                <Link to={entryPath(other.id)} className="group block py-3">
                  <span className="block font-medium text-stone-900 group-hover:text-indigo-800 group-hover:underline group-hover:underline-offset-4 dark:text-stone-100 dark:group-hover:text-indigo-200">
                    {other.headline}
                  </span>
                  <span className="mt-0.5 block text-sm text-stone-600 dark:text-stone-400">
                    Issue of {formatDate(other.issueId)}
                    {other.organizations.length > 0 && ` · ${other.organizations.join(', ')}`}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(previous || next) && (
        <nav aria-label="Entries in this issue" className="mt-12 grid gap-3 sm:grid-cols-2 print:hidden">
          {previous ? <EntryPagerLink entry={previous} direction="previous" /> : <span className="hidden sm:block" />}
          {next && <EntryPagerLink entry={next} direction="next" />}
        </nav>
      )}
    </Page>
  );
}

function EntryPagerLink({ entry, direction }: { entry: Entry; direction: 'previous' | 'next' }) {
  return (
    <Link
      to={entryPath(entry.id)}
      rel={direction === 'previous' ? 'prev' : 'next'}
      className={`group flex flex-col rounded-lg border border-stone-200 bg-white px-4 py-3 hover:border-indigo-300 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-indigo-700 ${direction === 'next' ? 'sm:items-end sm:text-right' : ''}`}
    >
      <span className="text-xs font-medium text-stone-600 dark:text-stone-400">
        {direction === 'previous' ? '← Previous entry' : 'Next entry →'}
      </span>
      <span className="mt-0.5 font-medium text-stone-900 group-hover:text-indigo-800 dark:text-stone-100 dark:group-hover:text-indigo-200">
        {entry.headline}
      </span>
    </Link>
  );
}
