/**
 * Spelling distance over the index's vocabulary: the terms within a few typos of a word, found by walking MiniSearch's
 * radix tree with one edit-distance row per letter, so whole branches that cannot come close are never visited.
 * A typo is an insertion, a deletion, a substitution or two neighbouring letters swapped (optimal string alignment).
 */

/** A node of MiniSearch's radix tree: edges labelled with strings; the key `''` holds a term's postings. */
export type TermTreeNode = ReadonlyMap<string, unknown>;

const LEAF = '';

/** Terms visited beyond which a walk stops, so a pathological query cannot take long. */
const MAX_RESULTS = 5_000;

/** Longest word worth respelling; longer ones are pasted text, not typed. */
const MAX_WORD_LENGTH = 40;

/**
 * The terms of the tree within `maxDistance` typos of `word`, each with its distance. With `prefix`, a term counts when
 * one of its beginnings is that close (the word is still being typed), and its distance is that beginning's.
 */
export function closeTerms(
  root: TermTreeNode,
  word: string,
  maxDistance: number,
  prefix: boolean,
): Map<string, number> {
  const results = new Map<string, number>();
  const n = word.length;
  if (maxDistance <= 0 || n === 0 || n > MAX_WORD_LENGTH) return results;
  const maxDepth = n + maxDistance;
  // rows[i][j]: typos between the first i letters of the path and the first j letters of the word.
  const rows = Array.from({ length: maxDepth + 1 }, () => new Uint8Array(n + 1));
  for (let j = 0; j <= n; j++) rows[0]![j] = j;
  const path: string[] = [];

  const visit = (node: TermTreeNode, term: string, depth: number, bestPrefix: number): void => {
    for (const [key, child] of node) {
      if (results.size >= MAX_RESULTS) return;
      if (key === LEAF) {
        const distance = prefix ? bestPrefix : depth <= maxDepth ? rows[depth]![n]! : Infinity;
        if (distance <= maxDistance) results.set(term, distance);
        continue;
      }
      let best = bestPrefix;
      let alive = true;
      for (let p = 0, i = depth + 1; p < key.length; p++, i++) {
        // Past the longest term that can still be close: only the terms under an already close beginning remain.
        if (i > maxDepth) {
          alive = prefix && best <= maxDistance;
          break;
        }
        const char = key[p]!;
        path[i - 1] = char;
        const row = rows[i]!;
        const previous = rows[i - 1]!;
        row[0] = i;
        let rowMin = i;
        for (let j = 1; j <= n; j++) {
          let distance = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (char === word[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && char === word[j - 2] && path[i - 2] === word[j - 1])
            distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
          row[j] = distance;
          if (distance < rowMin) rowMin = distance;
        }
        if (prefix && row[n]! < best) best = row[n]!;
        if (rowMin > maxDistance && !(prefix && best <= maxDistance)) {
          alive = false;
          break;
        }
      }
      if (alive) visit(child as TermTreeNode, term + key, depth + key.length, best);
    }
  };
  visit(root, '', 0, Infinity);
  return results;
}

/** Typos between two words (optimal string alignment: a swap of neighbours is one). */
export function typoDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      current[j] = distance;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
