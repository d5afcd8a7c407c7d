/**
 * A small but realistic archive for component and e2e tests: three issues, nine entries,
 * arXiv and non-arXiv items, a paper covered twice (one paperGroup), related ids and canonical organisations.
 */
import { parseBundle, SCHEMA_VERSION, type ArchiveBundle, type Entry, type Issue } from '../../src/shared/bundle';

type EntryInput = Omit<Entry, 'position' | 'source' | 'issueId'> & { source?: Entry['source'] };

function issueEntries(issueId: string, inputs: EntryInput[], firstLine: number): Entry[] {
  return inputs.map((input, index) => ({
    ...input,
    issueId,
    position: index + 1,
    source: input.source ?? { file: 'neural-frontier-2024-09-to-11.txt', line: firstLine + index * 3 },
  }));
}

const nov02 = issueEntries(
  '2024-11-02',
  [
    {
      id: '2024-11-02-ai-identifies-database-vulnerability',
      number: 1,
      headline: 'AI Identifies Database Vulnerability',
      summary:
        'Google’s AI project “Big Sleep” discovered a previously unknown bug in SQLite, showing that AI agents can find real software vulnerabilities.',
      publishedOn: '2024-11-02',
      organizations: ['Google'],
      kind: 'news',
      paper: null,
      links: [
        {
          url: 'https://au.pcmag.com/ai/108079/googles-big-sleep-ai-project-uncovers-real-software-vulnerabilities',
          label: 'according to PCMag',
          kind: 'article',
        },
      ],
      body: [
        [
          { type: 'text', text: 'Nov 2, ' },
          {
            type: 'link',
            text: 'according to PCMag',
            url: 'https://au.pcmag.com/ai/108079/googles-big-sleep-ai-project-uncovers-real-software-vulnerabilities',
          },
          {
            type: 'text',
            text: ', Google’s AI project “Big Sleep” recently discovered a previously unknown and exploitable bug in SQLite. This marks the first public instance of an AI agent identifying a new memory-safety issue in widely used software.',
          },
        ],
        [
          {
            type: 'text',
            text: 'Designed to mimic human security researchers, Big Sleep performed a root-cause analysis by triggering and investigating the bug. <script>alert("not html")</script>',
          },
        ],
      ],
      topics: ['Agents', 'Safety & Security'],
      paperGroup: null,
      paperConflicts: [],
      outlet: 'PCMag',
      related: ['2024-10-21-agents-that-browse'],
    },
    {
      id: '2024-11-02-benchmarking-code-generation',
      number: 3,
      headline: 'Benchmarking Code Generation',
      summary:
        'Purdue University introduced REPOCOD, a code generation benchmark on which no model exceeded 30% pass@1.',
      publishedOn: '2024-10-31',
      organizations: ['Purdue University'],
      kind: 'paper',
      paper: {
        title: 'Can Language Models Replace Programmers? REPOCOD Says ‘Not Yet’',
        arxivId: '2410.21647',
        doi: null,
        url: 'https://arxiv.org/pdf/2410.21647',
      },
      links: [
        { url: 'https://arxiv.org/pdf/2410.21647', label: 'paper', kind: 'paper' },
        { url: 'https://github.com/lt-asset/REPOCOD', label: 'code', kind: 'code' },
        { url: 'https://huggingface.co/datasets/lt-asset/REPOCOD', label: 'dataset', kind: 'dataset' },
      ],
      body: [
        [
          { type: 'text', text: 'Oct 31, Purdue Uni published a ' },
          { type: 'link', text: 'paper', url: 'https://arxiv.org/pdf/2410.21647' },
          {
            type: 'text',
            text: ' “Can Language Models Replace Programmers? REPOCOD Says ‘Not Yet’”. REPOCOD has 980 problems collected from 11 popular real-world projects, more than 58% of which need file-level or repository-level context. The code is at ',
          },
          { type: 'link', text: 'github.com/lt-asset/REPOCOD', url: 'https://github.com/lt-asset/REPOCOD' },
          { type: 'text', text: '.' },
        ],
      ],
      topics: ['Code', 'Benchmarks & Evaluation'],
      paperGroup: null,
      paperConflicts: [],
      outlet: 'arXiv',
      related: ['2024-10-27-read-me-router-decoupled-moe', '2024-11-02-mixture-of-experts-as-embedding-models'],
    },
    {
      id: '2024-11-02-layer-gradients-in-llms',
      number: 5,
      headline: 'Layer Gradients in LLMs',
      summary:
        'A University of Maryland study found that slow thinking leads to more stable gradients across layers during training.',
      publishedOn: '2024-10-31',
      organizations: ['University of Maryland'],
      kind: 'paper',
      paper: {
        title: 'What Happened in LLMs Layers when Trained for Fast vs. Slow Thinking: A Gradient Perspective',
        arxivId: '2410.23743',
        doi: null,
        url: 'https://arxiv.org/pdf/2410.23743',
      },
      links: [{ url: 'https://arxiv.org/pdf/2410.23743', label: 'paper', kind: 'paper' }],
      body: [
        [
          { type: 'text', text: 'Oct 31, Uni of Maryland published a ' },
          { type: 'link', text: 'paper', url: 'https://arxiv.org/pdf/2410.23743' },
          { type: 'text', text: ' about gradient patterns of fast and slow thinking.' },
        ],
      ],
      topics: ['Reasoning', 'Training'],
      paperGroup: null,
      paperConflicts: [],
      outlet: 'arXiv',
      related: ['2024-11-02-mixture-of-experts-as-embedding-models'],
    },
    {
      id: '2024-11-02-mixture-of-experts-as-embedding-models',
      number: 11,
      headline: 'Mixture-of-Experts as Embedding Models',
      summary:
        'The University of Maryland showed that MoE LLMs can serve as embedding models without fine-tuning, combining routing weights and hidden states.',
      publishedOn: '2024-10-30',
      organizations: ['University of Maryland'],
      kind: 'paper',
      paper: {
        title: 'Your Mixture-of-Experts LLM Is Secretly an Embedding Model For Free',
        arxivId: '2410.10814',
        doi: null,
        url: 'https://arxiv.org/abs/2410.10814',
      },
      links: [
        { url: 'https://arxiv.org/abs/2410.10814', label: 'paper', kind: 'paper' },
        { url: 'https://github.com/tianyi-lab/MoE-Embedding', label: 'code', kind: 'code' },
      ],
      body: [
        [
          { type: 'text', text: 'The Uni of Maryland published a ' },
          { type: 'link', text: 'paper', url: 'https://arxiv.org/abs/2410.10814' },
          { type: 'text', text: ' proposing MoEE, which combines expert routing weights with hidden states.' },
        ],
      ],
      topics: ['Mixture of Experts', 'Retrieval & Embeddings'],
      paperGroup: '2024-11-02-mixture-of-experts-as-embedding-models',
      paperConflicts: [],
      outlet: 'arXiv',
      related: [
        '2024-10-27-read-me-router-decoupled-moe',
        '2024-10-27-mixture-of-parrots',
        '2024-11-02-layer-gradients-in-llms',
      ],
    },
  ],
  2,
);

