/** The loading state of a page: grey blocks shaped like the content, announced politely. */
export function PageSkeleton({ label = 'Loading the archive…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="space-y-8 motion-safe:animate-pulse">
        <div className="space-y-3">
          <div className="h-4 w-32 rounded bg-stone-200 dark:bg-stone-800" />
          <div className="h-8 w-3/4 max-w-lg rounded bg-stone-200 dark:bg-stone-800" />
        </div>
        {[0, 1, 2].map((row) => (
          <div key={row} className="space-y-3 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
            <div className="h-5 w-2/3 rounded bg-stone-200 dark:bg-stone-800" />
            <div className="h-3 w-full rounded bg-stone-100 dark:bg-stone-800/70" />
            <div className="h-3 w-5/6 rounded bg-stone-100 dark:bg-stone-800/70" />
            <div className="flex gap-2">
              <div className="h-5 w-20 rounded-full bg-stone-100 dark:bg-stone-800/70" />
              <div className="h-5 w-24 rounded-full bg-stone-100 dark:bg-stone-800/70" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
