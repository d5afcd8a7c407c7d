// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../scripts/lib/build-archive';
import { countEntryLines } from '../../scripts/lib/parse-newsletter';
import type { Entry } from '../../src/shared/bundle';
import { messages, SEED_FILE, seedTables, seedText, tables } from './helpers';

const result = buildArchive([{ file: SEED_FILE, text: seedText }], seedTables);
const bundle = result.bundle;
const entries = bundle?.entries ?? [];
const byId = new Map(entries.map((entry) => [entry.id, entry]));

function textFields(entry: Entry): string[] {
  return [
    entry.headline,
    entry.summary,
    entry.paper?.title ?? '',
    ...entry.organizations,
    ...entry.links.map((link) => link.label),
    ...entry.body.flat().map((node) => node.text),
  ];
}

describe('the real seed', () => {
  it('builds without errors', () => {
    expect(messages(result, 'error')).toEqual([]);
    expect(bundle).not.toBeNull();
  });

  it('has five issues, newest first, with 29, 24, 29, 37 and 28 entries', () => {
    expect(bundle?.issues.map((issue) => issue.id)).toEqual([
      '2024-11-02',
      '2024-10-27',
      '2024-10-21',
      '2024-10-13',
      '2024-10-06',
    ]);
    expect(bundle?.issues.map((issue) => issue.entryIds.length)).toEqual([29, 24, 29, 37, 28]);
    expect(entries).toHaveLength(147);
    expect(countEntryLines(seedText)).toBe(147);
  });

  it('gives every entry a headline, summary, body, publishedOn and at least one link', () => {
    for (const entry of entries) {
      expect(entry.headline, entry.id).not.toBe('');
      expect(entry.summary, entry.id).not.toBe('');
      expect(entry.body.length, entry.id).toBeGreaterThan(0);
      expect(entry.publishedOn, entry.id).toMatch(/^2024-(09|10|11)-\d\d$/);
      expect(entry.publishedOn <= entry.issueId, entry.id).toBe(true);
      expect(entry.links.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('leaves no markup in text and keeps every "<" the author wrote', () => {
    for (const entry of entries) {
      for (const text of textFields(entry)) {
        expect(text, entry.id).not.toMatch(/\*\*\*|<br|\]\(/i);
      }
    }
    const all = entries.flatMap(textFields).join('\n');
    expect(all).toContain('(p<0.01)');
    expect(all).toContain('(< 24% F-1)');
  });

  it('publishes only clean http(s) links', () => {
    for (const entry of entries) {
      const urls = [
        ...entry.links.map((link) => link.url),
        ...entry.body.flat().flatMap((node) => (node.type === 'link' ? [node.url] : [])),
      ];
      for (const url of urls) {
        expect(url).toMatch(/^https?:\/\//);
        expect(url).not.toMatch(/[?&](utm_|_bhlid|fbclid|mc_)/);
      }
      // Bare URLs lose sentence punctuation; a markdown link's URL is kept as written.
      for (const link of entry.links.filter((l) => l.label.startsWith('http'))) expect(link.url).not.toMatch(/[.,;]$/);
    }
  });

  it('groups entries about the same paper, across issues', () => {
    const groups = new Map<string, Entry[]>();
    for (const entry of entries)
      if (entry.paperGroup !== null) groups.set(entry.paperGroup, [...(groups.get(entry.paperGroup) ?? []), entry]);
    expect([...groups.values()].map((group) => group.map((entry) => entry.id))).toEqual([
      ['2024-11-02-innovations-in-parameter-sharing', '2024-11-02-relaxed-recursive-transformers'],
      ['2024-10-27-scaling-continuous-time-consistency-models', '2024-10-21-continuous-time-consistency-models'],
      ['2024-10-13-intelligence-at-the-edge-of-chaos', '2024-10-06-intelligence-emergence-in-rule-based-systems'],
    ]);
    const consistency = entries.find(
      (entry) => entry.paper?.arxivId === '2410.11081' && entry.issueId === '2024-10-27',
    );
    const others = entries.filter((entry) => entry !== consistency && entry.paperGroup === consistency?.paperGroup);
    expect(others.map((entry) => entry.issueId)).toEqual(['2024-10-21']);
  });

  it('without data/corrections.json, does not merge entries that share an arXiv id but name different papers', () => {
    const uncorrected = buildArchive([{ file: SEED_FILE, text: seedText }], tables);
    const sharing = uncorrected.bundle?.entries.filter((entry) => entry.paper?.arxivId === '2410.01748') ?? [];
    expect(sharing).toHaveLength(2);
    expect(sharing.every((entry) => entry.paperGroup === null)).toBe(true);
    expect(sharing.map((entry) => entry.paperConflicts)).toEqual([[sharing[1]?.id], [sharing[0]?.id]]);
    const warning = messages(uncorrected, 'warning').find((m) => m.includes('arXiv 2410.01748'));
    expect(warning).toContain('Not All LLM Reasoners Are Created Equal');
    expect(warning).toContain('Improving Autonomous AI Agents with Reflective Tree Search and Self-Learning');
    expect(messages(uncorrected, 'warning').filter((m) => m.includes('different papers'))).toHaveLength(3);
  });

  it('with data/corrections.json, links no arXiv id to two papers and reports each correction it applied', () => {
    expect(messages(result, 'warning').filter((m) => m.includes('different papers'))).toEqual([]);
    expect(entries.filter((entry) => entry.paperConflicts.length > 0)).toEqual([]);
    const paperOf = (issueId: string, number: number) =>
      entries.find((entry) => entry.issueId === issueId && entry.number === number)?.paper;
    expect(paperOf('2024-10-21', 27)?.arxivId).toBe('2407.14562');
    expect(paperOf('2024-10-21', 35)?.arxivId).toBe('2410.10630');
    expect(paperOf('2024-10-06', 9)?.arxivId).toBe('2410.02762');
    expect(paperOf('2024-10-06', 11)).toMatchObject({
      arxivId: '2410.02525',
      title: 'Contextual Document Embeddings',
      url: 'https://arxiv.org/abs/2410.02525',
    });
    expect(paperOf('2024-10-06', 21)?.arxivId).toBe('2410.01748');
    expect(paperOf('2024-10-06', 29)?.arxivId).toBe('2410.02052');
    expect(paperOf('2024-10-27', 47)).toMatchObject({
      title: 'GPTs and Hallucination: Why do large language models hallucinate?',
      doi: '10.1145/3688007',
    });
    const applied = messages(result, 'info').filter((m) => m.includes(': info: corrected '));
    expect(applied).toHaveLength(6);
    expect(applied).toContain(
      `${SEED_FILE}:412: info: corrected paper.arxivId of entry 11 (2024-10-06-contextual-document-embeddings-for-neural-retrieval) from "2410.02762" to "2410.02525", checked against https://arxiv.org/abs/2410.02525 (data/corrections.json:12)`,
    );
    expect(messages(result, 'warning').filter((m) => m.startsWith('data/corrections.json'))).toEqual([]);
  });

  it('moves the stray line of entry 33 (Oct 6) to entry 31 as its headline, keeping both ids', () => {
    const byNumber = (number: number) =>
      entries.find((entry) => entry.issueId === '2024-10-06' && entry.number === number);
    const helpSteer = byNumber(31);
    const vinePpo = byNumber(33);
    expect(helpSteer?.headline).toBe('Reward modeling comparison and combination');
    expect(helpSteer?.paper?.title).toBe('HelpSteer2-Preference: Complementing Ratings with Preferences');
    expect(helpSteer?.id).toBe('2024-10-06-helpsteer2-preference-complementing-ratings-with-preferences');
    expect(vinePpo?.summary).toMatch(/mechanisms in reinforcement learning for LLMs\.$/);
    expect(vinePpo?.id).toBe('2024-10-06-enhancing-credit-assignment-in-complex-reasoning-tasks');
    const retired = messages(result).filter((m) => /stray line inside .* entry 33|entry 31 has no headline/.test(m));
    expect(retired).toEqual([]);
  });

  it('reads paper titles across a venue phrase and DOIs from the paper link', () => {
    const paperOf = (issueId: string, number: number) =>
      entries.find((entry) => entry.issueId === issueId && entry.number === number)?.paper;
    expect(paperOf('2024-10-27', 9)).toEqual({
      title: 'Scalable watermarking for identifying large language model outputs',
      arxivId: null,
      doi: '10.1038/s41586-024-08025-4',
      url: 'https://www.nature.com/articles/s41586-024-08025-4',
    });
    expect(paperOf('2024-10-13', 49)?.title).toBe(
      'Initialization of Large Language Models via Reparameterization to Mitigate Loss Spikes',
    );
    // Every paper title is one the body quotes, but the one that data/corrections.json supplies.
    const untitled = entries.filter(
      (entry) => entry.paper && !entry.body.flat().some((node) => node.text.includes(entry.paper?.title ?? '')),
    );
    expect(untitled.map((entry) => entry.id)).toEqual(['2024-10-27-llms-as-consensus-machines']);
  });

  it('canonicalises organisations and gives every entry a topic', () => {
    const names = new Set(entries.flatMap((entry) => entry.organizations));
    expect(names).toContain('University of Maryland');
    expect(names).not.toContain('Uni Maryland');
    expect(names).not.toContain('UC Berkley');
    expect(names).not.toContain('KAIST AI');
    for (const entry of entries) expect(entry.topics.length, entry.id).toBeGreaterThan(0);
    expect(bundle?.topics.at(-1)).toBe('Other');
  });

  it('names publishers, not publications, as organisations, and finds them in the summary when the body has none', () => {
    expect(entries.flatMap((entry) => entry.organizations)).not.toContain('State of AI Report');
    expect(byId.get('2024-10-13-state-of-ai-report')?.organizations).toEqual(['Air Street Capital']);
    expect(byId.get('2024-11-02-ai-identifies-database-vulnerability')?.organizations).toEqual(['Google']);
    const unnamed = entries.filter((entry) => entry.organizations.length === 0);
    expect(unnamed.map((entry) => entry.id)).toEqual(['2024-10-13-nobel-prize-2024-in-ai-and-physics']);
    expect(messages(result, 'info')).toContain(
      `${SEED_FILE}:279: info: entry 3 (2024-10-13-nobel-prize-2024-in-ai-and-physics) has no organisation: its body names none before its first link, and its headline and summary name none that data/organizations.json knows`,
    );
  });

  it('offers up to five related entries, never the entry itself', () => {
    for (const entry of entries) {
      expect(entry.related.length).toBeLessThanOrEqual(5);
      expect(entry.related).not.toContain(entry.id);
      for (const id of entry.related) expect(byId.has(id)).toBe(true);
    }
  });

  it('keeps entry ids stable when another issue is added or removed', () => {
    const newestOnly = seedText.slice(0, seedText.indexOf('***Oct 27***'));
    const smaller = buildArchive([{ file: SEED_FILE, text: newestOnly }], tables);
    const firstIssueIds = bundle?.issues[0]?.entryIds;
    expect(smaller.bundle?.issues[0]?.entryIds).toEqual(firstIssueIds);
    const extra = `***Nov 9, 2024***\n\n1. ***Extra:  <br>An extra issue.*** <br>\n   Nov 8, MIT published a [paper](https://arxiv.org/pdf/2411.00001) “Extra”.\n\n`;
    const larger = buildArchive([{ file: SEED_FILE, text: extra + seedText }], tables);
    expect(larger.bundle?.issues[1]?.entryIds).toEqual(firstIssueIds);
  });
});