const oct27 = issueEntries(
  '2024-10-27',
  [
    {
      id: '2024-10-27-mixture-of-parrots',
      number: 53,
      headline: 'Mixture of Parrots',
      summary: 'MoE architectures excel at memorisation, but their reasoning capabilities may not scale the same way.',
      publishedOn: '2024-10-24',
      organizations: ['Harvard University', 'MIT', 'Microsoft'],
      kind: 'paper',
      paper: {
        title: 'Mixture of Parrots: Experts improve memorization more than reasoning',
        arxivId: '2410.19034',
        doi: null,
        url: 'https://arxiv.org/pdf/2410.19034',
      },
      links: [{ url: 'https://arxiv.org/pdf/2410.19034', label: 'paper', kind: 'paper' }],
      body: [
        [
          { type: 'text', text: 'Oct 24, Harvad Uni, MIT and Microsoft published a ' },
          { type: 'link', text: 'paper', url: 'https://arxiv.org/pdf/2410.19034' },
          {
            type: 'text',
            text: ' “Mixture of Parrots”. As the number of experts grows, memorisation keeps improving while reasoning saturates.',
          },
        ],
      ],
      topics: ['Mixture of Experts', 'Reasoning'],
      paperGroup: null,
      paperConflicts: [],
      outlet: 'arXiv',
      related: ['2024-10-27-read-me-router-decoupled-moe', '2024-11-02-mixture-of-experts-as-embedding-models'],
    },
    {
      id: '2024-10-27-read-me-router-decoupled-moe',
      number: 57,
      headline: 'Read-ME: Router-Decoupled Mixture of Experts',
      summary:
        'A framework that turns dense LLMs into efficient MoE models with a pre-gating router, improving latency and accuracy.',
      publishedOn: '2024-10-24',
      organizations: ['University of Texas at Austin', 'Qualcomm'],
      kind: 'paper',
      paper: {
        title: 'Read-ME: Refactorizing LLMs as Router-Decoupled Mixture of Experts with System Co-Design',
        arxivId: '2410.19123',
        doi: null,
        url: 'https://arxiv.org/pdf/2410.19123',
      },
      links: [
        { url: 'https://arxiv.org/pdf/2410.19123', label: 'paper', kind: 'paper' },
        { url: 'https://github.com/VITA-Group/READ-ME', label: 'code', kind: 'code' },
      ],
      body: [
        [
          { type: 'text', text: 'Oct 24, The Uni of Texas at Austin and Qualcomm AI Research published a ' },
          { type: 'link', text: 'paper', url: 'https://arxiv.org/pdf/2410.19123' },
          { type: 'text', text: '. Codes are available at: ' },
          { type: 'link', text: 'https://github.com/VITA-Group/READ-ME', url: 'https://github.com/VITA-Group/READ-ME' },
          { type: 'text', text: '.' },
        ],
      ],
      topics: ['Mixture of Experts', 'Efficiency'],
      paperGroup: null,
      paperConflicts: [],
      outlet: 'arXiv',
      related: ['2024-10-27-mixture-of-parrots', '2024-11-02-mixture-of-experts-as-embedding-models'],
    },
    {
      id: '2024-10-27-open-weights-multimodal-release',
      number: 2,
      headline: 'Open-Weights Multimodal Model Released',
      summary: 'Meta released an open-weights vision-language model with a permissive licence and a model card.',
      publishedOn: '2024-10-25',
      organizations: ['Meta'],
      kind: 'release',
      paper: null,
      links: [
        { url: 'https://huggingface.co/meta-llama/Llama-3.2-11B-Vision', label: 'model', kind: 'model' },
        {
          url: 'https://ai.meta.com/blog/llama-3-2-connect-2024-vision-edge-mobile-devices/',
          label: 'blog',
          kind: 'project',
        },
      ],
      body: [
        [
          { type: 'text', text: 'Meta published the ' },
          { type: 'link', text: 'model weights', url: 'https://huggingface.co/meta-llama/Llama-3.2-11B-Vision' },
          { type: 'text', text: ' together with a ' },
          {
            type: 'link',
            text: 'blog post',
            url: 'https://ai.meta.com/blog/llama-3-2-connect-2024-vision-edge-mobile-devices/',
          },
          { type: 'text', text: '.' },
        ],
      ],
      topics: ['Multimodal', 'Open Models'],
      paperGroup: null,
      paperConflicts: [],
      outlet: 'Hugging Face',
      related: [],
    },
  ],
  80,
);

