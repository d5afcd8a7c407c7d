import { useEffect } from 'react';

/** The site name, last in every document title. */
export const SITE_NAME = 'Frontier Reader';

/** Sets document.title to "<title> · Frontier Reader" (or just the site name) while the page is shown. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  }, [title]);
}
