import { useEffect } from 'react';
import { isTyping } from '@/components/keyboard';
import { Button } from '@/components/ui/button';
import { CloseIcon } from '@/components/ui/icons';

/** A message at the bottom of the screen with one action and a close button. */
export interface ToastProps {
  /** Shown while true. The live region is always rendered, so screen readers announce the toast when it appears. */
  open: boolean;
  /** One line, cut with an ellipsis when long; the whole text is its tooltip. */
  message: string;
  /** The one thing to do about the message, e.g. "Undo" or "Reload". */
  actionLabel: string;
  onAction: () => void;
  /** The close button's accessible name, e.g. "Dismiss" or "Later". Escape does the same. */
  dismissLabel: string;
  onDismiss: () => void;
}

/** Announced politely; it stays until the reader acts or dismisses it, so nobody is rushed (WCAG 2.2.1). */
export function Toast({ open, message, actionLabel, onAction, dismissLabel, onDismiss }: ToastProps) {
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // A field or a popup that handled Escape itself keeps it.
      if (event.key === 'Escape' && !event.defaultPrevented && !isTyping(event.target)) onDismiss();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, onDismiss]);

  return (
    <>
      <div role="status" aria-live="polite" className="print:hidden">
        {open && (
          <div className="pointer-events-none fixed inset-x-0 bottom-0 z-40 flex justify-center p-4">
            <div className="pointer-events-auto flex w-full max-w-md items-center gap-3 rounded-lg bg-stone-900 py-2 pr-2 pl-4 text-sm text-white shadow-lg ring-1 ring-black/10 [--focus-ring-color:var(--color-amber-300)] dark:bg-stone-100 dark:text-stone-900 dark:[--focus-ring-color:var(--color-indigo-800)]">
              <p className="min-w-0 flex-1 truncate" title={message}>
                {message}
                <span aria-hidden="true"> · </span>
              </p>
              <Button variant="ghost" size="sm" className="text-amber-300 dark:text-indigo-800" onClick={onAction}>
                <span className="font-semibold">{actionLabel}</span>
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label={dismissLabel}
                className="text-stone-300 hover:text-white dark:text-stone-600 dark:hover:text-stone-900"
                onClick={onDismiss}
              >
                <CloseIcon />
              </Button>
            </div>
          </div>
        )}
      </div>
      {/* Room at the end of the page, so the toast never covers its last lines. */}
      {open && <div aria-hidden="true" className="h-16 print:hidden" />}
    </>
  );
}