const oct21 = issueEntries(
  '2024-10-21',
  [
    {
      id: '2024-10-21-moe-llms-as-embedding-models',
      number: 11,
      headline: 'MoE LLMs Double as Embedding Models',
      summary: 'Routing weights of Mixture-of-Experts LLMs carry useful embedding signal without any fine-tuning.',
      publishedOn: '2024-10-14',
      organizations: ['University of Maryland'],
      kind: 'paper',
      paper: {
        title: 'Your Mixture-of-Experts LLM Is Secretly an Embedding Model For Free',
        arxivId: '2410.10814',
        doi: null,
        url: 'https://arxiv.org/pdf/2410.10814',
      },
      links: [{ url: 'https://arxiv.org/pdf/2410.10814', label: 'paper', kind: 'paper' }],
      body: [
        [
          { type: 'text', text: 'Oct 14, Uni of Maryland published a ' },
          { type: 'link', text: 'paper', url: 'https://arxiv.org/pdf/2410.10814' },
          { type: 'text', text: ' on MoE routing weights as embeddings.' },
        ],
      ],
      topics: ['Mixture of Experts', 'Retrieval & Embeddings'],
      paperGroup: '2024-11-02-mixture-of-experts-as-embedding-models',
      paperConflicts: [],
      outlet: 'arXiv',
      related: ['2024-11-02-mixture-of-experts-as-embedding-models', '2024-10-27-mixture-of-parrots'],
    },
    {
      id: '2024-10-21-agents-that-browse',
      number: 4,
      headline: 'Agents That Browse the Web',
      summary: 'Anthropic released a computer-use capability that lets a model operate a desktop through screenshots.',
      publishedOn: '2024-10-22',
      organizations: ['Anthropic'],
      kind: 'blog',
      paper: null,
      links: [{ url: 'https://www.anthropic.com/news/developing-computer-use', label: 'announced', kind: 'article' }],
      body: [
        [
          { type: 'text', text: 'Oct 22, Anthropic ' },
          { type: 'link', text: 'announced', url: 'https://www.anthropic.com/news/developing-computer-use' },
          { type: 'text', text: ' a computer-use capability in public beta.' },
        ],
      ],
      topics: ['Agents'],
      paperGroup: null,
      paperConflicts: [],
      outlet: 'Anthropic',
      related: ['2024-11-02-ai-identifies-database-vulnerability'],
    },
  ],
  180,
);

function issue(id: string, title: string, entries: Entry[]): Issue {
  return { id, date: id, title, entryIds: entries.map((entry) => entry.id) };
}

/** A valid three-issue archive (newest first) that passes {@link parseBundle}. */
export const fixtureBundle: ArchiveBundle = parseBundle({
  schemaVersion: SCHEMA_VERSION,
  publication: { name: 'Neural Frontier' },
  issues: [
    issue('2024-11-02', 'Nov 2, 2024', nov02),
    issue('2024-10-27', 'Oct 27, 2024', oct27),
    issue('2024-10-21', 'Oct 21, 2024', oct21),
  ],
  entries: [...nov02, ...oct27, ...oct21],
  topics: [
    'Agents',
    'Benchmarks & Evaluation',
    'Code',
    'Efficiency',
    'Mixture of Experts',
    'Multimodal',
    'Open Models',
    'Reasoning',
    'Retrieval & Embeddings',
    'Safety & Security',
    'Training',
    'Other',
  ],
} satisfies ArchiveBundle);

/** A deep copy of the fixture, optionally changed, for tests that need a variant. */
export function makeFixtureArchive(change?: (bundle: ArchiveBundle) => void): ArchiveBundle {
  const copy = structuredClone(fixtureBundle);
  change?.(copy);
  return copy;
}
