import { memo, useId, useState } from 'react';
import type { FacetCounts, FacetKey, FacetValueCount } from '@/features/search/lib/facets';

/** Facet names as the reader sees them. */
export const FACET_LABELS: Readonly<Record<FacetKey, string>> = {
  issue: 'Issue',
  month: 'Month',
  org: 'Organisation',
  topic: 'Topic',
  kind: 'Kind',
  source: 'Source',
  code: 'Has code',
  bookmarked: 'Bookmarked',
  read: 'Read state',
};

const PLURALS: Readonly<Record<FacetKey, string>> = {
  issue: 'issues',
  month: 'months',
  org: 'organisations',
  topic: 'topics',
  kind: 'kinds',
  source: 'sources',
  code: 'values',
  bookmarked: 'values',
  read: 'values',
};

/** Values listed before a long list is expanded; longer lists start collapsed, with "Show all (n)". */
const TOP_VALUES = 8;

export interface FacetPanelProps {
  facets: readonly FacetCounts[];
  onToggle: (key: FacetKey, value: string) => void;
  onClear: (key: FacetKey) => void;
}

const checkboxClass =
  'size-4 shrink-0 rounded border-stone-400 accent-indigo-700 disabled:opacity-50 dark:accent-indigo-300';
const linkButtonClass =
  'rounded text-sm font-medium text-indigo-800 underline-offset-4 hover:underline dark:text-indigo-200';

interface ValueOptionProps {
  facetKey: FacetKey;
  value: FacetValueCount;
  onToggle: FacetPanelProps['onToggle'];
}

/** Every answer brings fresh facet objects; a value renders again only when what it shows changed. */
function sameValue(previous: ValueOptionProps, next: ValueOptionProps): boolean {
  return (
    previous.facetKey === next.facetKey &&
    previous.onToggle === next.onToggle &&
    previous.value.value === next.value.value &&
    previous.value.label === next.value.label &&
    previous.value.count === next.value.count &&
    previous.value.selected === next.value.selected
  );
}

const ValueOption = memo(function ValueOption({ facetKey, value, onToggle }: ValueOptionProps) {
  const disabled = value.count === 0 && !value.selected;
  return (
    <li>
      <label
        className={`flex items-center gap-2 rounded-md px-1.5 py-1 text-sm ${disabled ? 'text-stone-500 dark:text-stone-500' : 'cursor-pointer text-stone-800 hover:bg-stone-100 dark:text-stone-200 dark:hover:bg-stone-800'}`}
      >
        <input
          type="checkbox"
          className={checkboxClass}
          checked={value.selected}
          disabled={disabled}
          onChange={() => onToggle(facetKey, value.value)}
        />
        <span aria-hidden="true" className="min-w-0 flex-1 truncate" title={value.label}>
          {value.label}
        </span>
        <span aria-hidden="true" className="shrink-0 text-xs text-stone-600 tabular-nums dark:text-stone-400">
          {value.count}
        </span>
        <span className="sr-only">{`${value.label} (${value.count} ${value.count === 1 ? 'result' : 'results'})`}</span>
      </label>
    </li>
  );
}, sameValue);

/** One facet: its values with counts, the top eight first; longer lists get "Show all (n)" and a filter box. */
function FacetGroup({ facet, onToggle, onClear }: { facet: FacetCounts } & Omit<FacetPanelProps, 'facets'>) {
  const [expanded, setExpanded] = useState(false);
  const [filter, setFilter] = useState('');
  const listId = useId();
  const label = FACET_LABELS[facet.key];
  const selectedCount = facet.values.filter((value) => value.selected).length;
  const long = facet.values.length > TOP_VALUES;
  const needle = filter.trim().toLocaleLowerCase();
  let shown: FacetValueCount[];
  if (needle)
    shown = facet.values.filter((value) => value.selected || value.label.toLocaleLowerCase().includes(needle));
  else if (expanded || !long) shown = facet.values;
  else {
    // The top values, plus any selected value further down: selected values always stay visible.
    shown = facet.values.filter((value, i) => i < TOP_VALUES || value.selected);
  }
  return (
    <fieldset className="border-t border-stone-200 py-3 first:border-t-0 dark:border-stone-800">
      <div className="flex items-baseline justify-between gap-2">
        <legend className="float-left text-sm font-semibold text-stone-900 dark:text-stone-100">{label}</legend>
        {selectedCount > 0 && (
          <button
            type="button"
            className={linkButtonClass}
            onClick={() => onClear(facet.key)}
            aria-label={`Clear ${label.toLowerCase()} filter`}
          >
            Clear
          </button>
        )}
      </div>
      {long && (expanded || needle) && (
        <div className="mt-2">
          <label className="sr-only" htmlFor={`${listId}-filter`}>
            Filter {PLURALS[facet.key]}
          </label>
          <input
            id={`${listId}-filter`}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder={`Filter ${PLURALS[facet.key]}…`}
            className="w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 placeholder:text-stone-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:placeholder:text-stone-400 dark:focus-visible:outline-indigo-400"
          />
        </div>
      )}
      <ul id={listId} className={`clear-both mt-1 space-y-0.5 ${expanded ? 'max-h-80 overflow-y-auto' : ''}`}>
        {shown.map((value) => (
          <ValueOption key={value.value} facetKey={facet.key} value={value} onToggle={onToggle} />
        ))}
        {shown.length === 0 && <li className="px-1.5 py-1 text-sm text-stone-600 dark:text-stone-400">No match</li>}
      </ul>
      {long && !needle && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((value) => !value)}
          className={`mt-1 px-1.5 ${linkButtonClass}`}
        >
          {expanded ? (
            `Show top ${TOP_VALUES}`
          ) : (
            <>
              Show all <span aria-hidden="true">({facet.values.length})</span>
              <span className="sr-only">
                {facet.values.length} {PLURALS[facet.key]}
              </span>
            </>
          )}
        </button>
      )}
    </fieldset>
  );
}

/** The yes/no facets (has code, bookmarked) share one group. */
function ToggleGroup({ facets, onToggle }: { facets: readonly FacetCounts[]; onToggle: FacetPanelProps['onToggle'] }) {
  return (
    <fieldset className="border-t border-stone-200 py-3 dark:border-stone-800">
      <legend className="float-left text-sm font-semibold text-stone-900 dark:text-stone-100">More</legend>
      <ul className="clear-both space-y-0.5 pt-1">
        {facets.map((facet) => {
          const value = facet.values[0];
          return value ? (
            <ValueOption
              key={facet.key}
              facetKey={facet.key}
              value={{ ...value, label: FACET_LABELS[facet.key] }}
              onToggle={onToggle}
            />
          ) : null;
        })}
      </ul>
    </fieldset>
  );
}

const ORDER: readonly FacetKey[] = ['read', 'topic', 'org', 'issue', 'month', 'kind', 'source'];

/** Every facet, each with counts that account for the other active facets. Memoised, so typing skips it. */
export const FacetPanel = memo(function FacetPanel({ facets, onToggle, onClear }: FacetPanelProps) {
  const byKey = new Map(facets.map((facet) => [facet.key, facet]));
  const toggles = (['code', 'bookmarked'] as const)
    .map((key) => byKey.get(key))
    .filter((facet): facet is FacetCounts => !!facet);
  return (
    <div>
      {ORDER.map((key) => {
        const facet = byKey.get(key);
        return facet && facet.values.length > 0 ? (
          <FacetGroup key={key} facet={facet} onToggle={onToggle} onClear={onClear} />
        ) : null;
      })}
      {toggles.length > 0 && <ToggleGroup facets={toggles} onToggle={onToggle} />}
    </div>
  );
});
