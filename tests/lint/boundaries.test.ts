// @vitest-environment node
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Where the probes below pretend to live; the project service types these not-on-disk files with the app's tsconfig. */
const PROBE_FILES = [
  'src/*/probe.ts',
  'src/*/probe.tsx',
  'src/*/*/probe.ts',
  'src/*/*/*/probe.ts',
  'scripts/probe.ts',
  'scripts/*/probe.ts',
];

/** The project's own config, with ignores off so the deliberately cyclic fixtures are linted too. */
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: path.join(root, 'eslint.config.js'),
  overrideConfig: {
    files: ['**/probe.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: PROBE_FILES,
          defaultProject: 'tsconfig.app.json',
          // Each distinct probe path counts once; the default of 8 is meant for real files on disk.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 32,
        },
        tsconfigRootDir: root,
      },
    },
  },
  ignore: false,
});

/** Lints `code` as if it were the file at `file` (relative to the root), so the path-based zones apply to it. */
async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const messages = result?.messages ?? [];
  // A parse or resolver failure would hide every rule; it must surface as a failed test, not as "nothing reported".
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.map((m) => m.ruleId ?? '');
}

const RESTRICTED = 'import-x/no-restricted-paths';

// Type-aware linting builds the TypeScript program on the first call.
const SLOW = 120_000;

describe('import boundaries', () => {
  it.each([
    [
      'a feature importing another feature by relative path',
      'src/features/theme/lib/probe.ts',
      "import { SearchEngine } from '../../search/lib/search-engine';\nexport const probe = SearchEngine;\n",
    ],
    [
      'a feature importing another feature through @/',
      'src/features/search/lib/probe.ts',
      "import { systemTheme } from '@/features/theme/lib/theme';\nexport const probe = systemTheme;\n",
    ],
    [
      'components importing a feature',
      'src/components/probe.ts',
      "import { SearchEngine } from '@/features/search/lib/search-engine';\nexport const probe = SearchEngine;\n",
    ],
    [
      'lib importing app',
      'src/lib/probe.ts',
      "import { routes } from '../app/router';\nexport const probe = routes;\n",
    ],
    [
      'shared importing lib',
      'src/shared/probe.ts',
      "import { indexArchive } from '@/lib/archive-query';\nexport const probe = indexArchive;\n",
    ],
    [
      'features importing app',
      'src/features/issues/probe.ts',
      "import { routes } from '@/app/router';\nexport const probe = routes;\n",
    ],
    [
      'build-time code importing a feature',
      'scripts/lib/probe.ts',
      "import { systemTheme } from '../../src/features/theme/lib/theme';\nexport const probe = systemTheme;\n",
    ],
    [
      'build-time code importing lib',
      'scripts/probe.ts',
      "import { indexArchive } from '../src/lib/archive-query';\nexport const probe = indexArchive;\n",
    ],
    [
      'runtime code importing build-time code',
      'src/shared/probe.ts',
      "import { BENCH_QUERIES } from '../../scripts/bench/queries';\nexport const probe = BENCH_QUERIES;\n",
    ],
  ])(
    'reports %s',
    async (_name, file, code) => {
      expect(await ruleIds(file, code)).toContain(RESTRICTED);
    },
    SLOW,
  );

  it.each([
    [
      'a feature importing its own files, shared, lib and components',
      'src/features/theme/lib/probe.ts',
      "import { systemTheme } from '../lib/theme';\nimport { SCHEMA_VERSION } from '@/shared/bundle';\nimport { indexArchive } from '@/lib/archive-query';\nimport { entryPath } from '@/components/entry/paths';\nexport const probe = [systemTheme, SCHEMA_VERSION, indexArchive, entryPath];\n",
    ],
    [
      'app importing features',
      'src/app/probe.ts',
      "import { SearchEngine } from '@/features/search/lib/search-engine';\nimport { systemTheme } from '../features/theme/lib/theme';\nexport const probe = [SearchEngine, systemTheme];\n",
    ],
    [
      'build-time code importing shared',
      'scripts/lib/probe.ts',
      "import { SCHEMA_VERSION } from '../../src/shared/bundle';\nexport const probe = SCHEMA_VERSION;\n",
    ],
    [
      'the bench importing the search engine it measures',
      'scripts/bench/probe.ts',
      "import { SearchEngine } from '../../src/features/search/lib/search-engine';\nexport const probe = SearchEngine;\n",
    ],
  ])(
    'allows %s',
    async (_name, file, code) => {
      expect(await ruleIds(file, code)).toEqual([]);
    },
    SLOW,
  );

  it(
    'reports an import cycle',
    async () => {
      const results = await eslint.lintFiles([path.join(root, 'tests/lint/fixtures/cycle-a.ts')]);
      expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('import-x/no-cycle');
    },
    SLOW,
  );
});

describe('type-aware rules', () => {
  it(
    'reports a promise that is neither awaited nor handled',
    async () => {
      const code = 'declare function save(): Promise<void>;\nexport function onClick(): void {\n  save();\n}\n';
      expect(await ruleIds('src/lib/probe.ts', code)).toContain('@typescript-eslint/no-floating-promises');
    },
    SLOW,
  );

  it(
    'accepts the same promise when it is explicitly handled',
    async () => {
      const code =
        'declare function save(): Promise<void>;\nexport function onClick(): void {\n  save().catch(() => undefined);\n}\n';
      expect(await ruleIds('src/lib/probe.ts', code)).toEqual([]);
    },
    SLOW,
  );
});

describe('rendering source text', () => {
  it(
    'reports dangerouslySetInnerHTML',
    async () => {
      const code =
        'export function Probe({ html }: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: html }} />;\n}\n';
      expect(await ruleIds('src/components/probe.tsx', code)).toContain('no-restricted-syntax');
    },
    SLOW,
  );
});
