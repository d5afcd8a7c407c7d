import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown instead of a route that threw: a message and a way out, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Something went wrong.';
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <div role="alert">
        <h1 className="text-2xl font-semibold">This page could not be shown</h1>
        <p className="mt-2">{message}</p>
      </div>
      <p className="mt-6 flex gap-4">
        <Link className="underline" to="/">
          Back to the latest issue
        </Link>
        <button type="button" className="underline" onClick={() => window.location.reload()}>
          Reload
        </button>
      </p>
    </main>
  );
}
