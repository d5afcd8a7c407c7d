import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ArchiveBundle, Entry } from '@/shared/bundle';
import { fixtureBundle } from '../support/fixture-bundle';
import { renderApp } from '../support/render-app';

/** Entries of the fixture with `topic`, per issue id, counted here from the bundle. */
function topicCount(topic: string, issueId?: string): number {
  return fixtureBundle.entries.filter((e) => e.topics.includes(topic) && (!issueId || e.issueId === issueId)).length;
}

const MOE = 'Mixture of Experts';
const entriesText = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;
const LATEST = fixtureBundle.issues[0]!;

async function openExplore() {
  const app = renderApp('/explore');
  await screen.findByRole('heading', { level: 1, name: 'Explore' });
  return app;
}

/** The search page a mark opened has answered: nothing is left loading when the test ends. */
async function searchAnswered(): Promise<void> {
  expect(await screen.findByText(/^\d[\d,]* (results?|papers?)\b/)).toBeInTheDocument();
}

describe('/explore', () => {
  it('shows each chart with a heading and a summary computed from the archive', async () => {
    await openExplore();
    for (const name of ['Topics across issues', /^Top \d+ organisations$/, 'Sources', 'Papers covered more than once'])
      expect(screen.getByRole('heading', { level: 2, name })).toBeInTheDocument();
    const topics = screen.getByRole('region', { name: 'Topics across issues' });
    expect(
      within(topics).getByText(new RegExp(`${MOE} is the most covered topic with ${topicCount(MOE)} entries`)),
    ).toBeInTheDocument();
    const papers = screen.getByRole('region', { name: 'Papers covered more than once' });
    expect(within(papers).getByText(/^1 paper was covered more than once/)).toBeInTheDocument();
  });

  it('shows the topics as a table with the same numbers', async () => {
    const { user } = await openExplore();
    const topics = screen.getByRole('region', { name: 'Topics across issues' });
    expect(within(topics).queryByRole('table')).not.toBeInTheDocument();
    await user.click(within(topics).getByRole('button', { name: 'Show as table' }));
    const table = within(topics).getByRole('table');
    const header = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    const row = within(table).getByRole('row', { name: /^Nov 2, 2024/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells[header.indexOf(MOE) - 1]).toBe(String(topicCount(MOE, LATEST.id)));
    expect(within(topics).getByRole('button', { name: 'Show as chart' })).toBeInTheDocument();
  });

  it('shows a tooltip when a bar has focus and opens the search for its topic and issue on click', async () => {
    const { user, router } = await openExplore();
    const count = topicCount(MOE, LATEST.id);
    const bar = screen.getByRole('link', { name: `${MOE}, Nov 2, 2024: ${entriesText(count)}` });
    act(() => bar.focus());
    expect(screen.getByRole('tooltip')).toHaveTextContent(`${MOE}, Nov 2, 2024: ${entriesText(count)}`);
    await user.click(bar);
    const { pathname, search } = router.state.location;
    expect(pathname).toBe('/search');
    await searchAnswered();
    const params = new URLSearchParams(search);
    expect(params.getAll('topic')).toEqual([MOE]);
    expect(params.getAll('issue')).toEqual([LATEST.id]);
  });

  it('opens the search for an organisation from its row', async () => {
    const { user, router } = await openExplore();
    const organisations = screen.getByRole('list', { name: 'Organisations by number of entries' });
    const maryland = fixtureBundle.entries.filter((e) => e.organizations.includes('University of Maryland')).length;
    await user.click(
      within(organisations).getByRole('link', { name: `University of Maryland: ${entriesText(maryland)}, search all` }),
    );
    expect(router.state.location.pathname).toBe('/search');
    await searchAnswered();
    expect(new URLSearchParams(router.state.location.search).getAll('org')).toEqual(['University of Maryland']);
  });

  it('opens the search for the papers of an issue from the sources chart with the keyboard', async () => {
    const { user, router } = await openExplore();
    const papers = fixtureBundle.entries.filter((e) => e.issueId === LATEST.id && e.kind === 'paper').length;
    const total = LATEST.entryIds.length;
    const bar = screen.getByRole('link', { name: new RegExp(`^Papers, Nov 2, 2024: ${papers} of ${total}`) });
    act(() => bar.focus());
    await user.keyboard('{Enter}');
    const params = new URLSearchParams(router.state.location.search);
    expect(router.state.location.pathname).toBe('/search');
    await searchAnswered();
    expect(params.getAll('kind')).toEqual(['paper']);
    expect(params.getAll('issue')).toEqual([LATEST.id]);
  });

  it('draws months instead of issues when there are more than a year of weekly issues', async () => {
    const template = fixtureBundle.entries[0]!;
    const issues: ArchiveBundle['issues'] = [];
    const entries: Entry[] = [];
    // 60 weekly issues from 6 Jan 2024, two entries each, all about Agents.
    for (let week = 0; week < 60; week++) {
      const date = new Date(Date.UTC(2024, 0, 6 + week * 7)).toISOString().slice(0, 10);
      const ids = [1, 2].map((n) => `${date}-entry-${n}`);
      ids.forEach((id, index) =>
        entries.push({ ...template, id, issueId: date, position: index + 1, topics: ['Agents'], related: [] }),
      );
      issues.unshift({ id: date, date, title: `Issue ${date}`, entryIds: ids });
    }
    const januaryIssues = issues.filter((issue) => issue.date.startsWith('2024-01')).length;
    const { user, router } = renderApp('/explore', { bundle: { ...fixtureBundle, issues, entries } });
    await screen.findByRole('heading', { level: 1, name: 'Explore' });
    const topics = screen.getByRole('region', { name: 'Topics across issues' });
    expect(within(topics).getByText(/^Across 14 months, January 2024 to February 2025/)).toBeInTheDocument();
    await user.click(
      within(topics).getByRole('link', { name: `Agents, January 2024: ${entriesText(2 * januaryIssues)}` }),
    );
    const params = new URLSearchParams(router.state.location.search);
    expect(params.getAll('month')).toEqual(['2024-01']);
    expect(params.getAll('topic')).toEqual(['Agents']);
    await searchAnswered();
  });
});
