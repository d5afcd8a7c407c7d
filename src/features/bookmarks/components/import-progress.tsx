/** "Importing… 40%" with a progress bar; the text is what screen readers announce. */
export function ImportProgress({ label, value }: { label: string; value: number }) {
  const percent = Math.floor(Math.min(1, Math.max(0, value)) * 100);
  return (
    <p className="flex items-center gap-3 text-stone-800 dark:text-stone-200">
      <span>
        {label} {percent}%
      </span>
      <progress
        max={100}
        value={percent}
        aria-hidden="true"
        className="h-2 w-40 accent-indigo-700 dark:accent-indigo-300"
      />
    </p>
  );
}
