import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

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
    <section
      role="alert"
      className="mx-auto max-w-2xl rounded-xl border border-rose-200 bg-rose-50 p-6 sm:p-8 dark:border-rose-900 dark:bg-rose-950/40"
    >
      <h1 className="text-xl font-semibold text-rose-900 sm:text-2xl dark:text-rose-100">{title}</h1>
      <p className="mt-3 break-words text-rose-900 dark:text-rose-100">{message}</p>
      {hint && <p className="mt-2 text-sm text-rose-800 dark:text-rose-200">{hint}</p>}
      <div className="mt-6 flex flex-wrap items-center gap-3">{actions}</div>
    </section>
  );
}

/** The last way out of any error: load the page afresh. */
export function ReloadPageButton() {
  return <Button onClick={() => window.location.reload()}>Reload page</Button>;
}
