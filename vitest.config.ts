import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds; dependencies loaded by Node use the CommonJS
    // one, so our code must too, or "Cannot use GraphQLObjectType from another module".
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // One Neo4j (Community has one user database) shared by all files: run files one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    restoreMocks: true,
    unstubEnvs: true,
  },
});
