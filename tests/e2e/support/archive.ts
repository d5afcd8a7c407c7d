/** The archive the preview server serves, read from disk so specs follow the real data instead of hard-coding it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBundle, type ArchiveBundle, type Entry } from '../../../src/shared/bundle';

let cached: ArchiveBundle | undefined;

/** The built bundle (public/data/archive.json); fails with the command to build it when missing. */
export function loadArchive(): ArchiveBundle {
  if (cached) return cached;
  const file = path.resolve('public/data/archive.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${file}: error: no archive; run \`npm run build:data\` (or \`npm run test:e2e\`, which builds everything)`,
    );
  }
  cached = parseBundle(JSON.parse(text));
  return cached;
}

/** The entries of an issue in reading order. */
export function issueEntries(archive: ArchiveBundle, issueId: string): Entry[] {
  const byId = new Map(archive.entries.map((entry) => [entry.id, entry]));
  const issue = archive.issues.find((candidate) => candidate.id === issueId);
  if (!issue) throw new Error(`no issue ${issueId} in the archive`);
  return issue.entryIds.map((id) => byId.get(id)!);
}
