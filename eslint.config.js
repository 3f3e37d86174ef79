import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'migrations/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src-main/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.{ts,js,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The renderer is sandboxed: it may reach the main process only through the shared contract.
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '!**/src-main/contract', '!**/src-main/contract/**'],
              message: 'src-renderer may import only src-main/contract/**.',
            },
            {
              group: ['node:*', 'electron', 'better-sqlite3', 'keytar', 'nodemailer'],
              message: 'Main-process only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared with the renderer: pure TypeScript, no I/O.
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron', '../*'], message: 'The contract stays pure and self-contained.' },
          ],
        },
      ],
    },
  },
);
