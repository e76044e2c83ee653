import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.ts';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its error and its ordering.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // Layers (docs/architecture.md): imports only point down; the pure core does no I/O.
    files: ['src/**/*.ts'],
    plugins: { basepin: layers },
    rules: { 'basepin/layers': 'error' },
  },
  {
    // Only the entries may touch the Actions toolkit or argv.
    files: ['src/**/*.ts'],
    ignores: ['src/action.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'Only src/action.ts and src/cli.ts import @actions/*.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'argv', message: 'Only entries read argv.' },
      ],
    },
  },
);
