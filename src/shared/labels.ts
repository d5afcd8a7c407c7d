/** Names readers see for values the bundle stores as codes, defined once for the build and the app. */
import type { EntryKind } from './bundle';

/** Month names, January first: `MONTH_NAMES[month - 1]`. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** How each kind of entry is labelled. */
export const ENTRY_KIND_LABELS: Readonly<Record<EntryKind, string>> = {
  paper: 'Paper',
  news: 'News',
  blog: 'Blog post',
  report: 'Report',
  release: 'Release',
};
