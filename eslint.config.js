import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

const root = import.meta.dirname;

/** Each feature is its own zone, so the list is read from the folders rather than kept by hand. */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const LAYERS = 'Imports flow app → features → components → lib → shared; a lower layer never imports a higher one.';

/**
 * Zones for import-x/no-restricted-paths. Paths are resolved (relative and `@/` alike), so an import is judged by the
 * file it reaches, not by how it is spelt.
 */
const zones = [
  { target: './src/shared', from: ['./src/lib', './src/components', './src/features', './src/app'], message: LAYERS },
  { target: './src/lib', from: ['./src/components', './src/features', './src/app'], message: LAYERS },
  { target: './src/components', from: ['./src/features', './src/app'], message: LAYERS },
  { target: './src/features', from: ['./src/app'], message: LAYERS },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'One feature never imports another; compose them in src/app.',
  })),
  {
    target: './scripts',
    from: './src',
    except: ['./shared'],
    message: 'Build-time code (scripts/) may import src/shared only.',
  },
  { target: './src', from: './scripts', message: 'Runtime code (src/) never imports build-time code (scripts/).' },
];

/** The bench measures the app's search engine itself, so it alone may also reach src/features/search/lib. */
const benchZones = zones.map((zone) =>
  zone.target === './scripts' ? { ...zone, except: ['./shared', './features/search/lib'] } : zone,
);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'public/data',
      'node_modules',
      'test-results',
      'playwright-report',
      'artifacts',
      'dev-dist',
      // Deliberately broken (an import cycle); tests/lint/boundaries.test.ts lints them with `ignore: false`.
      'tests/lint/fixtures',
    ],
  },
  {
    files: ['**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: globals.node },
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      // Without these import-x skips .ts/.tsx when it follows imports, and no-cycle sees no edges at all.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Source text is rendered as text, never as HTML.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
    },
  },
  {
    files: ['scripts/bench/**/*.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: benchZones }] },
  },
);
