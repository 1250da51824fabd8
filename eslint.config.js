// Lint for the whole tree (`npm run lint`, part of `npm test`, zero warnings allowed).
// Type-checked rules from typescript-eslint over both tsconfigs (Node side and renderer);
// import boundaries are dependency-cruiser's job (.dependency-cruiser.cjs).
import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.electron-native/**',
      '.bench/**',
      'db/migrations/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/ban-ts-comment': 'error',
      // Fastify handlers and tRPC resolvers are async by contract, awaiting or not.
      '@typescript-eslint/require-await': 'off',
      // Services are object literals of closures (no `this`), so passing a method is safe.
      '@typescript-eslint/unbound-method': 'off',
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      // The one validated configuration module reads the environment; nothing else does.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through electron/core/config.ts.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The configuration module itself, and tools that are not the app: tests, benches, scripts.
    files: ['electron/core/config.ts', 'tests/**', 'bench/**', 'scripts/**', '*.config.{ts,js,mjs,cjs}'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests read JSON off the wire: its shape is what they assert, not what the compiler knows.
    // Production code has neither `any` nor unsafe access.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Playwright finds a fixture's dependencies by its destructuring pattern: `{}` means none.
    files: ['tests/e2e/**', 'tests/electron/**'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    // The CSP test must build code from a string in the page: that is what the policy forbids.
    files: ['tests/e2e/security.spec.ts'],
    rules: { '@typescript-eslint/no-implied-eval': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  prettier,
);
