import type { SearchField } from '@/shared/search-options';

/**
 * The search page's class names, shared by its React components and by first-screen.ts, which draws the same page
 * before React has started: one definition, so the two cannot drift apart and the page does not move when React's
 * first render replaces the early one.
 */

export const HEADING = 'text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl dark:text-stone-50';

export const QUERY_ROW = 'mt-4 flex items-start gap-2';

export const QUERY_BOX =
  'h-11 w-full rounded-lg border border-stone-300 bg-white pr-3 pl-10 text-base text-stone-900 shadow-xs placeholder:text-stone-500 focus-visible:border-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-50 dark:placeholder:text-stone-400 dark:focus-visible:border-indigo-400 dark:focus-visible:outline-indigo-400';

export const QUERY_ICON =
  'pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-stone-500 dark:text-stone-400';

export const CONTROLS_ROW = 'mt-4 flex flex-wrap items-center gap-x-4 gap-y-2';

export const COUNT = 'mr-auto text-sm font-medium text-stone-800 dark:text-stone-200';

export const CONTROL_LABEL = 'flex items-center gap-2 text-sm text-stone-800 dark:text-stone-200';

export const SORT_SELECT =
  'rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100';

export const GROUP_CHECKBOX = 'size-4 rounded accent-indigo-700 dark:accent-indigo-300';

export const BODY_GRID = 'mt-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8';

export const FILTERS_HEADING = 'text-sm font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400';

export const RESULT_LIST = 'space-y-3';

export const RESULT =
  'scroll-mt-28 rounded-xl border border-stone-200 bg-white p-4 shadow-xs outline-none focus:ring-2 focus:ring-indigo-600 focus:ring-offset-2 focus:ring-offset-stone-50 sm:p-5 dark:border-stone-800 dark:bg-stone-900 dark:focus:ring-indigo-400 dark:focus:ring-offset-stone-950';

export const RESULT_DATES =
  'mb-1 flex flex-wrap items-center gap-x-2 text-xs font-medium text-stone-600 dark:text-stone-400';

export const RESULT_ISSUE_LINK = 'underline-offset-4 hover:underline';

/** A result's headline, as read or not yet read. */
export function resultHeadline(read: boolean): string {
  return `text-lg leading-snug ${read ? 'font-medium text-stone-600 dark:text-stone-400' : 'font-semibold text-stone-900 dark:text-stone-50'}`;
}

export const RESULT_LINK =
  'rounded-sm underline-offset-4 hover:text-indigo-800 hover:underline dark:hover:text-indigo-200';

/** Where a result's bookmark button goes, its size and border while it is not there yet. */
export const BOOKMARK_SLOT =
  'block size-10 rounded-md border border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900';

export const RESULT_ORGANISATIONS = 'mt-1 text-sm text-stone-700 dark:text-stone-300';

export const RESULT_SNIPPET = 'mt-2 text-sm leading-relaxed text-stone-700 dark:text-stone-300';

export const RESULT_FIELDS = 'mt-3 flex flex-wrap items-center gap-1.5 text-xs text-stone-600 dark:text-stone-400';

export const RESULT_FIELD =
  'rounded-full bg-stone-100 px-2 py-0.5 font-medium text-stone-700 ring-1 ring-stone-200 ring-inset dark:bg-stone-800 dark:text-stone-200 dark:ring-stone-700';

export const MATCH = 'rounded-sm bg-amber-100 px-0.5 text-inherit dark:bg-amber-300/25 dark:text-amber-50';

/** Tailwind's `lg`: from here the facets sit beside the results, below it they open in a sheet. */
export const WIDE_SCREEN = '(min-width: 64rem)';

/** Below Tailwind's `sm` the search box is too narrow for the long placeholder. */
export const NARROW_SCREEN = '(max-width: 39.99rem)';

/** The query box's placeholder, by width. */
export const placeholder = (narrow: boolean) =>
  narrow ? 'Search entries…' : 'Search headlines, papers, organisations…';

/** The fields a result matched in, as the "Matched in" line names them. */
export const FIELD_LABELS: Readonly<Record<SearchField, string>> = {
  headline: 'Headline',
  paperTitle: 'Paper title',
  summary: 'Summary',
  organizations: 'Organisations',
  topics: 'Topics',
  body: 'Body',
};
