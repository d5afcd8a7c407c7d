import { Link } from 'react-router';
import { OrganisationIcon } from '@/components/ui/icons';
import { searchUrl } from '@/lib/search-url';

/** Topic chips, each a link to search filtered by that topic (and issue, when given). */
export function TopicChips({
  topics,
  issueId,
  className = '',
}: {
  topics: readonly string[];
  /** Limit the linked search to this issue. */
  issueId?: string;
  className?: string;
}) {
  if (topics.length === 0) return null;
  return (
    <ul aria-label="Topics" className={`flex flex-wrap gap-1.5 ${className}`}>
      {topics.map((topic) => (
        <li key={topic}>
          <Link
            to={searchUrl({ topic, issue: issueId })}
            className="inline-block rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-indigo-200 ring-inset hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800 dark:hover:bg-indigo-900"
          >
            <span className="sr-only">Topic:</span> {topic}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Organisation names, each a link to search filtered by that organisation. */
export function OrganizationLinks({
  organizations,
  className = '',
}: {
  organizations: readonly string[];
  className?: string;
}) {
  if (organizations.length === 0) return null;
  return (
    <ul aria-label="Organisations" className={`flex flex-wrap gap-1.5 ${className}`}>
      {organizations.map((organization) => (
        <li key={organization}>
          <Link
            to={searchUrl({ org: organization })}
            className="inline-flex items-center gap-1 rounded-md border border-stone-300 bg-white px-2 py-0.5 text-xs font-medium text-stone-700 hover:border-stone-400 hover:text-stone-950 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300 dark:hover:border-stone-500 dark:hover:text-white"
          >
            <OrganisationIcon className="size-3 text-stone-500 dark:text-stone-400" />
            <span className="sr-only">Organisation:</span> {organization}
          </Link>
        </li>
      ))}
    </ul>
  );
}
