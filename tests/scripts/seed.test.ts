// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../scripts/lib/build-archive';
import { countEntryLines } from '../../scripts/lib/parse-newsletter';
import type { Entry } from '../../src/shared/bundle';
import { messages, SEED_FILE, seedText, tables } from './helpers';

const result = buildArchive([{ file: SEED_FILE, text: seedText }], tables);
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

  it('does not merge entries that share an arXiv id but name different papers, and warns naming both', () => {
    const sharing = entries.filter((entry) => entry.paper?.arxivId === '2410.01748');
    expect(sharing).toHaveLength(2);
    expect(sharing.every((entry) => entry.paperGroup === null)).toBe(true);
    const warning = messages(result, 'warning').find((m) => m.includes('arXiv 2410.01748'));
    expect(warning).toContain('Not All LLM Reasoners Are Created Equal');
    expect(warning).toContain('Improving Autonomous AI Agents with Reflective Tree Search and Self-Learning');
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
