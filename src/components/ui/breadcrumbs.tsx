import { Link } from 'react-router';

/** One step of the trail; the last one is the current page and has no link. */
export interface Crumb {
  label: string;
  to?: string;
}

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-6 text-sm text-stone-600 dark:text-stone-400 print:hidden">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={`${crumb.label}-${index}`} className="flex min-w-0 items-center gap-1.5">
              {crumb.to && !last ? (
                <Link
                  to={crumb.to}
                  className="underline-offset-4 hover:text-stone-900 hover:underline dark:hover:text-white"
                >
                  {crumb.label}
                </Link>
              ) : (
                <span
                  aria-current={last ? 'page' : undefined}
                  className="truncate font-medium text-stone-800 dark:text-stone-200"
                >
                  {crumb.label}
                </span>
              )}
              {!last && (
                <span aria-hidden="true" className="text-stone-400 dark:text-stone-500">
                  /
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
