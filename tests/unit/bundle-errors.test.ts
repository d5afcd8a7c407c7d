import { describe, expect, it } from 'vitest';
import { BundleError, parseBundle } from '@/shared/bundle';
import { fixtureBundle } from '../support/fixture-bundle';

describe('a malformed archive', () => {
  it('is reported as `path: what was expected`, not as "Invalid input"', () => {
    const broken = { ...fixtureBundle, publication: {}, issues: 5 };
    expect(() => parseBundle(broken)).toThrow(BundleError);
    expect(() => parseBundle(broken)).toThrow(
      'The archive is malformed: publication.name: expected string, received undefined; issues: expected array, received number',
    );
  });

  it('names the entry field and the rule it breaks', () => {
    const [first, ...rest] = fixtureBundle.entries;
    const broken = { ...fixtureBundle, entries: [{ ...first!, kind: 'poem', headline: '' }, ...rest] };
    expect(() => parseBundle(broken)).toThrow(
      'entries.0.headline: expected text, received an empty string; entries.0.kind: expected "paper" or "news" or "blog" or "report" or "release"',
    );
  });
});
