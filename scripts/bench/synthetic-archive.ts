/**
 * Deterministic synthetic archives for the benchmark, grown from the seed bundle's own vocabulary and structure:
 * text from a word-bigram model of the seed, organisations, topics, kinds, link hosts and coverage of the same
 * paper in several issues at the seed's rates. A few invented names per entry make the vocabulary grow with the
 * archive, as a real one does (new models, datasets, labs).
 */
import { entryBodyText } from '@/shared/search-options';
import { createRandom } from '../lib/random';
import { SCHEMA_VERSION, type ArchiveBundle, type Entry, type EntryLink, type Issue } from '@/shared/bundle';
import { MONTH_NAMES } from '@/shared/labels';
import { BigramModel, inventWord, pick, type Random } from './text-model';

/** An invented name such as `Zorvinta-7B`: new vocabulary, as each week brings new model names. */
function inventName(random: Random): string {
  const name = inventWord(random);
  return random() < 0.4 ? `${name}-${1 + Math.floor(random() * 70)}B` : name;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Generates an archive of `size` entries in the seed's image, ~30 entries per weekly issue, newest first. */
export function syntheticArchive(seed: ArchiveBundle, size: number, randomSeed = 42): ArchiveBundle {
  const random = createRandom(randomSeed + size);
  // One text model per topic, so words cluster by subject as in a real archive instead of spreading evenly.
  const byTopic = new Map<string, string[]>();
  for (const entry of seed.entries) {
    const topic = entry.topics[0] ?? 'Other';
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), entryBodyText(entry)]);
  }
  const bodyModels = new Map([...byTopic].map(([topic, texts]) => [topic, new BigramModel(texts)]));
  const summaryModel = new BigramModel(seed.entries.map((entry) => entry.summary));
  const headlineWords = seed.entries.flatMap((entry) => entry.headline.split(/\s+/));
  const titleModel = new BigramModel(seed.entries.flatMap((entry) => (entry.paper ? [`${entry.paper.title}.`] : [])));
  const organizations = seed.entries.flatMap((entry) => entry.organizations);
  const entryTopics = seed.entries.map((entry) => entry.topics);
  const kinds = seed.entries.map((entry) => entry.kind);
  const paperUrls = seed.entries.flatMap((entry) => (entry.paper ? [entry.paper.url] : []));
  const inventedOrganizations: string[] = [];
  const averageBody = seed.entries.reduce((sum, entry) => sum + entryBodyText(entry).length, 0) / seed.entries.length;
  const sameAsRate = seed.entries.filter((entry) => entry.paperGroup !== null).length / seed.entries.length / 2;

  const invent = () =>
    random() < 0.02 ? (random() < 0.7 ? inventName(random) : `${(random() * 100).toFixed(1)}%`) : null;
  const issueCount = Math.ceil(size / 30);
  const issues: Issue[] = [];
  const entries: Entry[] = [];
  const newest = new Date(Date.UTC(2024, 10, 2));
  const papers: { entry: Entry; title: string; url: string; arxivId: string | null }[] = [];

  for (let issueIndex = 0; issueIndex < issueCount; issueIndex++) {
    const date = new Date(newest.getTime() - issueIndex * 7 * 86_400_000);
    const issueId = isoDate(date);
    const issue: Issue = {
      id: issueId,
      date: issueId,
      title: `${(MONTH_NAMES[date.getUTCMonth()] ?? '').slice(0, 3)} ${date.getUTCDate()}, ${date.getUTCFullYear()}`,
      entryIds: [],
    };
    const perIssue = Math.min(30, size - entries.length);
    for (let position = 1; position <= perIssue; position++) {
      const headline = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(random, headlineWords))
        .join(' ')
        .replace(/[:.,]$/, '');
      const id = `${issueId}-${
        headline
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 60) || 'entry'
      }-${position}`;
      const kind = pick(random, kinds);
      const published = isoDate(new Date(date.getTime() - Math.floor(random() * 6) * 86_400_000));
      let organizationList = [
        ...new Set(Array.from({ length: 1 + Math.floor(random() * 2.5) }, () => pick(random, organizations))),
      ];
      if (random() < 0.3) {
        if (inventedOrganizations.length < size / 20 || random() < 0.3)
          inventedOrganizations.push(`${inventName(random)} University`);
        organizationList = [...organizationList, pick(random, inventedOrganizations)];
      }
      const reuse = papers.length > 0 && random() < sameAsRate ? pick(random, papers) : null;
      const paperUrl =
        reuse?.url ??
        pick(random, paperUrls).replace(
          /\d{4}\.\d{5}/,
          () =>
            `24${String(1 + Math.floor(random() * 12)).padStart(2, '0')}.${String(Math.floor(random() * 99999)).padStart(5, '0')}`,
        );
      const paper =
        kind === 'paper' || reuse
          ? {
              title: reuse?.title ?? titleModel.sentence(random, 14, invent).replace(/\.$/, ''),
              arxivId: reuse?.arxivId ?? /(\d{4}\.\d{5})/.exec(paperUrl)?.[1] ?? null,
              doi: null,
              url: paperUrl,
            }
          : null;
      const links: EntryLink[] = [];
      if (paper) links.push({ url: paper.url, label: 'paper', kind: 'paper' });
      if (random() < 0.3)
        links.push({
          url: `https://github.com/${inventName(random).toLowerCase()}/${inventName(random).toLowerCase()}`,
          label: 'code',
          kind: 'code',
        });
      if (!paper) links.push({ url: `https://example.com/news/${id}`, label: 'according to', kind: 'article' });
      const topics = pick(random, entryTopics);
      const bodyModel = bodyModels.get(topics[0] ?? 'Other') ?? bodyModels.values().next().value!;
      const bodyText = bodyModel.text(random, averageBody * (0.7 + random() * 0.6), invent);
      const split = bodyText.indexOf(' ', Math.floor(bodyText.length * 0.1));
      const entry: Entry = {
        id,
        issueId,
        position,
        number: position * 2 - 1,
        headline,
        summary: summaryModel.text(random, 180, invent),
        publishedOn: published,
        organizations: organizationList,
        kind,
        paper,
        links,
        body: [
          [
            { type: 'text', text: bodyText.slice(0, split + 1) },
            { type: 'link', text: links[0]!.label, url: links[0]!.url },
            { type: 'text', text: bodyText.slice(split) },
          ],
        ],
        topics,
        paperGroup: null,
        paperConflicts: [],
        related: [],
        source: { file: 'synthetic.txt', line: entries.length + 1 },
        outlet: new URL(links[0]!.url).hostname,
      };
      if (reuse) {
        reuse.entry.paperGroup ??= reuse.entry.id;
        entry.paperGroup = reuse.entry.paperGroup;
      } else if (paper) {
        papers.push({ entry, title: paper.title, url: paper.url, arxivId: paper.arxivId });
      }
      entries.push(entry);
      issue.entryIds.push(id);
    }
    issues.push(issue);
  }
  return { schemaVersion: SCHEMA_VERSION, publication: seed.publication, issues, entries, topics: seed.topics };
}
