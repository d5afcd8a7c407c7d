import { Link } from 'react-router';
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
export function OrganizationLinks({ organizations, className = '' }: { organizations: readonly string[]; className?: string }) {
  if (organizations.length === 0) return null;
  return (
    <ul aria-label="Organisations" className={`flex flex-wrap gap-1.5 ${className}`}>
      {organizations.map((organization) => (
        <li key={organization}>
          <Link
            to={searchUrl({ org: organization })}
            className="inline-flex items-center gap-1 rounded-md border border-stone-300 bg-white px-2 py-0.5 text-xs font-medium text-stone-700 hover:border-stone-400 hover:text-stone-950 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300 dark:hover:border-stone-500 dark:hover:text-white"
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3 text-stone-500 dark:text-stone-400" fill="none" stroke="currentColor" strokeWidth="1.5">
              <path d="M2.5 14V3.5l5-2 5 2V14M1 14h14M5.5 6h1M9.5 6h1M5.5 9h1M9.5 9h1M7 14v-2.5h2V14" />
            </svg>
            <span className="sr-only">Organisation:</span> {organization}
          </Link>
        </li>
      ))}
    </ul>
  );
}
