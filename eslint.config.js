// ESLint 9 flat config: the recommended JavaScript and typescript-eslint rules
// (syntax-level, so linting needs no type check and stays fast; `npm run
// typecheck` is the type check), with the few settings this code base needs.
// Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextDecoder',
    'TextEncoder',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'structuredClone',
    'globalThis',
    'require',
    'module',
    '__dirname',
    '__filename',
    'AbortController',
    'performance',
    'fetch',
  ].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'test/.tmp/', 'test/fixtures/', 'src/model/org-validator.generated.ts', 'src/model/questions.generated.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a binding kept on purpose (a destructured key left out, a callback's unused argument).
      // Matching control characters is the output sanitiser's job (src/report/safe.ts and every
      // renderer that guards a terminal or CI log), so regexes with them are normal here.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // CommonJS: the launcher and the files the build writes as CommonJS.
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The questionnaire form's script: a plain browser script (inlined into the page by the build), given `D`
    // (the questions' rules) by the script written before it.
    files: ['src/questionnaire/form.js'],
    languageOptions: { ecmaVersion: 2017, sourceType: 'script', globals: { document: 'readonly', Blob: 'readonly', URL: 'readonly', setTimeout: 'readonly', D: 'readonly' } },
  },
  {
    // Tests poke at data shapes on purpose.
    files: ['test/**/*.ts', 'examples/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
