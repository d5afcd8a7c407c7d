/** The reading routes every cross-cutting spec (axe, screenshots) visits, built from the real archive. */
import { loadArchive } from './archive';

/** A page to visit and the level-1 heading that shows it has loaded. */
export interface RouteCase {
  name: string;
  path: string;
  heading: RegExp | string;
}

/** An entry with a paper, code and related entries when the archive has one, so its page shows every block. */
function showcaseEntryId(): string {
  const archive = loadArchive();
  const complete = archive.entries.find(
    (entry) => entry.paper?.arxivId && entry.links.some((link) => link.kind === 'code') && entry.related.length > 0,
  );
  return (complete ?? archive.entries[0]!).id;
}

export function readingRoutes(): RouteCase[] {
  const archive = loadArchive();
  const latest = archive.issues[0]!;
  const entryId = showcaseEntryId();
  const entry = archive.entries.find((candidate) => candidate.id === entryId)!;
  return [
    { name: 'home', path: '/', heading: /^Issue of / },
    { name: 'issue', path: `/issues/${latest.id}`, heading: /^Issue of / },
    { name: 'entry', path: `/entries/${entry.id}`, heading: entry.headline },
    { name: 'not-found', path: '/entries/foo-bar-moe', heading: 'Entry not found' },
  ];
}
