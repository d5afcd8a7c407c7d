import { useEffect, useLayoutEffect, useRef } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';

const STORAGE_KEY = 'frontier-reader:scroll-positions';
/** Enough history for Back across a long reading session without letting sessionStorage grow without bound. */
const KEPT_POSITIONS = 100;

function readPositions(): Map<string, number> {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(stored)) return new Map();
    return new Map(
      stored.filter(
        (pair): pair is [string, number] =>
          Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'number',
      ),
    );
  } catch {
    return new Map();
  }
}

const positions = typeof window === 'undefined' ? new Map<string, number>() : readPositions();

function savePositions(): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...positions].slice(-KEPT_POSITIONS)));
  } catch {
    // A full or blocked sessionStorage only costs the position after a reload.
  }
}

/** The history entry whose position scroll events record; switched in the commit that shows a new page, before the browser reports the scroll that page causes. */
let activeKey: string | null = null;

/** How long Back waits for a page's content to grow tall enough for its saved position (search answers arrive late). */
const RESTORE_WAIT_MS = 5000;

/** A saved position still being restored, and how to stop waiting for it. */
let pendingRestore: { stop: () => void } | null = null;

function stopRestoring(): void {
  pendingRestore?.stop();
  pendingRestore = null;
}

/**
 * Scrolls to `top`, and when the page is still too short for it (its content arrives after the first render), again
 * each time the page grows, until it gets there, the reader scrolls or types, or {@link RESTORE_WAIT_MS} pass.
 */
function restorePosition(top: number): void {
  stopRestoring();
  window.scrollTo(0, top);
  if (Math.abs(window.scrollY - top) < 1 || typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(() => {
    window.scrollTo(0, top);
    if (Math.abs(window.scrollY - top) < 1) stopRestoring();
  });
  const userEvents = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
  const timer = setTimeout(stopRestoring, RESTORE_WAIT_MS);
  pendingRestore = {
    stop: () => {
      observer.disconnect();
      clearTimeout(timer);
      for (const type of userEvents) window.removeEventListener(type, stopRestoring, true);
    },
  };
  observer.observe(document.documentElement);
  for (const type of userEvents) window.addEventListener(type, stopRestoring, { capture: true, passive: true });
}

function rememberPosition(): void {
  // While a position is being restored, the scrolls are ours and clamped by a page still too short; keep the target.
  if (activeKey === null || pendingRestore) return;
  positions.delete(activeKey);
  positions.set(activeKey, window.scrollY);
}

/**
 * Back and Forward return to where the reader was on that page, a new page starts at its top (or at its `#hash`), and
 * positions survive a reload. The browser's own restoration is turned off: it runs before the page's content exists;
 * a position the page is not yet tall enough for is reached as its content arrives.
 */
export function ScrollRestoration() {
  const location = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    window.history.scrollRestoration = 'manual';
    window.addEventListener('scroll', rememberPosition, { passive: true });
    window.addEventListener('pagehide', savePositions);
    return () => {
      window.removeEventListener('scroll', rememberPosition);
      window.removeEventListener('pagehide', savePositions);
      stopRestoring();
      savePositions();
    };
  }, []);

  const previousPath = useRef(location.pathname);
  useLayoutEffect(() => {
    const samePage = previousPath.current === location.pathname;
    previousPath.current = location.pathname;
    stopRestoring();
    // Every fresh page load has the key "default": tell them apart by path, so one page's position never lands on another.
    activeKey = location.key === 'default' ? `default ${location.pathname}` : location.key;
    const saved = positions.get(activeKey);
    if (navigationType === NavigationType.Pop && saved !== undefined) {
      restorePosition(saved);
      return;
    }
    // A replace on the same page only updates its state in the URL (typing, "Show more"): stay where the reader is.
    if (navigationType === NavigationType.Replace && samePage) {
      rememberPosition();
      return;
    }
    if (location.hash) {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) {
        target.scrollIntoView();
        return;
      }
    }
    if (navigationType !== NavigationType.Pop) window.scrollTo(0, 0);
  }, [location.key, location.pathname, location.hash, navigationType]);

  return null;
}
