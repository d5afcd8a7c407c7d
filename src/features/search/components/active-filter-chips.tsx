import { memo } from 'react';
import { Button } from '@/components/ui/button';
import { FACET_LABELS } from '@/features/search/components/facet-panel';
import { FACET_KEYS, type FacetCounts, type FacetKey, type FacetSelection } from '@/features/search/lib/facets';
import { YES_NO_FACETS } from '@/features/search/lib/search-params';

export interface ActiveFilterChipsProps {
  selection: FacetSelection;
  /** The facets of the current answer, for the values' labels. */
  facets: readonly FacetCounts[];
  onRemove: (key: FacetKey, value: string) => void;
  onClearAll: () => void;
}

/** The selected facet values as removable chips ("Organisation: Google", "Has code"), with "Clear all filters". */
export const ActiveFilterChips = memo(function ActiveFilterChips({
  selection,
  facets,
  onRemove,
  onClearAll,
}: ActiveFilterChipsProps) {
  const chips = FACET_KEYS.flatMap((key) =>
    (selection[key] ?? []).map((value) => {
      const label =
        facets.find((facet) => facet.key === key)?.values.find((item) => item.value === value)?.label ?? value;
      return { key, value, label: YES_NO_FACETS.has(key) ? FACET_LABELS[key] : `${FACET_LABELS[key]}: ${label}` };
    }),
  );
  if (chips.length === 0) return null;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      <span className="text-sm text-stone-700 dark:text-stone-300">Filters:</span>
      <ul className="flex flex-wrap gap-1.5">
        {chips.map((chip) => (
          <li key={`${chip.key}=${chip.value}`}>
            <button
              type="button"
              onClick={() => onRemove(chip.key, chip.value)}
              aria-label={`Remove filter ${chip.label}`}
              className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-indigo-200 ring-inset hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800 dark:hover:bg-indigo-900"
            >
              {chip.label}
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <Button variant="ghost" size="sm" onClick={onClearAll} className="text-indigo-800 dark:text-indigo-200">
        Clear all filters
      </Button>
    </div>
  );
});
