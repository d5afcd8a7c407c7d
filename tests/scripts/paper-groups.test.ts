// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { build, messages } from './helpers';

/** One issue of `count` entries; `paper(i)` gives the arXiv id and title entry i links to. */
function coverage(count: number, paper: (i: number) => [string, string]): string {
  const lines = ['***Nov 2, 2024***', ''];
  for (let i = 1; i <= count; i += 1) {
    const [arxivId, title] = paper(i);
    lines.push(
      `${i}. ***Coverage number ${i}:  <br>Summary of coverage ${i}.*** <br> <br>`,
      `   Oct 31, MIT published a [paper](https://arxiv.org/pdf/${arxivId}) “${title}”. It works. <br> <br>`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('entries about the same paper', () => {
  it('stores the group once, so the bundle grows linearly however many entries cover one paper', () => {
    const onePaper = (): [string, string] => ['2410.21647', 'One Paper Everyone Covered'];
    const small = build(coverage(500, onePaper));
    const large = build(coverage(5000, onePaper));
    const distinct = build(coverage(500, (i) => [`2410.${String(i).padStart(5, '0')}`, 'One Paper Everyone Covered']));
    expect(messages(large, 'error')).toEqual([]);
    expect(large.bundle?.entries).toHaveLength(5000);
    expect(new Set(large.bundle?.entries.map((entry) => entry.paperGroup))).toEqual(
      new Set([large.bundle?.entries[0]?.id]),
    );
    expect(distinct.bundle?.entries.every((entry) => entry.paperGroup === null)).toBe(true);
    const size = (result: typeof small) => JSON.stringify(result.bundle).length;
    expect(size(small)).toBeLessThan(2 * size(distinct) + 10_000);
    // Ten times the entries, at most a little over ten times the bytes (longer numbers in longer ids).
    expect(size(large)).toBeLessThan(12 * size(small));
  });

  it('never offers an entry about the same paper as related', () => {
    const result = build(
      coverage(4, (i) => (i <= 2 ? ['2410.21647', 'Shared Paper'] : [`2410.0000${i}`, `Other Paper ${i}`])),
    );
    const [first, second] = result.bundle?.entries ?? [];
    expect(first?.paperGroup).toBe(first?.id);
    expect(second?.paperGroup).toBe(first?.id);
    expect(first?.related).not.toContain(second?.id);
    expect(second?.related).not.toContain(first?.id);
  });

  it('reports an arXiv id shared by different titles once, naming each title, and groups the entries that agree', () => {
    const titles = ['Title A', 'Title B', 'Title A', 'Title C', 'Title B', 'Title A'];
    const result = build(coverage(titles.length, (i) => ['2410.21647', titles[i - 1] ?? '']));
    const warnings = messages(result, 'warning').filter((m) => m.includes('arXiv 2410.21647'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('linked by 3 different papers, not merged');
    for (const title of ['Title A', 'Title B', 'Title C']) expect(warnings[0]).toContain(`"${title}"`);
    const groups = result.bundle?.entries.map((entry) => entry.paperGroup);
    const a = '2024-11-02-coverage-number-1';
    const b = '2024-11-02-coverage-number-2';
    expect(groups).toEqual([a, b, a, null, b, a]);
    // Each entry names the entries that give its arXiv id to another paper, so the app can link them.
    const id = (i: number) => `2024-11-02-coverage-number-${i}`;
    expect(result.bundle?.entries.map((entry) => entry.paperConflicts)).toEqual([
      [id(2), id(5), id(4)],
      [id(1), id(3), id(6), id(4)],
      [id(2), id(5), id(4)],
      [id(1), id(3), id(6), id(2), id(5)],
      [id(1), id(3), id(6), id(4)],
      [id(2), id(5), id(4)],
    ]);
  });
});
