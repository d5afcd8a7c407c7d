import { Link } from 'react-router';
import { Button } from '@/components/ui/button';

export interface NoResultsProps {
  /** What was typed, trimmed; empty when only facets are chosen. */
  query: string;
  /** A respelt query, with the link that searches for it. */
  suggestion: { query: string; href: string } | null;
  filterCount: number;
  onClearFilters: () => void;
}

/** Says that nothing matched, and offers what might help: a spelling, clearing the filters, or the search tips. */
export function NoResults({ query, suggestion, filterCount, onClearFilters }: NoResultsProps) {
  return (
    <div className="rounded-xl border border-dashed border-stone-300 p-6 text-stone-800 dark:border-stone-700 dark:text-stone-200">
      <p className="font-medium">{query ? `No results for “${query}”.` : 'No entries match these filters.'}</p>
      {suggestion && (
        <p className="mt-2">
          Did you mean{' '}
          <Link
            to={{ search: suggestion.href }}
            className="font-medium text-indigo-800 underline underline-offset-4 hover:no-underline dark:text-indigo-200"
          >
            {suggestion.query}
          </Link>
          ?
        </p>
      )}
      {filterCount > 0 && (
        <p className="mt-3">
          <Button size="sm" onClick={onClearFilters}>
            Clear filters
          </Button>
        </p>
      )}
      {query && filterCount === 0 && !suggestion && (
        <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">Try fewer words, or check the search tips.</p>
      )}
    </div>
  );
}
