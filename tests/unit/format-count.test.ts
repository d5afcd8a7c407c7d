import { describe, expect, it } from 'vitest';
import { formatCount } from '@/lib/format-count';

describe('formatCount', () => {
  it('writes counts as en-US does, with thousands separators', () => {
    for (const count of [0, 7, 999, 1000, 12345, 147, 50000, 1234567, -4200]) {
      expect(formatCount(count)).toBe(count.toLocaleString('en-US'));
    }
  });
});
