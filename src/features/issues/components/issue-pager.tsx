import { Link } from 'react-router';
import { issuePath } from '@/components/entry/paths';
import { formatDate } from '@/components/ui/formatted-date';
import type { Issue } from '@/shared/bundle';

export interface IssuePagerProps {
  /** The issue before this one in time (older); issues are listed newest first. */
  previous: Issue | undefined;
  /** The issue after this one in time (newer). */
  next: Issue | undefined;
  label: string;
  /** 'end' groups the links at the right (page header); 'between' puts them at either edge (page end). */
  align?: 'end' | 'between';
}

const linkClass =
  'group flex min-w-0 flex-1 flex-col rounded-lg sm:w-48 sm:flex-none border border-stone-200 bg-white px-4 py-3 hover:border-indigo-300 hover:bg-indigo-50/40 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-indigo-700 dark:hover:bg-indigo-950/40';

/** Links to the previous (older) and next (newer) issue. */
export function IssuePager({ previous, next, label, align = 'between' }: IssuePagerProps) {
  if (!previous && !next) return null;
  return (
    <nav
      aria-label={label}
      className={`flex gap-3 print:hidden ${align === 'end' ? 'lg:justify-end' : 'justify-between'}`}
    >
      {previous ? (
        <Link to={issuePath(previous.id)} rel="prev" className={linkClass}>
          <span className="text-xs font-medium text-stone-600 dark:text-stone-400">← Previous issue</span>
          <span className="font-semibold text-stone-900 group-hover:text-indigo-800 dark:text-stone-100 dark:group-hover:text-indigo-200">
            {formatDate(previous.date)}
          </span>
        </Link>
      ) : (
        align === 'between' && <span aria-hidden="true" className="hidden sm:block" />
      )}
      {next && (
        <Link to={issuePath(next.id)} rel="next" className={`${linkClass} items-end text-right`}>
          <span className="text-xs font-medium text-stone-600 dark:text-stone-400">Next issue →</span>
          <span className="font-semibold text-stone-900 group-hover:text-indigo-800 dark:text-stone-100 dark:group-hover:text-indigo-200">
            {formatDate(next.date)}
          </span>
        </Link>
      )}
    </nav>
  );
}
