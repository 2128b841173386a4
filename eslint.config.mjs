import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.bench/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine is pure: no editor, no protocol, no Node, no clocks or randomness.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient*', 'node:*', 'fs', 'path', 'os', 'child_process'] }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'The engine takes clocks as parameters.' },
        { object: 'Math', property: 'random', message: 'The engine takes seeds as parameters.' }],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'setImmediate', 'window', 'document', 'process', 'require'],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
