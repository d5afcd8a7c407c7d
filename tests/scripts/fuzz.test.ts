// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../scripts/lib/build-archive';
import { countEntryLines, splitLines } from '../../scripts/lib/parse-newsletter';
import { createRandom } from '../../scripts/lib/random';
import { SEED_FILE, seedText, tables } from './helpers';

function mutate(text: string, seed: number): string {
  const next = createRandom(seed);
  const lines = splitLines(text);
  const edits = 1 + Math.floor(next() * 6);
  for (let i = 0; i < edits; i += 1) {
    const at = Math.floor(next() * lines.length);
    const line = lines[at] ?? '';
    const choice = next();
    if (choice < 0.34) lines.splice(at, 1);
    else if (choice < 0.67) lines.splice(at, 0, line);
    else lines[at] = line.slice(0, Math.floor(next() * line.length));
  }
  return lines.join('\n');
}

describe('fuzzing the seed (delete, duplicate or truncate lines)', () => {
  const SEEDS = Array.from({ length: 120 }, (_, i) => i + 1);

  it.each(SEEDS)('seed %i: builds every entry line or fails with file:line errors', (seed) => {
    const text = mutate(seedText, seed);
    const result = buildArchive([{ file: SEED_FILE, text }], tables);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (result.bundle) {
      expect(errors).toEqual([]);
      expect(result.bundle.entries.length).toBe(countEntryLines(text));
    } else {
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.file).toBe(SEED_FILE);
        expect(error.line).toBeGreaterThanOrEqual(1);
        expect(error.line).toBeLessThanOrEqual(splitLines(text).length);
      }
    }
  });
});
