import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PATH } from '@/shared/archive-layout';
import { fixtureBundle } from '../support/fixture-bundle';
import { archiveFetch, renderApp } from '../support/render-app';

/** Serves the fixture's files, but the catalogue as `change` makes it from the one the build writes. */
function catalogueFetch(change: (catalogue: Record<string, unknown>) => unknown): typeof fetch {
  const serve = archiveFetch('ok', fixtureBundle);
  return async (input, init) => {
    const response = await serve(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.endsWith(CATALOGUE_PATH)) return response;
    const changed = change((await response.json()) as Record<string, unknown>);
    return new Response(JSON.stringify(changed), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('the catalogue', () => {
  it('gives the home page every issue’s entry count without downloading any other issue', async () => {
    const { fetchMock } = renderApp('/');
    const archive = await screen.findByRole('region', { name: 'Archive' });
    const counts = within(archive)
      .getAllByRole('listitem')
      .filter((item) => item.querySelector('h3'))
      .map((item) => /^\d+/.exec(within(item).getByText(/^\d+ entr/).textContent)?.[0]);
    expect(counts).toEqual(fixtureBundle.issues.map((issue) => String(issue.entryIds.length)));
    expect(
      within(archive).getByText(`${fixtureBundle.issues.length} issues · ${fixtureBundle.entries.length} entries`),
    ).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('in the earlier format, listing entry ids (as a stale cache may hold it), is refused with a message', async () => {
    renderApp('/', {
      fetchImpl: catalogueFetch((catalogue) => ({
        ...catalogue,
        issues: fixtureBundle.issues.map((issue) => ({ ...issue, topics: [] })),
      })),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'The archive can’t be read' })).toBeInTheDocument();
    expect(screen.getByText(/^The archive is malformed: issues\.0\.entryCount: expected number/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
