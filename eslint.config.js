// Lint: typescript-eslint's type-aware recommended rules, plus no import cycles
// (the path GraphQL → Cypher → Neo4j runs one way).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  {
    ignores: [
      'tmp',
      'explorer/dist',
      'node_modules',
      'dist',
      'tools/neo4j-local/target',
      '.data',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['eslint.config.js', 'tools/build-dist.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
