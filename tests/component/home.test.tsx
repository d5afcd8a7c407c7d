import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/shared/bundle';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { archiveFetch, deferredArchiveFetch, renderApp } from '../support/render-app';

describe('home page', () => {
  it('shows a loading status while the archive downloads', async () => {
    renderApp('/', { fetchImpl: deferredArchiveFetch().fetchImpl });
    const status = await screen.findByText(/loading the archive/i);
    expect(status.closest('[role="status"]')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Loading · Frontier Reader'));
  });

  it('puts the latest issue’s headlines first, then every issue of the archive', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue of November 2, 2024' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Latest issue · Frontier Reader'));

    const headlines = screen.getByRole('list', { name: /headlines of the issue of november 2, 2024/i });
    const links = within(headlines).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      expect.stringContaining('AI Identifies Database Vulnerability'),
      expect.stringContaining('Benchmarking Code Generation'),
      expect.stringContaining('Layer Gradients in LLMs'),
      expect.stringContaining('Mixture-of-Experts as Embedding Models'),
    ]);
    expect(links[1]).toHaveAttribute('href', '/entries/2024-11-02-benchmarking-code-generation');
    expect(screen.getByRole('link', { name: /read the full issue/i })).toHaveAttribute('href', '/issues/2024-11-02');

    const archive = screen.getByRole('region', { name: 'Archive' });
    const issues = within(archive).getAllByRole('heading', { level: 3 });
    expect(issues.map((heading) => heading.textContent)).toEqual([
      'November 2, 2024',
      'October 27, 2024',
      'October 21, 2024',
    ]);
    const october27 = within(archive).getByRole('link', { name: 'October 27, 2024' }).closest('li')!;
    expect(october27).toHaveTextContent('3 entries');
    expect(within(october27).getByRole('link', { name: 'Topic: Mixture of Experts' })).toHaveAttribute(
      'href',
      '/search?topic=Mixture+of+Experts&issue=2024-10-27',
    );
  });

  it('shows the download error and loads the archive on Retry', async () => {
    let calls = 0;
    const { user } = renderApp('/', {
      fetchImpl: (input, init) => archiveFetch(++calls === 1 ? 'network-error' : 'ok')(input, init),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/couldn’t be loaded/i);
    expect(alert).toHaveTextContent(/check your connection/i);

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue of November 2, 2024' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names the HTTP status when the archive is missing', async () => {
    renderApp('/', { response: 'not-found' });
    expect(await screen.findByRole('alert')).toHaveTextContent('HTTP 404');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeEnabled();
  });

  it('explains a bundle from another schema version instead of showing a blank page', async () => {
    renderApp('/', { bundle: { ...makeFixtureArchive(), schemaVersion: 1 } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/can’t be read/i);
    expect(alert).toHaveTextContent('schema version 1');
    expect(screen.getByRole('link', { name: /frontier reader/i })).toBeInTheDocument();
  });

  it('reports a malformed bundle and a body that is not JSON', async () => {
    const { unmount } = renderApp('/', { bundle: { schemaVersion: SCHEMA_VERSION, issues: 'nope' } });
    expect(await screen.findByRole('alert')).toHaveTextContent(/archive is malformed/i);
    unmount();
    renderApp('/', { response: 'malformed-json' });
    expect(await screen.findByRole('alert')).toHaveTextContent(/not valid JSON/i);
  });

  it('fetches the archive once across page changes', async () => {
    const { user, fetchMock } = renderApp('/');
    await user.click(await screen.findByRole('link', { name: /read the full issue/i }));
    // The home page also heads its latest issue so; the breadcrumb trail shows the issue page is open.
    expect(await screen.findByRole('navigation', { name: 'Breadcrumb' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Issue of November 2, 2024' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: /^Issues$/ }));
    expect(await screen.findByRole('region', { name: 'Archive' })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows the latest issue from the catalogue alone, and an older issue from its own file, never the whole archive', async () => {
    const { user, fetchMock } = renderApp('/');
    expect(await screen.findByRole('list', { name: /^Headlines of the issue of/ })).toBeInTheDocument();
    const requested = () => fetchMock.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input));
    expect(requested()).toEqual([expect.stringMatching(/data\/catalogue\.json$/)]);

    const archive = screen.getByRole('region', { name: 'Archive' });
    await user.click(within(archive).getByRole('link', { name: 'October 27, 2024' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue of October 27, 2024' })).toBeInTheDocument();
    expect(requested()).toEqual([
      expect.stringMatching(/data\/catalogue\.json$/),
      expect.stringMatching(/data\/issues\/2024-10-27\.[0-9a-f]{10}\.json$/),
    ]);
  });
});
