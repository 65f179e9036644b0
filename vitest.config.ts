import { defineConfig } from 'vitest/config';

/**
 * Two tiers: `fast` (no database: the vocabulary, the write planner and the Cypher translation, snapshots of
 * the generated queries; configuration, docs, codegen, values, the suggester) and `neo4j` (behaviour against one real Neo4j started in global
 * setup). `npm test` runs both; `npm run test:fast` runs the first alone, in seconds.
 */
const FAST = [
  'tests/translate/**/*.test.ts',
  'tests/plan/**/*.test.ts',
  'tests/model-vocabulary.test.ts',
  'tests/values.test.ts',
  'tests/codegen.test.ts',
  'tests/config.test.ts',
  'tests/docker-compose.test.ts',
  'tests/readme.test.ts',
  'tests/suggest/lexicon.test.ts',
  'tests/suggest/suggest-facts.test.ts',
  'tests/suggest/suggest-clauses.test.ts',
  'tests/suggest/suggest-heldout.test.ts',
  'tests/explorer-vocabulary.test.ts',
  'tests/schema-script.test.ts',
  'tests/operation-log.test.ts',
  'tests/warm-up.test.ts',
];

const shared = {
  resolve: {
    // graphql ships CommonJS and ESM builds; dependencies loaded by Node use the CommonJS
    // one, so our code must too, or "Cannot use GraphQLObjectType from another module".
    alias: { graphql: 'graphql/index.js' },
  },
};

export default defineConfig({
  ...shared,
  test: {
    restoreMocks: true,
    unstubEnvs: true,
    projects: [
      {
        ...shared,
        test: { name: 'fast', include: FAST, restoreMocks: true, unstubEnvs: true },
      },
      {
        ...shared,
        test: {
          name: 'neo4j',
          include: ['tests/**/*.test.ts'],
          exclude: FAST,
          globalSetup: ['tests/global-setup.ts'],
          // One Neo4j (Community has one user database) shared by all files: run files one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
          restoreMocks: true,
          unstubEnvs: true,
        },
      },
    ],
  },
});
