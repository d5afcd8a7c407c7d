import { Component, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Page } from '@/components/layout/page';
import { buttonClasses } from '@/components/ui/button';
import { ReloadPageButton, ErrorPanel } from '@/components/ui/error-panel';

/** Reader-facing wording for what a route threw. */
function describe(error: unknown): { title: string; message: string; hint: string } {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  // A lazily loaded page failed to download: usually offline on a page not yet cached, or a newer version was deployed.
  if (/dynamically imported module|Importing a module script failed|error loading dynamically/i.test(message)) {
    return {
      title: 'This page could not be loaded',
      message: 'Part of the app could not be downloaded.',
      hint: 'Check your connection, then reload the page.',
    };
  }
  return {
    title: 'This page could not be shown',
    message,
    hint: 'The rest of the archive still works: go back to the latest issue, or reload the page.',
  };
}

/** Shown instead of a route that threw: a message and a way out, never a blank page. */
export function RouteError({ error }: { error: unknown }) {
  const { title, message, hint } = describe(error);
  return (
    <Page title={title}>
      <ErrorPanel
        title={title}
        message={message}
        hint={hint}
        actions={
          <>
            <Link to="/" className={buttonClasses({ variant: 'primary' })}>
              Back to the latest issue
            </Link>
            <ReloadPageButton />
          </>
        }
      />
    </Page>
  );
}

/** Catches what a page throws while rendering (or a page chunk that fails to download) and shows {@link RouteError}. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('Something went wrong.') };
  }

  override render(): ReactNode {
    return this.state.error ? <RouteError error={this.state.error} /> : this.props.children;
  }
}
