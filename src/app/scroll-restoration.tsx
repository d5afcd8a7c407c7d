import { useEffect, useLayoutEffect } from 'react';
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

function rememberPosition(): void {
  if (activeKey === null) return;
  positions.delete(activeKey);
  positions.set(activeKey, window.scrollY);
}

/**
 * Back and Forward return to where the reader was on that page, a new page starts at its top (or at its `#hash`), and
 * positions survive a reload. The browser's own restoration is turned off: it runs before the page's content exists.
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
      savePositions();
    };
  }, []);

  useLayoutEffect(() => {
    activeKey = location.key;
    const saved = positions.get(location.key);
    if (navigationType === NavigationType.Pop && saved !== undefined) {
      window.scrollTo(0, saved);
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
  }, [location.key, location.hash, navigationType]);

  return null;
}
