// Lint with zero warnings. The layering of ARCHITECTURE.md §1 is enforced here, per runtime:
// shared is pure; the renderer sees only shared; the core never imports electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'url', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'build/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ è puro: niente moduli Node.' },
            { group: ['electron', '**/electron/**', '**/renderer/**'], message: 'shared/ non importa né il core né il renderer.' },
            { group: ['react', 'react-dom', '@mui/*'], message: 'shared/ non dipende dal DOM.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'Il renderer non usa Node.' },
            { group: ['electron', '**/electron/**'], message: 'Il renderer parla col core solo attraverso renderer/api.' },
            { group: ['better-sqlite3*', 'ws'], message: 'Il renderer non accede ai dati direttamente.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Il core non importa electron: gira anche in Node, nei test e in modalità browser.' }],
          patterns: [
            { group: ['**/renderer/**'], message: 'Il core non importa il renderer.' },
            { group: ['**/shell/**', '**/main', '**/preload'], message: 'Il core non importa la shell Electron.' },
          ],
        },
      ],
    },
  },
  // This file itself is checked without type information (it has no tsconfig of its own).
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['tests/**/*.{ts,tsx}', 'build/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
