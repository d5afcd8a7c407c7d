/** Organisation names: split from the body's opening phrase, then canonicalised through data/organizations.json. */

/** One canonical organisation and the ways the newsletter writes it. */
export interface OrganizationAlias {
  name: string;
  aliases: string[];
}

/** Verbs that end the organisation phrase at the start of a body. */
const PHRASE_END = /\s+(?:published|released|introduced|announced|launched|unveiled|proposed|presented|shared|developed|open-sourced|is|are|has|have|was|were)\b|\s*\[|,\s*\[|\s+(?:a|an|the)\s+\[/i;

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
    .map((name) => name.replace(/^(?:and|the)\s+/i, '').replace(/[.;:]+$/, '').trim())
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

/** Canonicalises names through the alias table. */
export class OrganizationCanon {
  private readonly byKey = new Map<string, string>();

  constructor(table: readonly OrganizationAlias[]) {
    for (const { name, aliases } of table) {
      for (const alias of [name, ...aliases]) this.byKey.set(organizationKey(alias), name);
    }
  }

  /** The canonical name, or null when the table does not know the name. */
  lookup(name: string): string | null {
    return this.byKey.get(organizationKey(name)) ?? null;
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** Pairs of names that are probably one organisation written two ways, for the curator to merge. */
export function nearDuplicateOrganizations(names: readonly string[]): [string, string][] {
  const sorted = [...new Set(names)].sort();
  const keys = sorted.map(organizationKey);
  const pairs: [string, string][] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length; j += 1) {
      const a = keys[i] ?? '';
      const b = keys[j] ?? '';
      const close = Math.min(a.length, b.length) >= 5 && editDistance(a, b) <= 2;
      if (a === b || close) pairs.push([sorted[i] ?? '', sorted[j] ?? '']);
    }
  }
  return pairs;
}
