/** Organisation names: split from the body's opening phrase, then canonicalised through data/organizations.json. */

/** One canonical organisation and the ways the newsletter writes it. */
export interface OrganizationAlias {
  name: string;
  aliases: string[];
}

/** Verbs that end the organisation phrase at the start of a body. */
const PHRASE_END =
  /\s+(?:published|released|introduced|announced|launched|unveiled|proposed|presented|shared|developed|open-sourced|is|are|has|have|was|were)\b|\s*\[|,\s*\[|\s+(?:a|an|the)\s+\[/i;

/**
 * The organisation phrase of a body line after its date: `Google, UIUC and Allen Inst for AI`
 * from `Google, UIUC and Allen Inst for AI published a [paper](…)`. Empty when the line opens otherwise.
 */
export function organizationPhrase(afterDate: string): string {
  const end = PHRASE_END.exec(afterDate);
  if (!end || end.index === 0) return '';
  return afterDate.slice(0, end.index).trim();
}

/** Splits a phrase into names: commas, "and", "&", "et al", "etc." and "about N researchers … include …". */
export function splitOrganizations(phrase: string): string[] {
  let text = phrase.replace(/\s+/g, ' ').trim();
  const include = /\binclud(?:e|es|ing)\b\s*:?\s*/i.exec(text);
  if (include) text = text.slice(include.index + include[0].length);
  text = text.replace(/,?\s*\bet al\b\.?/gi, '').replace(/,?\s*\betc\b\.?/gi, '');
  return text
    .split(/\s*,\s*|\s+and\s+|\s+&\s+/i)
    .map((name) =>
      name
        .replace(/^(?:and|the)\s+/i, '')
        .replace(/[.;:]+$/, '')
        .trim(),
    )
    .filter((name) => name.length > 0 && !/^(?:others?|collaborators|partners)$/i.test(name));
}

const EXPANSIONS: Record<string, string> = {
  uni: 'university',
  univ: 'university',
  inst: 'institute',
  tech: 'technology',
  corp: 'corporation',
  co: 'company',
  intl: 'international',
};
const IGNORED_WORDS = new Set(['of', 'de', 'the', 'at', 'for', 'and', 'la', 'du']);

/** A matching key: case, diacritics, punctuation, common abbreviations and small words do not matter. */
export function organizationKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word && !IGNORED_WORDS.has(word))
    .map((word) => EXPANSIONS[word] ?? word)
    .join(' ');
}

/** How many words of running text one organisation name may span when names are looked for in it. */
const MAX_NAME_WORDS = 8;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A word of running text without the punctuation around it or a possessive `’s`: `Google’s,` → `Google`. Trimmed by
 * scanning in from both ends, since a trimming pattern would backtrack over every run of punctuation inside the word.
 */
function bareWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && !LETTER_OR_DIGIT.test(word[start] ?? '')) start += 1;
  while (end > start && !LETTER_OR_DIGIT.test(word[end - 1] ?? '')) end -= 1;
  const bare = word.slice(start, end);
  return /['’][sS]$/.test(bare.slice(-2)) ? bare.slice(0, -2) : bare;
}

/** Canonicalises names through the alias table. */
export class OrganizationCanon {
  private readonly byKey = new Map<string, string>();
  /** Keys written only in capitals in the table (`FAIR`, `MIT`): in running text they count only in capitals. */
  private readonly acronymKeys = new Set<string>();

  constructor(table: readonly OrganizationAlias[]) {
    const written = new Map<string, boolean>();
    for (const { name, aliases } of table) {
      for (const alias of [name, ...aliases]) {
        const key = organizationKey(alias);
        this.byKey.set(key, name);
        const capitals = /^[\p{Lu}\p{N}]+$/u.test(alias);
        written.set(key, (written.get(key) ?? true) && capitals);
      }
    }
    for (const [key, capitals] of written) if (capitals) this.acronymKeys.add(key);
  }

  /** The canonical name, or null when the table does not know the name. */
  lookup(name: string): string | null {
    return this.byKey.get(organizationKey(name)) ?? null;
  }

