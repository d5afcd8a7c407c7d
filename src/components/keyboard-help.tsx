import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { isTyping } from '@/components/keyboard';
import type { KeyboardHelpDialogProps } from '@/components/keyboard-help-dialog';

/** The dialog's code, once loaded: it stays out of the first page's JavaScript until `?` is first pressed. */
let loadedDialog: ComponentType<KeyboardHelpDialogProps> | null = null;

function loadDialog(): Promise<ComponentType<KeyboardHelpDialogProps>> {
  if (loadedDialog) return Promise.resolve(loadedDialog);
  return import('@/components/keyboard-help-dialog').then(({ KeyboardHelpDialog }) => {
    loadedDialog = KeyboardHelpDialog;
    return KeyboardHelpDialog;
  });
}

/**
 * `?` anywhere (except while typing) opens a dialog listing the app's keys; Escape or Close shuts it and focus goes
 * back where it was. Mount once, in the layout.
 */
export function KeyboardHelp() {
  const [Dialog, setDialog] = useState<ComponentType<KeyboardHelpDialogProps> | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const opening = useRef(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || isTyping(document.activeElement) || opening.current) return;
      event.preventDefault();
      opening.current = true;
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      loadDialog().then(
        (component) => setDialog(() => component),
        // Offline before the dialog's code was cached: the key does nothing, as it did before.
        () => {
          opening.current = false;
        },
      );
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const close = useCallback(() => {
    setDialog(null);
    opening.current = false;
  }, []);

  // After the dialog has gone and the page is no longer inert, focus returns to where it was.
  useEffect(() => {
    if (Dialog) return;
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected && target !== document.body) target.focus({ preventScroll: true });
  }, [Dialog]);

  return Dialog ? <Dialog onClose={close} /> : null;
}
