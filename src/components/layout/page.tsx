import type { ReactNode } from 'react';
import { usePageTitle } from '@/components/hooks/use-page-title';

export interface PageProps {
  /** Document title without the site name; null while it is not known yet. */
  title: string | null;
  children: ReactNode;
  /** Narrow pages (a single entry) read better at prose width. */
  width?: 'wide' | 'prose';
}

/** The main landmark of a route, with the skip link's target and the document title. */
export function Page({ title, children, width = 'wide' }: PageProps) {
  usePageTitle(title);
  return (
    <main
      id="main"
      tabIndex={-1}
      className={`mx-auto w-full px-4 pt-6 pb-16 outline-none sm:px-6 sm:pt-10 ${width === 'prose' ? 'max-w-[42rem]' : 'max-w-5xl'}`}
    >
      {children}
    </main>
  );
}
