/** The text model both synthetic archives grow from the seed: word bigrams and invented names. */

/** A seeded random number generator, as scripts/lib/random.ts makes. */
export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A word-bigram text model: each word maps to the words seen after it, with repeats, so frequency is kept. */
export class BigramModel {
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[] = [];

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        const words = sentence.split(/\s+/).filter((word) => word && !/^https?:/i.test(word));
        if (words.length < 3) continue;
        this.starts.push(words[0] ?? '');
        for (let i = 0; i < words.length - 1; i += 1) {
          const word = words[i] ?? '';
          const followers = this.next.get(word);
          if (followers) followers.push(words[i + 1] ?? '');
          else this.next.set(word, [words[i + 1] ?? '']);
        }
      }
    }
  }

  sentence(random: Random, maxWords: number, invent: () => string | null): string {
    let word = pick(random, this.starts);
    const words = [word];
    while (words.length < maxWords) {
      const followers = this.next.get(word);
      if (!followers || /[.!?]$/.test(word)) break;
      word = pick(random, followers);
      words.push(invent() ?? word);
    }
    const text = words.join(' ');
    return /[.!?]$/.test(text) ? text : `${text.replace(/[,;:]$/, '')}.`;
  }

  /** Sentences until about `length` characters. */
  text(random: Random, length: number, invent: () => string | null): string {
    const sentences: string[] = [];
    let total = 0;
    while (total < length) {
      const sentence = this.sentence(random, 40, invent);
      sentences.push(sentence);
      total += sentence.length + 1;
    }
    return sentences.join(' ');
  }
}

const SYLLABLES = [
  'ka',
  'lo',
  'ra',
  'vin',
  'to',
  'mex',
  'qua',
  'zor',
  'sel',
  'dra',
  'nu',
  'fi',
  'gen',
  'lux',
  'ber',
  'tal',
  'os',
  'pri',
  'ven',
  'ix',
];

/** An invented word such as `Zorvinta`: new vocabulary, as each week brings new model, dataset and lab names. */
export function inventWord(random: Random): string {
  let word = '';
  for (let i = 2 + Math.floor(random() * 2); i > 0; i -= 1) word += pick(random, SYLLABLES);
  return word.charAt(0).toUpperCase() + word.slice(1);
}
