import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { CloseIcon } from '@/components/ui/icons';

export interface SheetProps {
  open: boolean;
  /** Called when the sheet closes by Escape, the close button, a click outside it, or `open` turning false. */
  onClose: () => void;
  /** The sheet's heading, which also names the dialog. */
  title: string;
  /** Gets the focus back when the sheet closes: the control that opened it. */
  returnFocusRef?: RefObject<HTMLElement | null>;
  /** Actions pinned under the scrolling content, e.g. "Show 12 results". */
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * A modal sheet from the bottom of the screen (a centred panel on wider ones), on the native `<dialog>` and
 * `showModal`: the page behind is inert, focus stays inside, Escape closes it. The content renders only while open.
 */
export function Sheet({ open, onClose, title, returnFocusRef, footer, children }: SheetProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  // Closed by the page going away (a result opened, another route): leave no modal behind.
  useEffect(() => {
    const dialog = dialogRef.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={() => {
        onCloseRef.current();
        returnFocusRef?.current?.focus();
      }}
      onClick={(event) => {
        // The dialog itself is hit only outside its content, on the backdrop.
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className="mt-auto mb-0 max-h-[85dvh] w-full max-w-none overflow-hidden rounded-t-2xl bg-white text-stone-900 shadow-xl backdrop:bg-stone-950/50 sm:mx-auto sm:mb-auto sm:max-w-lg sm:rounded-2xl dark:bg-stone-900 dark:text-stone-100 dark:backdrop:bg-black/70"
    >
      {open && (
        <div className="flex max-h-[85dvh] flex-col">
          <div className="flex items-center justify-between gap-3 border-b border-stone-200 px-4 py-3 dark:border-stone-800">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={() => dialogRef.current?.close()}
              className="inline-flex size-9 items-center justify-center rounded-md text-stone-700 focus-ring hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
            >
              <CloseIcon className="size-5" />
              <span className="sr-only">Close</span>
            </button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-4">{children}</div>
          {footer && (
            <div className="border-t border-stone-200 px-4 py-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] dark:border-stone-800">
              {footer}
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}
