import { useDeferredValue, type ReactNode } from 'react';
import { Page } from '@/components/layout/page';
import { Button } from '@/components/ui/button';
import { ReloadPageButton, ErrorPanel } from '@/components/ui/error-panel';
import { PageSkeleton } from '@/components/ui/skeleton';
import { ArchiveFetchError } from '@/lib/archive-files';
import { useArchive, usePageArchive, type Archive, type ArchiveState } from '@/lib/archive-query';
import { BundleError } from '@/shared/bundle';

/** What to tell the reader about an archive that failed to load. */
export function describeArchiveError(error: unknown): { title: string; message: string; hint: string } {
  if (error instanceof BundleError) {
    return {
      title: 'The archive can’t be read',
      message: error.message,
      hint: 'The app and the archive are probably from different versions. Reloading the page fetches the newest app.',
    };
  }
  if (error instanceof ArchiveFetchError) {
    return {
      title: 'The archive couldn’t be loaded',
      message: error.message,
      hint: 'Once the archive has been downloaded, Frontier Reader also works offline.',
    };
  }
  return {
    title: 'The archive couldn’t be loaded',
    message: error instanceof Error ? error.message : 'Something went wrong.',
    hint: 'Try again, or reload the page.',
  };
}

/**
 * Renders `children` with the loaded archive; shows a skeleton while loading and an error with Retry if loading failed.
 * With `issue` (an issue id, or `'latest'`), it renders as soon as the catalogue and that issue's entries are in, and
 * again with the whole archive once something loads it.
 */
export function ArchiveGate({ issue, children }: { issue?: string; children: (archive: Archive) => ReactNode }) {
  return issue === undefined ? (
    <WholeArchiveGate>{children}</WholeArchiveGate>
  ) : (
    <PageArchiveGate issue={issue}>{children}</PageArchiveGate>
  );
}

function WholeArchiveGate({ children }: { children: (archive: Archive) => ReactNode }) {
  return <Gate query={useArchive()}>{children}</Gate>;
}

function PageArchiveGate({ issue, children }: { issue: string; children: (archive: Archive) => ReactNode }) {
  return <Gate query={usePageArchive(issue)}>{children}</Gate>;
}

function Gate({ query, children }: { query: ArchiveState; children: (archive: Archive) => ReactNode }) {
  // The archive arrives as an urgent update; rendering the page from it as a deferred one lets a long page render in slices.
  const archive = useDeferredValue(query.data);
  if (archive) return children(archive);
  if (query.isError) {
    const { title, message, hint } = describeArchiveError(query.error);
    const retrying = query.isFetching;
    return (
      <Page title={title}>
        <ErrorPanel
          title={title}
          message={message}
          hint={hint}
          actions={
            <>
              <Button variant="primary" disabled={retrying} onClick={() => void query.refetch()}>
                {retrying ? 'Retrying…' : 'Retry'}
              </Button>
              <ReloadPageButton />
            </>
          }
        />
      </Page>
    );
  }
  return (
    <Page title="Loading">
      <PageSkeleton />
    </Page>
  );
}
