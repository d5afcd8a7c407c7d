/** The benchmark's fixed query set: what people type, including half-typed words, typos, phrases and facet-only browsing. */
import type { ArchiveBundle } from '@/shared/bundle';
import type { FacetSelection } from '@/features/search/lib/facets';

/** One keystroke's request: the query text as typed and any selected facets. */
export interface BenchQuery {
  q: string;
  selection?: FacetSelection;
}

const WORDS = [
  'transformer',
  'reasoning',
  'agents',
  'diffusion',
  'memory',
  'retrieval',
  'alignment',
  'quantization',
  'attention',
  'google',
  'montreal',
  'hallucination',
  'watermark',
  'jailbreak',
];
const TWO_WORDS = [
  'mixture experts',
  'language model',
  'code generation',
  'reinforcement learning',
  'video generation',
  'long context',
  'vision language',
  'small models',
];
/** Half-typed words: the last word of a query is matched as a prefix. */
const PREFIXES = ['tr', 'mix', 'reas', 'bench', 'gra', 'emb', 'diff', 'qua', 'lan', 'halluc'];
const TYPOS = [
  'transfromer',
  'reasonning',
  'benchmrak',
  'difusion',
  'embeding',
  'alignmnet',
  'quantisation',
  'halucination',
];
const PHRASES = [
  '"large language models"',
  '"mixture of experts"',
  '"code generation"',
  '"reinforcement learning"',
  '"chain-of-thought"',
];
const SYNTAX = ['model -language', 'agents -web', 'org:google reasoning', 'topic:agents memory'];

/** About fifty queries; facet values are ones every corpus has (synthetic archives reuse the seed's). */
export function BENCH_QUERIES(seed: ArchiveBundle): BenchQuery[] {
  const newestIssue = seed.issues[0]?.id ?? '';
  const month = newestIssue.slice(0, 7);
  return [
    ...[...WORDS, ...TWO_WORDS, ...PREFIXES, ...TYPOS, ...PHRASES, ...SYNTAX].map((q) => ({ q })),
    { q: '', selection: { org: ['Google'] } },
    { q: '', selection: { topic: ['Agents'], kind: ['paper'] } },
    { q: '', selection: { code: ['1'] } },
    { q: '', selection: { issue: [newestIssue] } },
    { q: '', selection: { month: [month], source: ['arXiv'] } },
    { q: 'reasoning', selection: { topic: ['Reasoning'] } },
    { q: 'model', selection: { org: ['Google', 'Meta'], code: ['1'] } },
  ];
}
