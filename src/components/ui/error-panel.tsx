import type { ReactNode } from 'react';

export interface ErrorPanelProps {
  title: string;
  message: string;
  hint?: string;
  /** Buttons and links that get the reader out of the error. */
  actions: ReactNode;
}

/** A clear error message with a way out; the route's heading, announced as an alert. */
export function ErrorPanel({ title, message, hint, actions }: ErrorPanelProps) {
  return (
    <section role="alert" className="mx-auto max-w-2xl rounded-xl border border-rose-200 bg-rose-50 p-6 sm:p-8 dark:border-rose-900 dark:bg-rose-950/40">
      <h1 className="text-xl font-semibold text-rose-900 sm:text-2xl dark:text-rose-100">{title}</h1>
      <p className="mt-3 break-words text-rose-900 dark:text-rose-100">{message}</p>
      {hint && <p className="mt-2 text-sm text-rose-800 dark:text-rose-200">{hint}</p>}
      <div className="mt-6 flex flex-wrap items-center gap-3">{actions}</div>
    </section>
  );
}

/** Button styles shared by the error and empty states. */
export const buttonClass = {
  primary:
    'inline-flex items-center gap-2 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:cursor-wait disabled:opacity-70 dark:bg-indigo-300 dark:text-indigo-950 dark:hover:bg-indigo-200',
  secondary:
    'inline-flex items-center gap-2 rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800',
} as const;

/** The last way out of any error: load the page afresh. */
export function ReloadPageButton() {
  return (
    <button type="button" className={buttonClass.secondary} onClick={() => window.location.reload()}>
      Reload page
    </button>
  );
}
