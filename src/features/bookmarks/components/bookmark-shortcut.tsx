import { useEffect, useRef, useState } from 'react';
import { isTyping } from '@/components/keyboard';
import { useToggleBookmark } from '@/features/bookmarks/hooks/use-toggle-bookmark';

/** Toggles the bookmark of the focused entry (an element with `data-entry-id`) on the `b` key. */
export function BookmarkShortcut() {
  const toggle = useToggleBookmark();
  const toggleRef = useRef(toggle);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    toggleRef.current = toggle;
  }, [toggle]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'b' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.repeat)
        return;
      const active = document.activeElement;
      if (isTyping(event.target) || isTyping(active)) return;
      const holder = active instanceof Element ? active.closest<HTMLElement>('[data-entry-id]') : null;
      const entryId = holder?.dataset.entryId;
      if (!holder || !entryId) return;
      event.preventDefault();
      const added = toggleRef.current(entryId);
      const labelId = holder.getAttribute('aria-labelledby');
      const name = (labelId ? document.getElementById(labelId)?.textContent : null)?.trim() || 'entry';
      setAnnouncement(added ? `Bookmarked ${name}` : `Removed bookmark ${name}`);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div role="status" className="sr-only">
      {announcement}
    </div>
  );
}
