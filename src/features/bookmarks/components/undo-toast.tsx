import { CloseIcon } from '@/components/ui/icons';

export interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/** "Removed … · Undo" at the bottom of the screen; it stays until dismissed so nobody is rushed (WCAG 2.2.1). */
export function UndoToast({ message, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-40 flex justify-center p-4 print:hidden">
      <div className="pointer-events-auto flex w-full max-w-md items-center gap-3 rounded-lg bg-stone-900 py-2 pr-2 pl-4 text-sm text-white shadow-lg ring-1 ring-black/10 dark:bg-stone-100 dark:text-stone-900">
        <p className="min-w-0 flex-1 truncate" title={message}>
          {message}
        </p>
        <button
          type="button"
          onClick={onUndo}
          className="shrink-0 rounded-md px-3 py-1.5 font-semibold text-amber-300 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-amber-300 dark:text-indigo-800 dark:hover:bg-stone-900/10 dark:focus-visible:outline-indigo-800"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={onDismiss}
          aria-label="Dismiss"
          className="shrink-0 rounded-md p-1.5 text-stone-300 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-amber-300 dark:text-stone-600 dark:hover:bg-stone-900/10 dark:hover:text-stone-900 dark:focus-visible:outline-indigo-800"
        >
          <CloseIcon />
        </button>
      </div>
    </div>
  );
}