  /**
   * Canonical names the table knows that occur in running text, in order of first mention, longest match first
   * ("University of Maryland", not "Maryland"). A match starts with a capital or digit, and an acronym must be written
   * in capitals, so "fair" or "apple" in a sentence are not organisations. Linear: each word starts at most
   * {@link MAX_NAME_WORDS} candidate names.
   */
  namesIn(text: string): string[] {
    const words = text.split(/\s+/).map(bareWord);
    const keys = words.map((word) => organizationKey(word));
    const found: string[] = [];
    for (let start = 0; start < words.length; start += 1) {
      const first = words[start] ?? '';
      if (!/^[\p{Lu}\p{N}]/u.test(first)) continue;
      for (let end = Math.min(words.length, start + MAX_NAME_WORDS); end > start; end -= 1) {
        const key = keys
          .slice(start, end)
          .filter((part) => part)
          .join(' ');
        const name = key ? this.byKey.get(key) : undefined;
        if (!name) continue;
        const spelled = words.slice(start, end).join(' ');
        if (this.acronymKeys.has(key) && spelled !== spelled.toUpperCase()) continue;
        if (!found.includes(name)) found.push(name);
        start = end - 1;
        break;
      }
    }
    return found;
  }
}

/** Whether the edit distance of `a` and `b` is at most `limit`; only a band of width 2·limit+1 is computed. */
function withinEditDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1).fill(limit + 1);
    current[0] = i;
    let best = i;
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? limit + 1) + 1,
        (current[j - 1] ?? limit + 1) + 1,
        (previous[j - 1] ?? limit + 1) + cost,
      );
      best = Math.min(best, current[j] ?? limit + 1);
    }
    if (best > limit) return false;
    previous = current;
  }
  return (previous[b.length] ?? limit + 1) <= limit;
}

/** How many sorted neighbours each name is compared with, in each of the two orders. */
const NEIGHBOURS = 8;

/**
 * Pairs of names that are probably one organisation written two ways, for the curator to merge, sorted.
 * Names with the same {@link organizationKey} always pair; names whose keys (5+ characters) are at most two edits
 * apart pair when they are near each other with the keys sorted forwards or backwards, so a typo anywhere but at
 * both ends is found. Time grows as n·log n, never with the number of pairs of names.
 */
export function nearDuplicateOrganizations(names: readonly string[]): [string, string][] {
  const distinct = [...new Set(names)].sort();
  const byKey = new Map<string, string[]>();
  for (const name of distinct) {
    const key = organizationKey(name);
    const group = byKey.get(key);
    if (group) group.push(name);
    else byKey.set(key, [name]);
  }
  const found = new Map<string, [string, string]>();
  const add = (a: string, b: string) => {
    const pair: [string, string] = a < b ? [a, b] : [b, a];
    found.set(`${pair[0]}\n${pair[1]}`, pair);
  };
  // Within a key, and across two close keys, only the first few names pair, so no key can make the pairs quadratic.
  for (const group of byKey.values()) {
    group.forEach((a, i) => {
      for (const b of group.slice(i + 1, i + 1 + NEIGHBOURS)) add(a, b);
    });
  }
  const keys = [...byKey.keys()].filter((key) => key.length >= 5);
  const reversed = new Map(keys.map((key) => [key, [...key].reverse().join('')]));
  const orders = [[...keys].sort(), [...keys].sort((a, b) => compare(reversed.get(a) ?? a, reversed.get(b) ?? b))];
  for (const order of orders) {
    order.forEach((a, i) => {
      for (const b of order.slice(i + 1, i + 1 + NEIGHBOURS)) {
        if (!withinEditDistance(a, b, 2)) continue;
        for (const nameA of byKey.get(a)?.slice(0, NEIGHBOURS) ?? []) {
          for (const nameB of byKey.get(b)?.slice(0, NEIGHBOURS) ?? []) add(nameA, nameB);
        }
      }
    });
  }
  return [...found.values()].sort((x, y) => compare(x[0], y[0]) || compare(x[1], y[1]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
