import { Link } from 'react-router';
import { Page } from '@/components/layout/page';
import { buttonClasses } from '@/components/ui/button';
import { searchUrl } from '@/lib/search-url';

/** Search words from the last segment of a path: `/entries/2024-11-02-foo-bar-moe` → `foo bar moe`. */
export function searchWordsFromPath(pathname: string): string {
  const segment = pathname.split('/').filter(Boolean).at(-1) ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    decoded = segment;
  }
  return decoded
    .replace(/^\d{4}-\d{2}-\d{2}(?=-|$)/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')
    .slice(0, 100);
}

export interface NotFoundViewProps {
  /** What was not found, e.g. "Entry" or "Issue"; "Page" by default. */
  thing?: string;
  pathname: string;
}

/** The not-found page: what was missing, a way back, and a search for the missing id's words. */
export function NotFoundView({ thing = 'Page', pathname }: NotFoundViewProps) {
  const words = searchWordsFromPath(pathname);
  return (
    <Page title={`${thing} not found`}>
      <div className="mx-auto max-w-2xl py-8 sm:py-16">
        <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">404</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl dark:text-stone-50">
          {thing} not found
        </h1>
        <p className="mt-4 leading-relaxed text-stone-700 dark:text-stone-300">
          Nothing in the archive lives at{' '}
          <code className="rounded bg-stone-100 px-1.5 py-0.5 text-sm break-all dark:bg-stone-800">{pathname}</code>.
          The link may be mistyped, or the {thing.toLowerCase()} may have moved.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          {words && (
            <Link to={searchUrl({ q: words })} className={buttonClasses({ variant: 'primary' })}>
              Search for “{words}”
            </Link>
          )}
          <Link to="/" className={buttonClasses({ variant: words ? 'secondary' : 'primary' })}>
            Back to the latest issue
          </Link>
        </div>
      </div>
    </Page>
  );
}
