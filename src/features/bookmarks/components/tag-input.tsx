import { useId, useMemo, useState } from 'react';
import { parseTagInput } from '@/features/bookmarks/lib/bookmark-model';
import { foldText } from '@/features/bookmarks/lib/bookmark-view';

/** Suggestions offered at once; a long tail of tags would only bury the likely ones. */
const MAX_SUGGESTIONS = 20;

export interface TagInputProps {
  /** The form field's name. */
  name: string;
  defaultValue: string;
  /** Tags already used on any bookmark, most used first. */
  knownTags: readonly string[];
  className?: string;
  placeholder?: string;
}

/**
 * The comma-separated tags field, with the tags already in use offered as the reader types (a native datalist, so the
 * browser provides the combobox). Each suggestion is the whole field with the tag being typed completed, because a
 * datalist completes the field's entire value.
 */
export function TagInput({ name, defaultValue, knownTags, className, placeholder }: TagInputProps) {
  const [value, setValue] = useState(defaultValue);
  const listId = useId();
  const suggestions = useMemo(() => {
    const cut = value.lastIndexOf(',');
    const done = value.slice(0, cut + 1);
    const rest = value.slice(cut + 1);
    const head = done + (/^\s*/.exec(rest)?.[0] ?? '');
    const typed = foldText(rest.trim());
    const taken = new Set(parseTagInput(done).map((tag) => tag.toLowerCase()));
    return knownTags
      .filter((tag) => !taken.has(tag.toLowerCase()) && foldText(tag).startsWith(typed))
      .slice(0, MAX_SUGGESTIONS)
      .map((tag) => `${head}${tag}`);
  }, [value, knownTags]);
  return (
    <>
      <input
        name={name}
        type="text"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        list={listId}
        autoComplete="off"
        placeholder={placeholder}
        className={className}
      />
      <datalist id={listId}>
        {suggestions.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
    </>
  );
}
